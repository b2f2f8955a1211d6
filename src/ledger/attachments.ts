import type { StoredMedia } from '../domain/message.ts';
import type { Db } from './db.ts';

export interface Attachment extends StoredMedia {
  id: number;
  inboxId: number;
  person: string;
  /** The case or request it belongs to (`S-3`, `R-12`); undefined while not yet attached. */
  subject?: string;
  createdAt: number;
}

interface AttachmentRow {
  id: number;
  inbox_id: number;
  person: string;
  type: StoredMedia['type'];
  sha256: string;
  bytes: number;
  mime: string;
  subject: string | null;
  created_at: number;
}

const toAttachment = (r: AttachmentRow): Attachment => ({
  id: r.id,
  inboxId: r.inbox_id,
  person: r.person,
  type: r.type,
  sha256: r.sha256,
  bytes: r.bytes,
  mime: r.mime,
  ...(r.subject === null ? {} : { subject: r.subject }),
  createdAt: r.created_at,
});

/** Media a message carried: the row that makes a stored file part of the ledger (and servable). */
export class Attachments {
  constructor(private readonly db: Db) {}

  /** Recorded in the transaction that records the message; a redelivery is never recorded twice. */
  record(inboxId: number, person: string, media: StoredMedia, at: number): void {
    this.db
      .prepare(
        `INSERT INTO attachments (inbox_id, person, type, sha256, bytes, mime, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      )
      .run(inboxId, person, media.type, media.sha256, media.bytes, media.mime, at);
  }

  /** A person's media not attached to anything yet, sent at or after `since`, oldest first. */
  unattached(person: string, since: number): Attachment[] {
    return (
      this.db
        .prepare(
          'SELECT * FROM attachments WHERE person = ? AND subject IS NULL AND created_at >= ? ORDER BY id',
        )
        .all(person, since) as AttachmentRow[]
    ).map(toAttachment);
  }

  attach(id: number, subject: string): void {
    this.db.prepare('UPDATE attachments SET subject = ? WHERE id = ?').run(subject, id);
  }

  ofSubject(subject: string): Attachment[] {
    return (
      this.db
        .prepare('SELECT * FROM attachments WHERE subject = ? ORDER BY id')
        .all(subject) as AttachmentRow[]
    ).map(toAttachment);
  }

  /**
   * Removes the rows `where` (SQL over the attachments table, with named parameters) selects and returns
   * the file names no other row still names: the caller erases those files.
   */
  erase(where: string, params: Record<string, unknown>): string[] {
    const names = this.db
      .prepare(`SELECT DISTINCT sha256 FROM attachments WHERE ${where}`)
      .pluck()
      .all(params) as string[];
    this.db.prepare(`DELETE FROM attachments WHERE ${where}`).run(params);
    const still = this.db.prepare('SELECT 1 FROM attachments WHERE sha256 = ? LIMIT 1').pluck();
    return names.filter((name) => still.get(name) === undefined);
  }
}
