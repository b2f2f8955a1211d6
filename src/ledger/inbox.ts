import type { InboundMessage } from '../domain/message.ts';
import { type Db, dialectOf } from './db.ts';

export interface InboxRow {
  id: number;
  message: InboundMessage;
}

/** Every inbound message, recorded once: the unique (transport, chat, message id) key absorbs redeliveries. */
export class Inbox {
  private readonly insertRow;
  private readonly pendingRows;
  private readonly finishRow;

  constructor(private readonly db: Db) {
    this.insertRow = db
      .prepare(`INSERT INTO inbox (transport, chat_id, message_id, sender, received_at, message)
        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id`)
      .pluck();
    // Rows from the first one the caller recorded in this transaction on come without their message:
    // the caller holds it already parsed (see `pending`), and reading and parsing it again was a
    // twentieth of a webhook's CPU.
    this.pendingRows = db.prepare(`SELECT id, CASE WHEN id >= ? THEN NULL ELSE message END AS message
      FROM inbox WHERE state = 'pending' AND sender NOT IN (SELECT value FROM ${dialectOf(db).jsonValues('?', 'held')})
      ORDER BY id LIMIT ?`);
    this.finishRow = db.prepare('UPDATE inbox SET state = ?, processed_at = ? WHERE id = ?');
  }

  /** Records a message; returns its row id, or null when it was already recorded (a redelivery). */
  record(m: InboundMessage, receivedAt: number): number | null {
    const id = this.insertRow.get(
      m.chat.transport,
      m.chat.chatId,
      m.messageId,
      m.sender.id,
      receivedAt,
      JSON.stringify(m),
    ) as number | undefined;
    return id ?? null;
  }

  /**
   * The oldest unhandled messages, leaving out senders held back by flood control. `recorded`: the
   * messages the caller recorded in this same transaction, by row id; those rows are the newest, and
   * are not read back.
   */
  pending(
    limit: number,
    excludeSenders: readonly string[] = [],
    recorded: ReadonlyMap<number, InboundMessage> = new Map(),
  ): InboxRow[] {
    let knownFrom = Number.MAX_SAFE_INTEGER;
    for (const id of recorded.keys()) knownFrom = Math.min(knownFrom, id);
    const rows = this.pendingRows.all(knownFrom, JSON.stringify(excludeSenders), limit) as {
      id: number;
      message: string | null;
    }[];
    return rows.map((r) => {
      // On PostgreSQL another process may have committed a row among this transaction's ids: read it.
      const text = r.message ?? (recorded.has(r.id) ? null : this.messageOf(r.id));
      const message = text === null ? recorded.get(r.id) : (JSON.parse(text) as InboundMessage);
      if (!message) throw new Error(`inbox row ${r.id} has no message`);
      return { id: r.id, message };
    });
  }

  /**
   * Whether the person ever wrote to the bot in their private chat: only then may the bot write to them
   * unasked (someone read in a group hears of their request only if they have a chat with the bot).
   */
  hasPrivateChat(personId: string): boolean {
    const colon = personId.indexOf(':');
    return (
      this.db
        .prepare('SELECT 1 FROM inbox WHERE transport = ? AND chat_id = ? LIMIT 1')
        .get(personId.slice(0, colon), personId.slice(colon + 1)) !== undefined
    );
  }

  private messageOf(id: number): string | null {
    return (this.db.prepare('SELECT message FROM inbox WHERE id = ?').pluck().get(id) as string) ?? null;
  }

  /**
   * Takes the chats of `rows` for the rest of the transaction and returns the rows still pending: on
   * PostgreSQL another process may be handling a message of one of those chats (this waits until it
   * committed) or may have handled one of these rows meanwhile (left out). One chat's messages are so
   * handled one at a time across processes, each seeing what the one before did. SQLite has one writer.
   */
  takeChats(rows: readonly InboxRow[]): InboxRow[] {
    const d = dialectOf(this.db);
    if (!d.lockChats || rows.length === 0) return [...rows];
    const chats = new Set(rows.map((r) => `${r.message.chat.transport}:${r.message.chat.chatId}`));
    this.db.prepare(d.lockChats).run(JSON.stringify([...chats]));
    const still = new Set(
      this.db
        .prepare(
          `SELECT id FROM inbox WHERE state = 'pending'
           AND id IN (SELECT CAST(value AS BIGINT) FROM ${d.jsonValues('?', 'ids')})`,
        )
        .pluck()
        .all(JSON.stringify(rows.map((r) => r.id))) as number[],
    );
    return rows.filter((r) => still.has(r.id));
  }

  finish(id: number, state: 'done' | 'failed', at: number): void {
    this.finishRow.run(state, at, id);
  }

  pendingCount(): number {
    return this.db.prepare("SELECT COUNT(*) FROM inbox WHERE state = 'pending'").pluck().get() as number;
  }
}
