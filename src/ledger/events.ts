import { createHash, randomBytes } from 'node:crypto';
import { type Db, dialectOf } from './db.ts';
import { isAddress, mapAddresses, Pseudonyms } from './pseudonyms.ts';

/** Who did something, when, and in answer to which inbound message. */
export interface Actor {
  id: string;
  at: number;
  messageRef?: string;
}

export const SYSTEM = 'system';
export const GENESIS = '0'.repeat(64);

export interface NewEvent {
  kind: string;
  subject?: string;
  payload?: Record<string, unknown>;
  /**
   * Names, phone numbers, exact locations and every free text a person wrote (items outside the
   * catalog, notes, reasons, broadcast texts): erased by /forget and the retention purge, still covered
   * by the chain through a salted commitment.
   */
  personal?: Record<string, unknown>;
}

export interface EventRow {
  id: number;
  at: number;
  actor: string;
  message_ref: string | null;
  kind: string;
  subject: string | null;
  payload: string;
  personal: string | null;
  personal_hash: string | null;
  prev_hash: string;
  hash: string;
}

export type VerifyResult =
  | { ok: true; checked: number }
  | { ok: false; checked: number; id: number; reason: string };

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function eventHash(e: Omit<EventRow, 'id' | 'hash' | 'personal'>): string {
  return sha256(
    JSON.stringify([
      e.prev_hash,
      e.at,
      e.actor,
      e.message_ref,
      e.kind,
      e.subject,
      e.payload,
      e.personal_hash,
    ]),
  );
}

export class EventLog {
  private readonly insert;
  private readonly lastHash;
  private readonly lockHead;
  private readonly pseudonyms: Pseudonyms;

  constructor(private readonly db: Db) {
    this.pseudonyms = new Pseudonyms(db);
    this.insert = db
      .prepare(`INSERT INTO events
      (at, actor, message_ref, kind, subject, payload, personal, personal_hash, prev_hash, hash)
      VALUES (@at, @actor, @message_ref, @kind, @subject, @payload, @personal, @personal_hash, @prev_hash, @hash)
      RETURNING id`)
      .pluck();
    this.lastHash = db.prepare('SELECT hash FROM events ORDER BY id DESC LIMIT 1').pluck();
    const lock = dialectOf(db).lockChainHead;
    this.lockHead = lock === null ? undefined : db.prepare(lock);
  }

  /**
   * Appends one event to the chain. Call it inside the transaction that makes the change. Platform
   * addresses (the actor, a person subject, any value in the payload or personal part) are stored as
   * the person's pseudonym, and the message reference as the inbox row: the chain never holds an
   * address, so forgetting a person erases one row of `pseudonyms` and the chain still verifies.
   */
  append(actor: Actor, event: NewEvent): number {
    const person = (address: string) => this.pseudonyms.of(address);
    const pseudonymous = (v: string) => (isAddress(v) ? person(v) : v);
    // The salt makes the hash a commitment: without it a short value (a phone number, a point) could be
    // found again by hashing every candidate. Erasing the personal part erases the salt with it.
    const personal = event.personal
      ? JSON.stringify({
          ...(mapAddresses(event.personal, person) as object),
          salt: randomBytes(16).toString('hex'),
        })
      : null;
    const row = {
      at: actor.at,
      actor: pseudonymous(actor.id),
      message_ref: actor.messageRef === undefined ? null : this.pseudonyms.messageRef(actor.messageRef),
      kind: event.kind,
      subject: event.subject === undefined ? null : pseudonymous(event.subject),
      payload: JSON.stringify(mapAddresses(event.payload ?? {}, person)),
      personal_hash: personal === null ? null : sha256(personal),
      prev_hash: this.head(),
    };
    const hash = eventHash(row);
    return this.insert.get({ ...row, personal, hash }) as number;
  }

  /** The newest event's hash, read under the chain-head lock where the engine needs one. */
  private head(): string {
    // Read after the lock: on PostgreSQL each statement sees what committed before it began.
    this.lockHead?.run();
    return (this.lastHash.get() as string | undefined) ?? GENESIS;
  }

  /** Walks the whole chain in id order and reports the first event whose hash or link does not hold. */
  verify(): VerifyResult {
    let prev = GENESIS;
    let checked = 0;
    const rows = this.db.prepare('SELECT * FROM events ORDER BY id').iterate() as IterableIterator<EventRow>;
    for (const e of rows) {
      let reason: string | undefined;
      if (e.prev_hash !== prev)
        reason = 'link to the previous event is broken (an event was removed or reordered)';
      else if (eventHash(e) !== e.hash) reason = 'contents do not match the hash (the event was altered)';
      else if (e.personal !== null && sha256(e.personal) !== e.personal_hash)
        reason = 'personal data was altered';
      if (reason) {
        rows.return?.();
        return { ok: false, checked, id: e.id, reason };
      }
      prev = e.hash;
      checked++;
    }
    return { ok: true, checked };
  }

  /** A record's events (`R-3`), or a person's, by their pseudonym or their address. */
  forSubject(subject: string): EventRow[] {
    const stored = isAddress(subject) ? (this.pseudonyms.find(subject) ?? subject) : subject;
    return this.db.prepare('SELECT * FROM events WHERE subject = ? ORDER BY id').all(stored) as EventRow[];
  }

  count(): number {
    return this.db.prepare('SELECT COUNT(*) FROM events').pluck().get() as number;
  }
}
