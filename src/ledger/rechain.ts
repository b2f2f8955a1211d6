import type { Db } from './db.ts';
import { type EventRow, eventHash, GENESIS, SYSTEM, sha256 } from './events.ts';
import { isAddress, mapAddresses, Pseudonyms } from './pseudonyms.ts';

/** The transition event: the chain before it was rewritten with pseudonyms ended at `previousHead`. */
export const PSEUDONYMISED = 'ledger.pseudonymised';

export type Stored = Omit<EventRow, 'id' | 'hash' | 'prev_hash' | 'personal_hash'> & {
  personal_hash: string | null;
};

/**
 * One stored event as the pseudonymous ledger writes it: addresses become pseudonyms, the message
 * reference the inbox row, and a group event names the group by its `G-n` subject only (its chat id,
 * a WhatsApp group id once held its creator's number, stays in the groups table). Deterministic, so
 * whoever holds a copy of the old chain and the pseudonym table can redo it and get the same hashes.
 */
export function pseudonymiseEvent(e: Stored, pseudonyms: Pseudonyms): Stored {
  const person = (address: string) => pseudonyms.of(address);
  const json = (text: string) => {
    const value = mapAddresses(JSON.parse(text), person) as Record<string, unknown>;
    if (e.kind.startsWith('group.') && value && typeof value === 'object') delete value.chat;
    return JSON.stringify(value);
  };
  const personal = e.personal === null ? null : json(e.personal);
  return {
    ...e,
    actor: isAddress(e.actor) ? person(e.actor) : e.actor,
    message_ref: e.message_ref === null ? null : pseudonyms.messageRef(e.message_ref),
    subject: e.subject !== null && isAddress(e.subject) ? person(e.subject) : e.subject,
    payload: json(e.payload),
    personal,
    // An erased personal part keeps the hash it had: there is nothing left to rewrite.
    personal_hash: personal === null ? e.personal_hash : sha256(personal),
  };
}

/**
 * Migration 140's code step: rewrites every stored event with pseudonyms and links them again from
 * the genesis, then appends a transition event that keeps the old head hash and the number of events
 * it covered.
 */
export function rechainWithPseudonyms(db: Db, now = Date.now()): void {
  const pseudonyms = new Pseudonyms(db);
  rewriteChain(db, PSEUDONYMISED, (e) => pseudonymiseEvent(e, pseudonyms), now);
}

/**
 * Rewrites every stored event through `rewrite` and links them again from the genesis, then appends a
 * `kind` event that keeps the old head hash and the number of events it covered. The append-only
 * triggers are lifted for the rewrite and put back exactly as they were, inside the migration's
 * transaction, so no other writer ever sees the chain without them.
 */
export function rewriteChain(db: Db, kind: string, rewrite: (e: Stored) => Stored, now = Date.now()): void {
  const count = db.prepare('SELECT COUNT(*) FROM events').pluck().get() as number;
  if (count === 0) return;
  const previousHead = db.prepare('SELECT hash FROM events ORDER BY id DESC LIMIT 1').pluck().get() as string;
  const triggers = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events'")
    .all() as { name: string; sql: string }[];
  for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);

  const update = db.prepare(`UPDATE events SET actor = @actor, message_ref = @message_ref, subject = @subject,
      payload = @payload, personal = @personal, personal_hash = @personal_hash, prev_hash = @prev_hash,
      hash = @hash WHERE id = @id`);
  const rows = db.prepare('SELECT * FROM events ORDER BY id').all() as EventRow[];
  let prev = GENESIS;
  for (const old of rows) {
    const row = { ...rewrite(old), prev_hash: prev };
    const hash = eventHash(row);
    update.run({ ...row, id: old.id, hash });
    prev = hash;
  }
  const transition = {
    at: now,
    actor: SYSTEM,
    message_ref: null,
    kind,
    subject: null,
    payload: JSON.stringify({ previousHead, events: count }),
    personal_hash: null,
    prev_hash: prev,
  };
  db.prepare(`INSERT INTO events (at, actor, message_ref, kind, subject, payload, personal, personal_hash,
      prev_hash, hash) VALUES (@at, @actor, @message_ref, @kind, @subject, @payload, NULL, @personal_hash,
      @prev_hash, @hash)`).run({ ...transition, hash: eventHash(transition) });

  for (const t of triggers) db.exec(t.sql);
}
