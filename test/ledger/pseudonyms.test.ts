import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listMigrations, migrate, openDatabase } from '../../src/ledger/db.ts';
import { eventHash, GENESIS } from '../../src/ledger/events.ts';
import { Pseudonyms } from '../../src/ledger/pseudonyms.ts';
import { PSEUDONYMISED, pseudonymiseEvent } from '../../src/ledger/rechain.ts';
import { addressesInChain } from '../support/chain-scan.ts';
import { Harness, openRaw, tempDir } from '../support/harness.ts';
import { runCli } from '../support/spawn.ts';

/**
 * Pseudonymous ledger (issue 15): the chain names people by `P-n`; their platform address is in the
 * pseudonyms table alone. A ledger written before (addresses in actor, subject, message_ref, payload)
 * is converted by migration 140 and still verifies.
 */

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

const WA = 'whatsapp:6281234567890@c.us';
const WA_MSG = 'true_6281234567890@c.us_3EB0AA';
const COORDINATOR = 'telegram:987654321';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

interface OldEvent {
  actor: string;
  message_ref: string | null;
  kind: string;
  subject: string | null;
  payload: Record<string, unknown>;
  personal?: Record<string, unknown>;
  /** The personal part was written, then erased by a purge: only its hash is left. */
  erased?: boolean;
}

/** Events as the code before the pseudonyms wrote them, hashed the way it hashed them. */
const OLD: OldEvent[] = [
  {
    actor: WA,
    message_ref: `whatsapp:6281234567890@c.us:${WA_MSG}`,
    kind: 'person.language',
    subject: WA,
    payload: { lang: 'id' },
  },
  {
    actor: WA,
    message_ref: 'whatsapp:6281234567890@c.us:true_6281234567890@c.us_3EB0BB',
    kind: 'request.created',
    subject: 'R-1',
    payload: { items: [{ item: 'water', qty: 20 }], people: 4, area: 'DIY/Bantul', urgency: 'normal' },
    personal: { requester: WA, contact: '0812-3456-7890', address: 'Jl. Kenanga 17' },
  },
  {
    actor: COORDINATOR,
    message_ref: 'telegram:987654321:17',
    kind: 'request.assigned',
    subject: 'R-1',
    payload: { from: 'verified', volunteer: 'V-1', by: COORDINATOR },
  },
  {
    actor: COORDINATOR,
    message_ref: null,
    kind: 'group.registered',
    subject: 'G-1',
    // An old WhatsApp group id: its creator's number, then the creation time.
    payload: { transport: 'whatsapp', chat: '6281298765432-1596512345@g.us', topics: ['supply'], area: null },
  },
  {
    actor: 'cli',
    message_ref: null,
    kind: 'person.role',
    subject: 'telegram:424242424',
    payload: { role: 'coordinator', previous: 'anyone' },
  },
  {
    actor: WA,
    message_ref: null,
    kind: 'rescue.opened',
    subject: 'S-1',
    payload: { area: 'DIY/Bantul', hasCoordinates: true },
    personal: { reporter: WA, lat: -7.912345, lon: 110.335678 },
    erased: true,
  },
];

/** A ledger file at schema 130 holding OLD, written with SQL as the previous code would have. */
function oldLedger(): { file: string; head: string } {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const file = path.join(t.dir, 'relief.db');
  const db = openDatabase(file);
  migrate(
    db,
    listMigrations().filter((m) => m.version < 140),
  );
  const inbox =
    db.prepare(`INSERT INTO inbox (transport, chat_id, message_id, sender, received_at, message, state)
    VALUES (?, ?, ?, ?, 1, '{}', 'done')`);
  inbox.run('whatsapp', '6281234567890@c.us', WA_MSG, WA);
  inbox.run('whatsapp', '6281234567890@c.us', 'true_6281234567890@c.us_3EB0BB', WA);
  inbox.run('telegram', '987654321', '17', COORDINATOR);
  const insert = db.prepare(`INSERT INTO events (at, actor, message_ref, kind, subject, payload, personal,
    personal_hash, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  let prev = '0'.repeat(64);
  for (const [i, e] of OLD.entries()) {
    const personal = e.personal ? JSON.stringify(e.personal) : null;
    const personalHash = personal === null ? null : sha256(personal);
    const payload = JSON.stringify(e.payload);
    const at = 1_000 + i;
    const hash = sha256(
      JSON.stringify([prev, at, e.actor, e.message_ref, e.kind, e.subject, payload, personalHash]),
    );
    insert.run(
      at,
      e.actor,
      e.message_ref,
      e.kind,
      e.subject,
      payload,
      e.erased ? null : personal,
      personalHash,
      prev,
      hash,
    );
    prev = hash;
  }
  db.close();
  return { file, head: prev };
}

describe('migration 140: the stored chain rewritten with pseudonyms', () => {
  it('verifies after, names nobody by an address, and keeps the old head hash in a transition event', async () => {
    const { file, head } = oldLedger();
    const before = openRaw(file);
    const oldRows = before.prepare('SELECT * FROM events ORDER BY id').all() as Parameters<
      typeof pseudonymiseEvent
    >[0][];
    before.close();

    // Migration 140 alone; 285 (a person's words out of payloads) follows when the CLI opens it below.
    const upgrade = openDatabase(file);
    migrate(
      upgrade,
      listMigrations().filter((m) => m.version < 285),
    );
    upgrade.close();
    const db = openRaw(file);
    cleanups.push(() => db.close());
    const rows = db.prepare('SELECT * FROM events ORDER BY id').all() as {
      kind: string;
      payload: string;
      personal: string;
      hash: string;
    }[];
    expect(rows).toHaveLength(OLD.length + 1);
    const transition = rows.at(-1)!;
    expect(transition.kind).toBe(PSEUDONYMISED);
    expect(JSON.parse(transition.payload)).toEqual({ previousHead: head, events: OLD.length });
    expect(addressesInChain(db, [WA, COORDINATOR, 'telegram:424242424', 'whatsapp:6281298765432'])).toEqual(
      [],
    );
    expect(rows[0]).toMatchObject({ actor: 'P-1', subject: 'P-1', message_ref: 'M-1' });
    expect(rows[2]).toMatchObject({ actor: 'P-2', message_ref: 'M-3' });
    expect(JSON.parse(rows[2]!.payload).by).toBe('P-2');
    expect(JSON.parse(rows[1]!.personal).requester).toBe('P-1');
    expect(db.prepare('SELECT address FROM pseudonyms WHERE id = 1').pluck().get()).toBe(WA);
    // The erased personal part stays erased, its old hash kept.
    expect(rows[5]).toMatchObject({ personal: null, personal_hash: oldRows[5]!.personal_hash });

    // Whoever holds the old chain and the pseudonym table redoes the conversion and gets the same
    // hashes: it changed nothing but the addresses.
    const pseudonyms = new Pseudonyms(db);
    let prev = GENESIS;
    for (const [i, old] of oldRows.entries()) {
      const redone = { ...pseudonymiseEvent(old, pseudonyms), prev_hash: prev };
      prev = eventHash(redone);
      expect(prev, `event ${i + 1}`).toBe(rows[i]!.hash);
    }

    const verified = await runCli(['verify'], { DATABASE_PATH: file });
    // Both conversions, each with its transition event: the person.language payload moved in 285.
    expect(verified.stdout).toContain(`ok: ${OLD.length + 2} events checked`);
    expect(verified.code).toBe(0);
  });

  it('leaves a ledger with no events as it is: nothing to convert', () => {
    const h = new Harness();
    cleanups.push(() => h.close());
    expect(h.count('events')).toBe(0);
    expect(h.ledger.events.verify()).toEqual({ ok: true, checked: 0 });
  });
});

describe('the pseudonymous chain', () => {
  it('holds no platform address after a run of WhatsApp and Telegram people through the core', () => {
    const h = new Harness({ ADMINS: COORDINATOR });
    cleanups.push(() => h.close());
    const group = {
      id: COORDINATOR,
      chat: { transport: 'whatsapp' as const, chatId: '120363025551234567@g.us', kind: 'group' as const },
    };
    const volunteer = 'whatsapp:6281311112222@c.us';
    h.send(group, '/register supply,rescue Bantul');
    h.send(WA, '/lang id');
    h.send(WA, 'SOS Jl. Kenanga 17 Imogiri, 3 orang, air naik, 0812-3456-7890');
    h.send(WA, { kind: 'location', lat: -7.912345, lon: 110.335678 });
    h.send(WA, '/need 20 water @ Imogiri, hubungi 081234567890');
    h.send(WA, '4');
    h.send(volunteer, '/volunteer');
    for (const answer of ['Rina', 'boat', 'Imogiri', '1', '1']) h.send(volunteer, answer);
    h.send(COORDINATOR, '/verify R-1 ok');
    h.send(COORDINATOR, '/assign R-1 V-1');
    h.send(COORDINATOR, '/close S-1 called 0811-2223-334 at -7.912345,110.335678');
    h.send(COORDINATOR, `/grant ${volunteer} coordinator`);
    h.send(COORDINATOR, '/broadcast all Posko buka, hubungi 0812 9999 8888');
    expect(h.count('events')).toBeGreaterThan(10);
    expect(addressesInChain(h.db, [WA, COORDINATOR, volunteer, 'whatsapp:120363025551234567'])).toEqual([]);
    expect(h.ledger.events.verify()).toMatchObject({ ok: true });
  });
});
