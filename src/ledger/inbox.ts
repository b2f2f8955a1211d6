import type { InboundMessage } from '../domain/message.ts';
import type { Db } from './db.ts';

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
    this.insertRow = db.prepare(`INSERT OR IGNORE INTO inbox
      (transport, chat_id, message_id, sender, received_at, message) VALUES (?, ?, ?, ?, ?, ?)`);
    this.pendingRows = db.prepare(`SELECT id, message FROM inbox WHERE state = 'pending'
      AND sender NOT IN (SELECT value FROM json_each(?)) ORDER BY id LIMIT ?`);
    this.finishRow = db.prepare('UPDATE inbox SET state = ?, processed_at = ? WHERE id = ?');
  }

  /** Records a message; returns its row id, or null when it was already recorded (a redelivery). */
  record(m: InboundMessage, receivedAt: number): number | null {
    const r = this.insertRow.run(
      m.chat.transport,
      m.chat.chatId,
      m.messageId,
      m.sender.id,
      receivedAt,
      JSON.stringify(m),
    );
    return r.changes === 0 ? null : Number(r.lastInsertRowid);
  }

  /** The oldest unhandled messages, leaving out senders held back by flood control. */
  pending(limit: number, excludeSenders: readonly string[] = []): InboxRow[] {
    return (
      this.pendingRows.all(JSON.stringify(excludeSenders), limit) as { id: number; message: string }[]
    ).map((r) => ({
      id: r.id,
      message: JSON.parse(r.message) as InboundMessage,
    }));
  }

  finish(id: number, state: 'done' | 'failed', at: number): void {
    this.finishRow.run(state, at, id);
  }

  pendingCount(): number {
    return this.db.prepare("SELECT COUNT(*) FROM inbox WHERE state = 'pending'").pluck().get() as number;
  }
}
