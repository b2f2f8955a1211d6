import { isWithin } from '../domain/areas.ts';
import { formatRef } from '../domain/refs.ts';
import { TOPICS, type Topic } from '../domain/topics.ts';
import type { Db } from './db.ts';
import { type Actor, EventLog } from './events.ts';
import type { Group, Groups } from './groups.ts';

/** Who a broadcast goes to: every group, a topic's groups, an area's groups (and below), or one group. */
export type BroadcastTarget =
  | { kind: 'all' }
  | { kind: 'topic'; topic: Topic }
  | { kind: 'area'; area: string }
  | { kind: 'group'; groupId: number };

/** Stored as text: `all`, `topic:rescue`, `area:DIY/Bantul`, `G-3`. */
export function encodeTarget(t: BroadcastTarget): string {
  switch (t.kind) {
    case 'all':
      return 'all';
    case 'topic':
      return `topic:${t.topic}`;
    case 'area':
      return `area:${t.area}`;
    case 'group':
      return formatRef('G', t.groupId);
  }
}

export function decodeTarget(s: string): BroadcastTarget {
  if (s.startsWith('topic:') && TOPICS.includes(s.slice(6) as Topic))
    return { kind: 'topic', topic: s.slice(6) as Topic };
  if (s.startsWith('area:')) return { kind: 'area', area: s.slice(5) };
  if (/^G-\d+$/.test(s)) return { kind: 'group', groupId: Number(s.slice(2)) };
  return { kind: 'all' };
}

export type BroadcastState = 'scheduled' | 'pending' | 'done' | 'cancelled';

export interface Broadcast {
  id: number;
  author: string;
  text: string;
  target: string;
  scheduled_at: number | null;
  cron: string | null;
  state: BroadcastState;
  schedule_id: number | null;
  reported_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface NewBroadcast {
  author: string;
  text: string;
  target: BroadcastTarget;
  state: 'scheduled' | 'pending';
  scheduledAt?: number;
  cron?: string;
  scheduleId?: number;
}

export interface Progress {
  total: number;
  sent: number;
  failed: number;
  pending: number;
  /** `G-n` of each group whose delivery failed for good. */
  failedGroups: string[];
}

export interface LastDelivery {
  state: 'pending' | 'sending' | 'sent' | 'failed';
  at: number;
  error: string | null;
}

/** Broadcasts (`B-n`), their schedules, and the state of their delivery rows in the outbox. */
export class Broadcasts {
  private readonly events: EventLog;

  constructor(
    private readonly db: Db,
    private readonly groups: Groups,
  ) {
    this.events = new EventLog(db);
  }

  /**
   * A broadcast to send now (`pending`, its delivery rows follow in the same transaction) or later
   * (`scheduled`); a `pending` one records the groups it reaches at this moment.
   */
  create(actor: Actor, b: NewBroadcast): Broadcast {
    const at = actor.at;
    const id = this.db
      .prepare(`INSERT INTO broadcasts (author, text, target, scheduled_at, cron, state, schedule_id, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`)
      .pluck()
      .get(
        b.author,
        b.text,
        encodeTarget(b.target),
        b.scheduledAt ?? null,
        b.cron ?? null,
        b.state,
        b.scheduleId ?? null,
        at,
        at,
      );
    const created = this.get(id as number)!;
    const schedule = b.scheduleId === undefined ? {} : { schedule: formatRef('B', b.scheduleId) };
    if (b.state === 'pending') this.recordQueued(actor, created, schedule);
    else
      this.events.append(actor, {
        kind: 'broadcast.scheduled',
        subject: formatRef('B', created.id),
        payload: { target: created.target, at: b.scheduledAt ?? null, cron: b.cron ?? null },
        personal: { text: b.text },
      });
    return created;
  }

  private recordQueued(actor: Actor, b: Broadcast, extra: Record<string, unknown>): void {
    const groups = this.recipients(decodeTarget(b.target)).map((g) => g.id);
    this.events.append(actor, {
      kind: 'broadcast.queued',
      subject: formatRef('B', b.id),
      payload: { target: b.target, groups, ...extra },
      // Written for groups and redacted, yet a person's words: erasable with the broadcast.
      personal: { text: b.text },
    });
  }

  get(id: number): Broadcast | undefined {
    return this.db.prepare('SELECT * FROM broadcasts WHERE id = ?').get(id) as Broadcast | undefined;
  }

  targetOf(b: Broadcast): BroadcastTarget {
    return decodeTarget(b.target);
  }

  /**
   * The active, reachable groups a target reaches now. An area reaches its own groups and those below
   * it; the public channel hears every broadcast but one for a single group (what the public page shows).
   */
  recipients(target: BroadcastTarget): Group[] {
    const reaches = (g: Group): boolean => {
      if (g.publicChannel && target.kind !== 'group') return true;
      switch (target.kind) {
        case 'all':
          return true;
        case 'topic':
          return g.topics.includes(target.topic);
        case 'area':
          return g.area !== null && isWithin(g.area, target.area);
        case 'group':
          return g.id === target.groupId;
      }
    };
    return this.groups.all().filter((g) => g.active && g.reachable && reaches(g));
  }

  /** A broadcast of the same text to the same target since `since`: sending it again is likely a mistake. */
  recentTwin(text: string, target: BroadcastTarget, since: number): Broadcast | undefined {
    return this.db
      .prepare(`SELECT * FROM broadcasts WHERE text = ? AND target = ? AND created_at >= ?
        AND state IN ('pending', 'done') ORDER BY id DESC LIMIT 1`)
      .get(text, encodeTarget(target), since) as Broadcast | undefined;
  }

  progress(id: number): Progress {
    const rows = this.db
      .prepare('SELECT state, group_id FROM outbox WHERE broadcast_id = ? ORDER BY id')
      .all(id) as { state: string; group_id: number }[];
    const count = (s: string) => rows.filter((r) => r.state === s).length;
    return {
      total: rows.length,
      sent: count('sent'),
      failed: count('failed'),
      pending: count('pending') + count('sending'),
      failedGroups: rows.filter((r) => r.state === 'failed').map((r) => formatRef('G', r.group_id)),
    };
  }

  /** Broadcasts still `pending` whose delivery rows are all final: their authors have not heard yet. */
  finishedUnreported(): Broadcast[] {
    return this.db
      .prepare(`SELECT * FROM broadcasts b WHERE b.state = 'pending' AND NOT EXISTS
        (SELECT 1 FROM outbox o WHERE o.broadcast_id = b.id AND o.state IN ('pending', 'sending'))
        ORDER BY b.id`)
      .all() as Broadcast[];
  }

  /** Every delivery row is final and the author is told: the outcome becomes part of the record. */
  markDone(actor: Actor, id: number, result: { sent: number; failed: readonly string[] }): void {
    this.db
      .prepare("UPDATE broadcasts SET state = 'done', reported_at = ?, updated_at = ? WHERE id = ?")
      .run(actor.at, actor.at, id);
    this.events.append(actor, {
      kind: 'broadcast.done',
      subject: formatRef('B', id),
      payload: { sent: result.sent, failed: result.failed },
    });
  }

  /** Schedules still to run, soonest first. */
  scheduled(): Broadcast[] {
    return this.db
      .prepare("SELECT * FROM broadcasts WHERE state = 'scheduled' ORDER BY scheduled_at, id")
      .all() as Broadcast[];
  }

  dueSchedules(now: number): Broadcast[] {
    return this.db
      .prepare(
        "SELECT * FROM broadcasts WHERE state = 'scheduled' AND scheduled_at <= ? ORDER BY scheduled_at, id",
      )
      .all(now) as Broadcast[];
  }

  /** A one-off schedule turns into the broadcast itself; its delivery rows follow in the same transaction. */
  startSending(actor: Actor, id: number): Broadcast {
    this.db.prepare("UPDATE broadcasts SET state = 'pending', updated_at = ? WHERE id = ?").run(actor.at, id);
    const b = this.get(id)!;
    this.recordQueued(actor, b, { schedule: formatRef('B', id) });
    return b;
  }

  /** A repeating schedule moves on to its next run (or, with none, ends). */
  reschedule(actor: Actor, id: number, nextAt: number | undefined): void {
    const at = actor.at;
    if (nextAt === undefined)
      this.db.prepare("UPDATE broadcasts SET state = 'done', updated_at = ? WHERE id = ?").run(at, id);
    else
      this.db
        .prepare('UPDATE broadcasts SET scheduled_at = ?, updated_at = ? WHERE id = ?')
        .run(nextAt, at, id);
    this.events.append(actor, {
      kind: nextAt === undefined ? 'broadcast.schedule_ended' : 'broadcast.rescheduled',
      subject: formatRef('B', id),
      payload: { next: nextAt ?? null },
    });
  }

  cancel(actor: Actor, id: number): void {
    this.db
      .prepare("UPDATE broadcasts SET state = 'cancelled', updated_at = ? WHERE id = ?")
      .run(actor.at, id);
    this.events.append(actor, { kind: 'broadcast.unscheduled', subject: formatRef('B', id) });
  }

  /** The newest delivery to each group (any outbound row to it), for `/groups`. */
  lastDeliveries(): Map<number, LastDelivery> {
    const rows = this.db
      .prepare(`SELECT o.group_id, o.state, COALESCE(o.sent_at, o.created_at) AS at, o.last_error AS error
        FROM outbox o JOIN (SELECT group_id, MAX(id) AS id FROM outbox WHERE group_id IS NOT NULL GROUP BY group_id) l
        ON o.id = l.id`)
      .all() as ({ group_id: number } & LastDelivery)[];
    return new Map(rows.map((r) => [r.group_id, { state: r.state, at: r.at, error: r.error }]));
  }

  /** Delivery rows to a group that failed for good since `since`. */
  failedSince(groupId: number, since: number): number {
    return this.db
      .prepare("SELECT COUNT(*) FROM outbox WHERE group_id = ? AND state = 'failed' AND created_at >= ?")
      .pluck()
      .get(groupId, since) as number;
  }
}
