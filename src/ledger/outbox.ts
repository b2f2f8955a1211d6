import type { ChatRef, OutboundKind, OutboundMessage, TransportName } from '../domain/message.ts';
import { type Db, dialectOf } from './db.ts';

/**
 * Who may read a message that carries personal data: the person who wrote or whom it is about
 * (`self`), the volunteer or team assigned to the record (`assignee`), coordinators (`coordinators`).
 * Each of them only in their own private chat.
 */
export type PersonalFor = 'self' | 'assignee' | 'coordinators';

/** An outbound message before it has an id, and what it answers or belongs to. */
export interface FailedPrivateMessage {
  id: number;
  transport: TransportName;
  chatId: string;
  text: string;
  error: string | null;
}

/** The order of delivery statuses; a callback never moves a row back down it. */
const STATUS_RANK = (x: string) =>
  `CASE ${x} WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2 WHEN 'read' THEN 3 WHEN 'failed' THEN 4 ELSE 0 END`;

export interface NewOutboxRow extends Omit<OutboundMessage, 'id'> {
  /** Set when the message carries personal data: it may then go to a private chat only. */
  personalFor?: PersonalFor;
  inboxId?: number;
  broadcastId?: number;
  groupId?: number;
  /** The record a group post is about (`S-3`): a later change may edit that post. */
  subject?: string;
  /** The outbox row of an earlier post to this chat that this text replaces (an edit, on Telegram). */
  editRow?: number;
}

interface OutboxRow {
  id: number;
  transport: TransportName;
  chat_id: string;
  chat_kind: 'private' | 'group';
  kind: OutboundKind;
  text: string;
  extra: string | null;
  attempts: number;
  broadcast_id: number | null;
}

/** What an outbox row carries besides its text, as JSON in `extra`. */
type Extra = Pick<OutboundMessage, 'choices' | 'ask' | 'file' | 'media'> & { edit?: number };

/** A delivered row and what the platform answered. */
export interface SentMark {
  id: number;
  platformMessageId: string | undefined;
  at: number;
}

/** A send as a pacer counts it: to which chat, and when the platform answered it. */
export interface RecentSend {
  chat: ChatRef;
  at: number;
}

export interface DueMessage extends OutboundMessage {
  attempts: number;
  /** Set for a broadcast's delivery row: its author hears when all of them are final. */
  broadcastId?: number;
}

const editOf = (id: string | undefined) => (id === undefined ? {} : { editOf: id });

/** The durable queue of everything outbound; the dispatcher in src/outbox/ drains it. */
export class OutboxStore {
  private readonly insert;
  private readonly due;
  private readonly stmt;

  constructor(private readonly db: Db) {
    this.insert = db
      .prepare(`INSERT INTO outbox
      (transport, chat_id, chat_kind, kind, text, extra, inbox_id, broadcast_id, group_id, personal_for,
       next_at, created_at, subject)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`)
      .pluck();
    // Only the oldest unsent row of each chat is due, so one chat's messages keep their order;
    // replies go ahead of notices and group sends. Read in the order of index outbox_queue, no sort.
    // (INDEXED BY: without ANALYZE statistics the planner would take outbox_pending and sort.) Only the
    // columns a send needs: every column read costs, and the dispatcher runs this on every pass.
    this.due = db.prepare(`SELECT o.id, o.transport, o.chat_id, o.chat_kind, o.kind, o.text, o.extra,
      o.attempts, o.broadcast_id FROM outbox o ${dialectOf(db).indexedBy('outbox_queue')}
      WHERE o.transport = ? AND o.state = 'pending' AND o.next_at <= ?
        AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.transport = o.transport AND p.chat_id = o.chat_id
                        AND p.state IN ('pending', 'sending') AND p.id < o.id)
      ORDER BY (o.kind <> 'reply'), o.id
      LIMIT ? ${dialectOf(db).skipLocked('o')}`);
    // Prepared once: the dispatcher runs these for every row it sends.
    this.stmt = {
      claim: db.prepare(
        "UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE id = ? AND state = 'pending'",
      ),
      sent: db.prepare(
        "UPDATE outbox SET state = 'sent', platform_message_id = ?, sent_at = ?, last_error = NULL WHERE id = ?",
      ),
      pendingAll: db.prepare("SELECT COUNT(*) FROM outbox WHERE state IN ('pending', 'sending')").pluck(),
      pendingOf: db
        .prepare("SELECT COUNT(*) FROM outbox WHERE state IN ('pending', 'sending') AND transport = ?")
        .pluck(),
      nextDue: db
        .prepare("SELECT MIN(next_at) FROM outbox WHERE transport = ? AND state = 'pending'")
        .pluck(),
    };
  }

  /**
   * Queues one message. A personal one for anything but a private chat is a bug upstream (the renderer
   * moves or refuses those): it throws, and the message's whole transaction rolls back.
   */
  enqueue(row: NewOutboxRow, now: number): number {
    if (row.personalFor && row.chat.kind !== 'private')
      throw new Error(`a personal message (for ${row.personalFor}) cannot go to a ${row.chat.kind} chat`);
    const extra =
      row.choices || row.ask || row.file || row.media || row.editRow
        ? JSON.stringify({
            choices: row.choices,
            ask: row.ask,
            file: row.file,
            media: row.media,
            edit: row.editRow,
          })
        : null;
    return this.insert.get(
      row.chat.transport,
      row.chat.chatId,
      row.chat.kind,
      row.kind,
      row.text,
      extra,
      row.inboxId ?? null,
      row.broadcastId ?? null,
      row.groupId ?? null,
      row.personalFor ?? null,
      now,
      now,
      row.subject ?? null,
    ) as number;
  }

  /** The newest post about `subject` to a group, not failed: the one an edit brings up to date. */
  lastGroupPost(groupId: number, subject: string): number | undefined {
    return this.db
      .prepare(
        `SELECT id FROM outbox WHERE group_id = ? AND subject = ? AND state <> 'failed' ORDER BY id DESC LIMIT 1`,
      )
      .pluck()
      .get(groupId, subject) as number | undefined;
  }

  /** The platform's id of a sent row (an edit's target); undefined while unsent or never known. */
  private platformIdOf(id: number): string | undefined {
    return (
      (this.db.prepare('SELECT platform_message_id FROM outbox WHERE id = ?').pluck().get(id) as
        | string
        | null
        | undefined) ?? undefined
    );
  }

  dueFor(transport: TransportName, now: number, limit: number): DueMessage[] {
    return (this.due.all(transport, now, limit) as OutboxRow[]).map((r) => {
      const extra = r.extra ? (JSON.parse(r.extra) as Extra) : {};
      return {
        id: r.id,
        chat: { transport: r.transport, chatId: r.chat_id, kind: r.chat_kind },
        kind: r.kind,
        text: r.text,
        attempts: r.attempts,
        ...(r.broadcast_id === null ? {} : { broadcastId: r.broadcast_id }),
        ...(extra.choices ? { choices: extra.choices } : {}),
        ...(extra.ask ? { ask: extra.ask } : {}),
        ...(extra.file ? { file: extra.file } : {}),
        ...(extra.media ? { media: extra.media } : {}),
        // The post to replace is sent before this row (one chat's rows keep their order); if it never
        // got an id, the text goes as a new message.
        ...(extra.edit === undefined ? {} : editOf(this.platformIdOf(extra.edit))),
      };
    });
  }

  /**
   * Claims a window of due rows for sending in one statement; the caller commits it before any platform
   * call, so a row found `sending` after a crash may have been delivered. Returns the ids claimed: a row
   * no longer pending (sent meanwhile) is left out, the check right before each send that it was not sent.
   */
  claim(ids: readonly number[]): Set<number> {
    const claimed = new Set<number>();
    for (const id of ids) if (this.stmt.claim.run(id).changes === 1) claimed.add(id);
    return claimed;
  }

  /** Marks delivered rows `sent`; the dispatcher commits a window of them in one transaction. */
  markSent(rows: readonly SentMark[]): void {
    for (const r of rows) this.stmt.sent.run(r.platformMessageId ?? null, r.at, r.id);
  }

  markRetry(id: number, nextAt: number, error: string): void {
    this.db
      .prepare("UPDATE outbox SET state = 'pending', next_at = ?, last_error = ? WHERE id = ?")
      .run(nextAt, error, id);
  }

  /** The platform asked to slow down: try again later without spending one of the bounded attempts. */
  markThrottled(id: number, nextAt: number, error: string): void {
    this.db
      .prepare(
        "UPDATE outbox SET state = 'pending', next_at = ?, last_error = ?, attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END WHERE id = ?",
      )
      .run(nextAt, error, id);
  }

  markFailed(id: number, error: string): void {
    this.db.prepare("UPDATE outbox SET state = 'failed', last_error = ? WHERE id = ?").run(error, id);
  }

  /** Fails every unsent row for a chat that can no longer be reached (bot blocked, removed from group). */
  failChat(chat: ChatRef, error: string): number {
    return this.db
      .prepare(
        "UPDATE outbox SET state = 'failed', last_error = ? WHERE transport = ? AND chat_id = ? AND state IN ('pending', 'sending')",
      )
      .run(error, chat.transport, chat.chatId).changes;
  }

  /**
   * Whether other processes may write this outbox too (PostgreSQL): the sender then looks for their
   * rows now and then, as nothing in this process tells it of them.
   */
  get shared(): boolean {
    return dialectOf(this.db).trySender !== null;
  }

  /**
   * Calls `listener` once a transaction that queued rows has committed, in any process (PostgreSQL:
   * LISTEN to what the outbox's trigger notifies). Nothing on SQLite, whose one process knows.
   */
  onQueued(listener: () => void): void {
    this.db.listen?.('outbox_queued', listener);
  }

  /**
   * Makes this process the one that sends for `transport`, if no other live process is: true when it
   * is (now or already). On PostgreSQL a lock of this connection's session, released when it ends (the
   * process stops or dies), so one process at a time sends for a token, within the platform's limits
   * for the token as a whole. SQLite's one process always is.
   */
  becomeSender(transport: TransportName): boolean {
    const sql = dialectOf(this.db).trySender;
    return sql === null || this.db.prepare(sql).pluck().get(transport) === 1;
  }

  /**
   * When a process becomes the sender: rows left `sending` (by a crash, or by the sender before it,
   * which died with its claims) go back to pending. The platform may already have them, so each such
   * row can arrive twice: the documented at-least-once window, one message per row in flight.
   */
  recoverInterrupted(transport: TransportName): number {
    // The redundant IN term lets SQLite read the partial index of unsent rows instead of every row sent.
    return this.db
      .prepare(
        "UPDATE outbox SET state = 'pending' WHERE transport = ? AND state IN ('pending', 'sending') AND state = 'sending'",
      )
      .run(transport).changes;
  }

  /**
   * What the sender before this one sent for `transport` since `since` (and had in flight, as now),
   * oldest first, so a new sender's pacer counts it. Only where senders change hands (PostgreSQL):
   * SQLite's one sender starts with its process, and a start never pays for reading the outbox.
   */
  recentSends(transport: TransportName, since: number, now: number): RecentSend[] {
    if (!this.shared) return [];
    const rows = this.db
      .prepare(
        `SELECT chat_id, chat_kind, CASE WHEN state = 'sending' THEN ? ELSE sent_at END AS at FROM outbox
         WHERE transport = ? AND (state = 'sending' OR (state = 'sent' AND sent_at > ?)) ORDER BY at`,
      )
      .all(now, transport, since) as { chat_id: string; chat_kind: 'private' | 'group'; at: number }[];
    return rows.map((r) => ({ chat: { transport, chatId: r.chat_id, kind: r.chat_kind }, at: r.at }));
  }

  /**
   * Records what the platform says became of a sent message. Callbacks may arrive out of order (read
   * before delivered): a status never moves back, and `failed` stands. Returns whether a row matched.
   */
  recordDeliveryStatus(
    transport: TransportName,
    platformMessageId: string,
    status: string,
    at: number,
    errorCode?: number,
  ): boolean {
    // A message the platform took and then could not deliver is failed after all: coordinators hear of
    // it as of any private message given up on.
    return (
      this.db
        .prepare(
          `UPDATE outbox SET delivery_status = @status, delivery_status_at = @at,
             state = CASE WHEN @status = 'failed' THEN 'failed' ELSE state END,
             last_error = CASE WHEN @status = 'failed' THEN @error ELSE last_error END
           WHERE transport = @transport AND platform_message_id = @id
             AND (${STATUS_RANK('delivery_status')}) < (${STATUS_RANK('@status')})`,
        )
        .run({
          transport,
          id: platformMessageId,
          status,
          at,
          error: `the platform reported it undelivered (${errorCode ?? 'no code'})`,
        }).changes > 0
    );
  }

  /** Private messages given up on that coordinators have not heard of yet, oldest first. */
  unreportedFailures(limit = 50): FailedPrivateMessage[] {
    return this.db
      .prepare(
        `SELECT id, transport, chat_id AS chatId, text, last_error AS error FROM outbox
         WHERE state = 'failed' AND failure_reported_at IS NULL AND chat_kind = 'private' ORDER BY id LIMIT ?`,
      )
      .all(limit) as FailedPrivateMessage[];
  }

  markFailureReported(id: number, at: number): void {
    this.db.prepare('UPDATE outbox SET failure_reported_at = ? WHERE id = ?').run(at, id);
  }

  pendingCount(transport?: TransportName): number {
    return (transport ? this.stmt.pendingOf.get(transport) : this.stmt.pendingAll.get()) as number;
  }

  nextDueAt(transport: TransportName): number | undefined {
    return (this.stmt.nextDue.get(transport) as number | null) ?? undefined;
  }
}
