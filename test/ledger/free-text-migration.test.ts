import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listMigrations, migrate, openDatabase } from '../../src/ledger/db.ts';
import { eventHash, GENESIS, sha256 } from '../../src/ledger/events.ts';
import { FREE_TEXT_MOVED } from '../../src/ledger/free-text-rechain.ts';
import { Ledger } from '../../src/ledger/index.ts';
import { tempDir } from '../support/harness.ts';

/**
 * Migration 285: events written before a person's words were kept in the personal part held them in
 * the hashed payload. After it they are erasable, and the chain still verifies.
 */

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

const WORDS = 'antar ke rumah bu siti jl mawar';
const BROADCAST = 'kumpul di rumah pak harjono';
const PURGED = 'kata yang sudah dihapus';

const OLD = [
  {
    kind: 'request.created',
    subject: 'R-1',
    payload: {
      items: [
        { item: 'water', qty: 20 },
        { item: 'other', qty: 5, text: WORDS },
      ],
      people: 4,
    },
    personal: { requester: 'P-1', notes: null },
  },
  { kind: 'broadcast.queued', subject: 'B-1', payload: { target: 'all', groups: [], text: BROADCAST } },
  // Its personal part was already erased by a purge: the words go, they do not move.
  {
    kind: 'request.created',
    subject: 'R-2',
    payload: { items: [{ item: 'other', qty: 1, text: PURGED }], people: 1 },
    personal: { requester: 'P-2' },
    erased: true,
  },
  { kind: 'person.language', subject: 'P-1', payload: { lang: 'en' } },
];

function oldLedger(): { file: string; head: string } {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const file = path.join(t.dir, 'relief.db');
  const db = openDatabase(file);
  migrate(
    db,
    listMigrations().filter((m) => m.version < 285),
  );
  // The records they are about, finished long ago, so the purge reaches them.
  db.prepare(`INSERT INTO requests (id, requester, items, status, created_at, updated_at)
    VALUES (1, 'telegram:5', ?, 'closed', 1, 1)`).run(JSON.stringify(OLD[0]!.payload.items));
  db.prepare(`INSERT INTO broadcasts (id, author, text, target, state, created_at, updated_at)
    VALUES (1, 'telegram:1', ?, 'all', 'done', 1, 1)`).run(BROADCAST);
  const insert = db.prepare(`INSERT INTO events (at, actor, message_ref, kind, subject, payload, personal,
    personal_hash, prev_hash, hash) VALUES (@at, @actor, NULL, @kind, @subject, @payload, @personal,
    @personal_hash, @prev_hash, @hash)`);
  let prev = GENESIS;
  for (const [i, e] of OLD.entries()) {
    const personal = 'personal' in e ? JSON.stringify(e.personal) : null;
    const row = {
      at: 1_000 + i,
      actor: 'P-1',
      message_ref: null,
      kind: e.kind,
      subject: e.subject,
      payload: JSON.stringify(e.payload),
      personal_hash: personal === null ? null : sha256(personal),
      prev_hash: prev,
    };
    const hash = eventHash(row);
    insert.run({ ...row, personal: 'erased' in e ? null : personal, hash });
    prev = hash;
  }
  db.close();
  return { file, head: prev };
}

describe('migration 285: a person words out of the hashed payload', () => {
  it('moves them to the personal part under a salted hash, drops erased ones, and the chain verifies', () => {
    const { file, head } = oldLedger();
    const ledger = Ledger.open(file);
    expect(ledger.events.verify()).toMatchObject({ ok: true, checked: OLD.length + 1 });
    const rows = ledger.events.forSubject('R-1');
    expect(rows[0]!.payload).not.toContain(WORDS);
    expect(JSON.parse(rows[0]!.payload).items).toEqual([
      { item: 'water', qty: 20 },
      { item: 'other', qty: 5 },
    ]);
    expect(JSON.parse(rows[0]!.personal!)).toMatchObject({ requester: 'P-1', otherItems: [WORDS] });
    expect(JSON.parse(rows[0]!.personal!).salt).toMatch(/^[0-9a-f]{32}$/);
    expect(ledger.events.forSubject('B-1')[0]!.payload).not.toContain(BROADCAST);
    expect(ledger.events.forSubject('R-2')[0]).toMatchObject({ personal: null });
    expect(ledger.events.forSubject('R-2')[0]!.payload).not.toContain(PURGED);
    expect(ledger.events.count()).toBe(OLD.length + 1);

    // Erasable now: with the personal parts gone, the words are nowhere and the chain still verifies.
    ledger.transaction(() => ledger.housekeeping.purge({ id: 'system', at: 10 ** 13 }, 10 ** 13));
    ledger.close();
    const raw = Buffer.concat([file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f)));
    for (const w of [WORDS, BROADCAST, PURGED]) expect(raw.includes(w), w).toBe(false);
    const again = openDatabase(file);
    const moved = again.prepare('SELECT payload FROM events WHERE kind = ?').pluck().get(FREE_TEXT_MOVED);
    // The old chain's head is kept: a copy of the old chain can still be checked against it.
    expect(JSON.parse(String(moved))).toEqual({ previousHead: head, events: OLD.length });
    again.close();
    const reopened = Ledger.open(file);
    expect(reopened.events.verify()).toMatchObject({ ok: true });
    reopened.close();
  });
});
