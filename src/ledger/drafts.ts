import type { GroupReading } from '../domain/group-reading.ts';
import { sharedItems } from '../domain/items.ts';
import type { Db } from './db.ts';
import type { Actor, EventLog } from './events.ts';

export type DraftKind = 'need' | 'offer' | 'danger';
export type DraftStatus = 'pending' | 'confirmed' | 'merged' | 'discarded' | 'rescue';

/**
 * A draft (`D-n`): what the bot read in a listened group, waiting for a coordinator. Personal data
 * throughout: the writer, their words and what was read from them.
 */
export interface Draft {
  id: number;
  kind: DraftKind;
  status: DraftStatus;
  writer: string;
  groupId: number;
  /** How many listened groups the same words came from. */
  seenIn: number;
  words: string;
  reading: GroupReading;
  area: string | null;
  /** What the decision made or joined: `R-4`, `O-2`, `S-3`, `D-1`. */
  result: string | null;
  escalationLevel: number;
  createdAt: number;
}

export interface NewDraft {
  kind: DraftKind;
  writer: string;
  groupId: number;
  fingerprint: string;
  words: string;
  reading: GroupReading;
  area: string | null;
}

interface DraftRow {
  id: number;
  kind: DraftKind;
  status: DraftStatus;
  writer: string;
  group_id: number;
  seen_in: number;
  words: string;
  reading: string;
  area: string | null;
  result: string | null;
  escalation_level: number;
  created_at: number;
}

const toDraft = (r: DraftRow): Draft => ({
  id: r.id,
  kind: r.kind,
  status: r.status,
  writer: r.writer,
  groupId: r.group_id,
  seenIn: r.seen_in,
  words: r.words,
  reading: JSON.parse(r.reading) as GroupReading,
  area: r.area,
  result: r.result,
  escalationLevel: r.escalation_level,
  createdAt: r.created_at,
});

const ref = (id: number) => `D-${id}`;
/** Drafts this close together with the same words are one: a forward into several groups, a repost. */
const SAME_WORDS_MS = 72 * 3_600_000;
/** A pending draft this recent may be the same need as a new one. */
const DUPLICATE_WINDOW_MS = 24 * 3_600_000;

/** Drafts made in listened groups; each change is an event naming the draft, its words kept personal. */
export class Drafts {
  constructor(
    private readonly db: Db,
    private readonly events: EventLog,
  ) {}

  /** The draft already made of the same words lately, if any. */
  sameWords(fingerprint: string, now: number): Draft | undefined {
    const row = this.db
      .prepare('SELECT * FROM drafts WHERE fingerprint = ? AND created_at >= ? ORDER BY id LIMIT 1')
      .get(fingerprint, now - SAME_WORDS_MS) as DraftRow | undefined;
    return row && toDraft(row);
  }

  /** The same words came from one more group: counted, no second draft. */
  seenAgain(actor: Actor, id: number, groupId: number): void {
    this.db.prepare('UPDATE drafts SET seen_in = seen_in + 1, updated_at = ? WHERE id = ?').run(actor.at, id);
    this.events.append(actor, { kind: 'draft.seen-again', subject: ref(id), payload: { group: groupId } });
  }

  create(actor: Actor, d: NewDraft): Draft {
    const id = Number(
      this.db
        .prepare(`INSERT INTO drafts (kind, writer, group_id, fingerprint, words, reading, area, created_at,
          updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`)
        .pluck()
        .get(
          d.kind,
          d.writer,
          d.groupId,
          d.fingerprint,
          d.words,
          JSON.stringify(d.reading),
          d.area,
          actor.at,
          actor.at,
        ),
    );
    this.events.append(actor, {
      kind: 'draft.read',
      subject: ref(id),
      payload: { kind: d.kind, group: `G-${d.groupId}`, area: d.area },
      personal: { writer: d.writer, words: d.words },
    });
    return this.get(id)!;
  }

  get(id: number): Draft | undefined {
    const row = this.db.prepare('SELECT * FROM drafts WHERE id = ?').get(id) as DraftRow | undefined;
    return row && toDraft(row);
  }

  /** What waits for a coordinator: oldest first for `/draft`, newest first for the dashboard's list. */
  pending(limit = 20, order: 'oldest' | 'newest' = 'oldest'): Draft[] {
    return (
      this.db
        .prepare(
          `SELECT * FROM drafts WHERE status = 'pending' ORDER BY id ${order === 'newest' ? 'DESC' : 'ASC'} LIMIT ?`,
        )
        .all(limit) as DraftRow[]
    ).map(toDraft);
  }

  /** Pending drafts of the same kind that may be the same need: the same writer, or the area and an item. */
  likelyDuplicates(d: Draft): Draft[] {
    const rows = this.db
      .prepare(`SELECT * FROM drafts WHERE id <> ? AND kind = ? AND status = 'pending' AND created_at >= ?
        AND (writer = ? OR (area IS NOT NULL AND area = ?)) ORDER BY id DESC LIMIT 5`)
      .all(d.id, d.kind, d.createdAt - DUPLICATE_WINDOW_MS, d.writer, d.area) as DraftRow[];
    return rows
      .map(toDraft)
      .filter((o) => o.writer === d.writer || sharedItems(o.reading.items, d.reading.items));
  }

  /** A corrected reading (the coordinator's edit); only while pending. */
  reread(actor: Actor, id: number, reading: GroupReading, area: string | null): boolean {
    const changed = this.db
      .prepare("UPDATE drafts SET reading = ?, area = ?, updated_at = ? WHERE id = ? AND status = 'pending'")
      .run(JSON.stringify(reading), area, actor.at, id).changes;
    if (changed)
      this.events.append(actor, {
        kind: 'draft.edited',
        subject: ref(id),
        payload: { area },
        personal: { reading },
      });
    return changed > 0;
  }

  /** pending → decided, once: a second coordinator's tap finds it decided. */
  decide(actor: Actor, id: number, status: Exclude<DraftStatus, 'pending'>, result: string | null): boolean {
    const changed = this.db
      .prepare(`UPDATE drafts SET status = ?, result = ?, decided_by = ?, updated_at = ?
        WHERE id = ? AND status = 'pending'`)
      .run(status, result, actor.id, actor.at, id).changes;
    if (changed)
      this.events.append(actor, { kind: `draft.${status}`, subject: ref(id), payload: { result } });
    return changed > 0;
  }

  /** Danger drafts nobody answered for `intervalMs` since they were read or last escalated. */
  overdueDanger(now: number, intervalMs: number): Draft[] {
    return (
      this.db
        .prepare(`SELECT * FROM drafts WHERE kind = 'danger' AND status = 'pending'
          AND COALESCE(last_escalated_at, created_at) <= ? ORDER BY id`)
        .all(now - intervalMs) as DraftRow[]
    ).map(toDraft);
  }

  escalate(actor: Actor, id: number): Draft | undefined {
    const changed = this.db
      .prepare(`UPDATE drafts SET escalation_level = escalation_level + 1, last_escalated_at = ?, updated_at = ?
        WHERE id = ? AND status = 'pending'`)
      .run(actor.at, actor.at, id).changes;
    if (!changed) return undefined;
    const d = this.get(id)!;
    this.events.append(actor, {
      kind: 'draft.escalated',
      subject: ref(id),
      payload: { level: d.escalationLevel },
    });
    return d;
  }
}
