import type { CapLevels } from '../domain/cap.ts';
import { formatRef } from '../domain/refs.ts';
import type { Db } from './db.ts';
import type { Actor, EventLog } from './events.ts';

/** A public alert (`A-n`): a coordinator's warning for an area, with its CAP levels. */
export interface Alert extends CapLevels {
  id: number;
  area: string;
  /** Written for the public and passed through the redaction before it was stored. */
  text: string;
  /** The language it was written in (the author's), which the CAP feed declares. */
  language: string;
  author: string;
  broadcastId: number | null;
  at: number;
}

interface AlertRow extends CapLevels {
  id: number;
  area: string;
  text: string;
  language: string;
  author: string;
  broadcast_id: number | null;
  created_at: number;
}

const toAlert = (r: AlertRow): Alert => ({
  id: Number(r.id),
  area: r.area,
  text: r.text,
  urgency: r.urgency,
  severity: r.severity,
  certainty: r.certainty,
  language: r.language,
  author: r.author,
  broadcastId: r.broadcast_id === null ? null : Number(r.broadcast_id),
  at: Number(r.created_at),
});

/** Public alerts; their delivery to groups is the broadcast each one names. */
export class Alerts {
  constructor(
    private readonly db: Db,
    private readonly events: EventLog,
  ) {}

  issue(actor: Actor, a: Omit<Alert, 'id' | 'at' | 'author'>): Alert {
    const id = Number(
      this.db
        .prepare(`INSERT INTO alerts (area, text, urgency, severity, certainty, language, author, broadcast_id,
          created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`)
        .pluck()
        .get(
          a.area,
          a.text,
          a.urgency,
          a.severity,
          a.certainty,
          a.language,
          actor.id,
          a.broadcastId,
          actor.at,
        ),
    );
    this.events.append(actor, {
      kind: 'alert.issued',
      subject: formatRef('A', id),
      payload: {
        area: a.area,
        urgency: a.urgency,
        severity: a.severity,
        certainty: a.certainty,
        broadcast: a.broadcastId === null ? null : formatRef('B', a.broadcastId),
      },
      // Written for the public, yet a person's words: erasable like a broadcast's.
      personal: { text: a.text },
    });
    return this.get(id)!;
  }

  /** The same text for the same area since `since`: a second press rather than a new warning. */
  recentTwin(area: string, text: string, since: number): Alert | undefined {
    const row = this.db
      .prepare(
        'SELECT * FROM alerts WHERE area = ? AND text = ? AND created_at >= ? ORDER BY id DESC LIMIT 1',
      )
      .get(area, text, since) as AlertRow | undefined;
    return row && toAlert(row);
  }

  get(id: number): Alert | undefined {
    const row = this.db.prepare('SELECT * FROM alerts WHERE id = ?').get(id) as AlertRow | undefined;
    return row && toAlert(row);
  }
}
