import type { Choice } from '../domain/message.ts';
import type { Db } from './db.ts';

/** The bot's answer to a coordinator's action on the dashboard: an outbox row of their `web` chat. */
export interface DashboardAnswer {
  id: number;
  /** The coordinator's person id: a `web` chat is named after the person who speaks in it. */
  personId: string;
  text: string;
  choices?: Choice[];
}

/**
 * The answers of the `web` transport, read from the outbox where the core wrote them, so a page sees
 * them whichever process handled the action and whichever delivered the row.
 */
export class DashboardAnswers {
  constructor(private readonly db: Db) {}

  /** The newest answer's id: a page that opens now shows what comes after it. */
  last(): number {
    return (
      (this.db
        .prepare("SELECT COALESCE(MAX(id), 0) FROM outbox WHERE transport = 'web'")
        .pluck()
        .get() as number) ?? 0
    );
  }

  after(id: number, limit = 100): DashboardAnswer[] {
    const rows = this.db
      .prepare(
        "SELECT id, chat_id, text, extra FROM outbox WHERE transport = 'web' AND id > ? ORDER BY id LIMIT ?",
      )
      .all(id, limit) as { id: number; chat_id: string; text: string; extra: string | null }[];
    return rows.map((r) => {
      const choices = r.extra ? (JSON.parse(r.extra) as { choices?: Choice[] }).choices : undefined;
      return { id: r.id, personId: r.chat_id, text: r.text, ...(choices ? { choices } : {}) };
    });
  }
}
