import type { ChatRef, Choice } from '../domain/message.ts';
import type { Db } from './db.ts';

export interface DialogState {
  command: string;
  /** The id of the step waiting for an answer; null for a dialog saved before steps had ids. */
  step: string | null;
  data: Record<string, unknown>;
  /** The choices offered by the last question, so "2" or a label can be matched after a restart. */
  choices: Choice[];
  startedAt: number;
  updatedAt: number;
}

interface DialogRow {
  command: string;
  step: string | null;
  data: string;
  choices: string | null;
  started_at: number;
  updated_at: number;
}

/** Dialog state lives in the ledger, so a restart resumes every dialog at the step it was at. */
export class Dialogs {
  constructor(private readonly db: Db) {}

  get(personId: string, chat: ChatRef): DialogState | undefined {
    const row = this.db
      .prepare('SELECT * FROM dialogs WHERE person_id = ? AND transport = ? AND chat_id = ?')
      .get(personId, chat.transport, chat.chatId) as DialogRow | undefined;
    if (!row) return undefined;
    return {
      command: row.command,
      step: row.step,
      data: JSON.parse(row.data) as Record<string, unknown>,
      choices: row.choices ? (JSON.parse(row.choices) as Choice[]) : [],
      startedAt: row.started_at,
      updatedAt: row.updated_at,
    };
  }

  save(personId: string, chat: ChatRef, s: DialogState): void {
    this.db
      .prepare(`INSERT INTO dialogs (person_id, transport, chat_id, command, step, data, choices, started_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (person_id, transport, chat_id) DO UPDATE SET command = excluded.command, step = excluded.step,
          data = excluded.data, choices = excluded.choices, started_at = excluded.started_at, updated_at = excluded.updated_at`)
      .run(
        personId,
        chat.transport,
        chat.chatId,
        s.command,
        s.step,
        JSON.stringify(s.data),
        JSON.stringify(s.choices),
        s.startedAt,
        s.updatedAt,
      );
  }

  clear(personId: string, chat: ChatRef): boolean {
    return (
      this.db
        .prepare('DELETE FROM dialogs WHERE person_id = ? AND transport = ? AND chat_id = ?')
        .run(personId, chat.transport, chat.chatId).changes > 0
    );
  }
}
