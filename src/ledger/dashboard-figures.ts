import type { Db } from './db.ts';

/** How long a step took, for each record that took it within the window. */
export interface Durations {
  /** Rescue cases acknowledged (or given a team) within the window: report to acknowledgement. */
  acknowledge: number[];
  /** Requests and rescue cases assigned within the window: report to assignment. */
  assign: number[];
}

export interface BroadcastInProgress {
  id: number;
  target: string;
  createdAt: number;
  total: number;
  sent: number;
  failed: number;
  pending: number;
}

/** The dashboard's figures that lists of live records do not hold: times taken, broadcasts under way. */
export class DashboardFigures {
  constructor(private readonly db: Db) {}

  /** The newest event's id: anything that changed the ledger, in any process, moves it. */
  version(): number {
    return (this.db.prepare('SELECT COALESCE(MAX(id), 0) FROM events').pluck().get() as number) ?? 0;
  }

  durations(since: number): Durations {
    const acknowledge = this.db
      .prepare('SELECT acknowledged_at - created_at FROM rescues WHERE acknowledged_at >= ?')
      .pluck()
      .all(since) as number[];
    const assign = this.db
      .prepare(
        `SELECT e.at - COALESCE(q.created_at, r.created_at) FROM events e
           LEFT JOIN requests q ON e.kind = 'request.assigned' AND e.subject = 'R-' || q.id
           LEFT JOIN rescues r ON e.kind = 'rescue.team_assigned' AND e.subject = 'S-' || r.id
         WHERE e.kind IN ('request.assigned', 'rescue.team_assigned') AND e.at >= ?
           AND COALESCE(q.created_at, r.created_at) IS NOT NULL`,
      )
      .pluck()
      .all(since) as number[];
    return { acknowledge, assign };
  }

  broadcastsInProgress(): BroadcastInProgress[] {
    return this.db
      .prepare(
        `SELECT b.id, b.target, b.created_at AS "createdAt", COUNT(o.id) AS total,
           SUM(CASE WHEN o.state = 'sent' THEN 1 ELSE 0 END) AS sent,
           SUM(CASE WHEN o.state = 'failed' THEN 1 ELSE 0 END) AS failed,
           SUM(CASE WHEN o.state IN ('pending', 'sending') THEN 1 ELSE 0 END) AS pending
         FROM broadcasts b LEFT JOIN outbox o ON o.broadcast_id = b.id
         WHERE b.state = 'pending' GROUP BY b.id, b.target, b.created_at ORDER BY b.id`,
      )
      .all()
      .map((r) => {
        const row = r as BroadcastInProgress;
        return { ...row, sent: row.sent ?? 0, failed: row.failed ?? 0, pending: row.pending ?? 0 };
      });
  }
}
