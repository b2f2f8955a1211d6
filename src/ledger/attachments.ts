import type { StoredMedia } from '../domain/message.ts';
import type { Db } from './db.ts';

export interface Attachment extends StoredMedia {
  id: number;
  inboxId: number;
  person: string;
  /** The case or request it belongs to (`S-3`, `R-12`); undefined while not yet attached. */
  subject?: string;
  createdAt: number;
  /** Where its EXIF said it was taken, kept only when that was recent. */
  place?: { lat: number; lon: number };
}

/** The question "Is this where you are?" about a photo's place: asked, then answered one way or another. */
export type PlaceOffer = 'open' | 'taken' | 'declined' | 'lapsed';

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
  place_lat: number | null;
  place_lon: number | null;
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
  ...(r.place_lat === null || r.place_lon === null ? {} : { place: { lat: r.place_lat, lon: r.place_lon } }),
});

/** Media a message carried: the row that makes a stored file part of the ledger (and servable). */
export class Attachments {
  constructor(private readonly db: Db) {}

  /** Recorded in the transaction that records the message; a redelivery is never recorded twice. */
  record(
    inboxId: number,
    person: string,
    media: StoredMedia,
    at: number,
    place?: { lat: number; lon: number },
  ): void {
    this.db
      .prepare(
        `INSERT INTO attachments (inbox_id, person, type, sha256, bytes, mime, created_at, place_lat, place_lon)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      )
      .run(
        inboxId,
        person,
        media.type,
        media.sha256,
        media.bytes,
        media.mime,
        at,
        place?.lat ?? null,
        place?.lon ?? null,
      );
  }

  /** The person's newest media sent at or after `since` with a place never offered to them yet. */
  placeToOffer(person: string, since: number): Attachment | undefined {
    const row = this.db
      .prepare(
        `SELECT * FROM attachments WHERE person = ? AND created_at >= ? AND place_lat IS NOT NULL
         AND place_offer IS NULL ORDER BY id DESC LIMIT 1`,
      )
      .get(person, since) as AttachmentRow | undefined;
    return row && toAttachment(row);
  }

  /** The photo whose place the person was asked about and has not answered yet. */
  openPlaceOffer(person: string): Attachment | undefined {
    const row = this.db
      .prepare(`SELECT * FROM attachments WHERE person = ? AND place_offer = 'open' ORDER BY id DESC LIMIT 1`)
      .get(person) as AttachmentRow | undefined;
    return row && toAttachment(row);
  }

  /** Records where the question about a photo's place stands. */
  setPlaceOffer(id: number, state: PlaceOffer): void {
    this.db.prepare('UPDATE attachments SET place_offer = ? WHERE id = ?').run(state, id);
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

  /** The attachments of these cases and requests (`S-3`, `R-12`), oldest first. */
  ofSubjects(subjects: readonly string[]): Attachment[] {
    if (subjects.length === 0) return [];
    const marks = subjects.map(() => '?').join(', ');
    return (
      this.db
        .prepare(`SELECT * FROM attachments WHERE subject IN (${marks}) ORDER BY id`)
        .all(...subjects) as AttachmentRow[]
    ).map(toAttachment);
  }

  /** A file that belongs to a case or request, by its name: the only kind the dashboard serves. */
  servable(sha256: string): Attachment | undefined {
    const row = this.db
      .prepare('SELECT * FROM attachments WHERE sha256 = ? AND subject IS NOT NULL ORDER BY id LIMIT 1')
      .get(sha256) as AttachmentRow | undefined;
    return row && toAttachment(row);
  }

  /** Whether any row names this file. */
  names(sha256: string): boolean {
    return (
      this.db.prepare('SELECT 1 FROM attachments WHERE sha256 = ? LIMIT 1').pluck().get(sha256) !== undefined
    );
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
