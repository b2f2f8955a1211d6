import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { CopyRefused, copyLedger } from '../../src/ledger/copy-ledger.ts';
import type { Db } from '../../src/ledger/db.ts';
import { Ledger } from '../../src/ledger/index.ts';
import { openPostgres } from '../../src/ledger/postgres.ts';
import { ledgerLocation, tableNames } from '../support/engine.ts';
import { Harness, openRaw, type Person, tempDir } from '../support/harness.ts';

/**
 * `relief-bot copy-ledger`: a posko that started on a laptop moves its SQLite ledger to PostgreSQL with
 * its history. The copy must be the same ledger: every row equal, the same chain (verify passes, the
 * head hash equal), forgotten people still forgotten, and the bot carries on from it.
 */

const COORDINATOR = 'telegram:900';
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/** A SQLite ledger file with a harness on it (the harness on a file, whatever this project's engine). */
function sqliteLedger(): { h: Harness; file: string } {
  const t = tempDir();
  const h = new Harness(
    { ADMINS: COORDINATOR, RETENTION_DAYS: '1' },
    undefined,
    path.join(t.dir, 'relief.db'),
  );
  h.grant(COORDINATOR, 'coordinator');
  cleanups.push(t.cleanup);
  return { h, file: h.file };
}

function connect(url: string): Db {
  const db = openPostgres(url);
  cleanups.push(() => db.close());
  return db;
}

/**
 * Every table's rows as the engine gives them (the geo index, SQLite's own on one side, and the log of
 * applied migrations aside), sorted here so that the engines' collations do not matter.
 */
function contents(db: Pick<Db, 'prepare'>, tables: string[]): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const t of tables.filter((n) => !n.startsWith('volunteers_geo') && n !== 'schema_migrations'))
    out[t] = db
      .prepare(`SELECT * FROM "${t}"`)
      .all()
      .map((r) => JSON.stringify(r))
      .sort();
  return out;
}

const copyContents = (url: string) => {
  const db = connect(url);
  return contents(db, tableNames(db));
};

function sqliteContents(file: string): Record<string, unknown[]> {
  const db = openRaw(file);
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .pluck()
      .all() as string[];
    return contents(db as unknown as Db, tables);
  } finally {
    db.close();
  }
}

/** A morning of the relief effort with free text in every field that keeps it, and a person forgotten. */
function floodMorning(h: Harness): void {
  const say = (from: Person | string, text: string) => {
    h.clock.advance(7_000);
    h.send(from, text);
  };
  say(
    { id: COORDINATOR, chat: { transport: 'telegram', chatId: '-100', kind: 'group' } },
    '/register rescue,supply Bantul',
  );
  say(
    'telegram:600',
    '/sos 4 orang, air naik, rumah Pak Slamet di Jl. Imogiri Timur no. 3, hp 0812-3456-7890',
  );
  say(COORDINATOR, '/ack S-1');
  say('telegram:500', "/need 20 water, 5 kg rice, obat O'Brien 💊 @ Imogiri");
  say('telegram:500', '12');
  say('telegram:501', '/need 3 blankets @ Bantul');
  say('telegram:501', '4');
  say(COORDINATOR, '/verify R-1 ok');
  say('telegram:300', '/volunteer');
  for (const answer of ['Rina "the boat" Susanti', 'boat', 'Imogiri', '1', 'no']) say('telegram:300', answer);
  say(COORDINATOR, '/assign S-1 V-1');
  say(COORDINATOR, '/broadcast all Air bersih di posko; DROP TABLE events; -- jam 14.00 ‫مرحبا‬');
  say('telegram:500', '/forget');
  say('telegram:500', '1');
}

describe('relief-bot copy-ledger', () => {
  it('copies every row, the chain and forgotten people; the bot carries on from the copy', () => {
    const { h, file } = sqliteLedger();
    floodMorning(h);
    const before = sqliteContents(file);
    h.close();
    const url = ledgerLocation('');

    const copied = copyLedger(file, url);

    expect(copied.events).toBeGreaterThanOrEqual(10);
    expect(copied.targetHead).toBe(copied.sourceHead);
    expect(copyContents(url)).toEqual(before);
    // Forgotten stays forgotten; free text others wrote came across as written.
    const db = connect(url);
    expect(db.prepare("SELECT COUNT(*) FROM people WHERE id = 'telegram:500'").pluck().get()).toBe(0);
    expect(db.prepare("SELECT COUNT(*) FROM events WHERE kind = 'person.forgotten'").pluck().get()).toBe(1);
    expect(db.prepare('SELECT text FROM broadcasts').pluck().get()).toContain('DROP TABLE events; --');
    // The copy is a ledger to go on with: new rows take the next ids, the chain keeps growing from its head.
    const next = new Harness({ ADMINS: COORDINATOR }, undefined, url);
    cleanups.push(() => next.close());
    next.clock.advance(86_400_000);
    next.send('telegram:502', '/need 2 water @ Imogiri');
    next.send('telegram:502', '2');
    expect(
      next.db.prepare("SELECT MAX(id) FROM requests WHERE requester = 'telegram:502'").pluck().get(),
    ).toBe(before.requests!.length + 1);
    expect(next.ledger.events.verify()).toMatchObject({ ok: true });
  });

  it('refuses a target that is not empty, and leaves it as it was', () => {
    const { h, file } = sqliteLedger();
    floodMorning(h);
    h.close();
    const url = ledgerLocation('');
    const other = Ledger.open(url);
    other.transaction(() => other.events.append({ id: 'system', at: 1 }, { kind: 'test.mine' }));
    other.close();

    expect(() => copyLedger(file, url)).toThrow(CopyRefused);
    expect(() => copyLedger(file, url)).toThrow(/not empty/);
    expect(connect(url).prepare('SELECT kind FROM events').pluck().all()).toEqual(['test.mine']);
  });

  it('holds for generated ledgers: any mix of requests, rescues, volunteers, free text and forgetting', () => {
    const text = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
      .filter((s) => !s.startsWith('/'));
    const person = fc.integer({ min: 1, max: 6 }).map((n) => `telegram:${700 + n}`);
    const action = fc.oneof(
      fc.record({ kind: fc.constant('need' as const), who: person, count: fc.nat(99), note: text }),
      fc.record({ kind: fc.constant('sos' as const), who: person, note: text }),
      fc.record({ kind: fc.constant('volunteer' as const), who: person, name: text }),
      fc.record({ kind: fc.constant('forget' as const), who: person }),
      fc.record({ kind: fc.constant('chatter' as const), who: person, note: text }),
    );
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 25 }), (actions) => {
        const { h, file } = sqliteLedger();
        for (const a of actions) {
          h.clock.advance(61_000);
          if (a.kind === 'need') {
            h.send(a.who, `/need ${a.count + 1} water, ${a.note} @ Imogiri`);
            h.send(a.who, String(a.count + 1));
          } else if (a.kind === 'sos') h.send(a.who, `/sos -7.93,110.40 ${a.note}`);
          else if (a.kind === 'volunteer') {
            h.send(a.who, '/volunteer');
            for (const answer of [a.name, 'boat', 'Imogiri', '1', 'no']) h.send(a.who, answer);
            h.send(a.who, '/cancel');
          } else if (a.kind === 'forget') {
            h.send(a.who, '/forget');
            h.send(a.who, '1');
          } else h.send(a.who, a.note);
        }
        const before = sqliteContents(file);
        h.close();
        const url = ledgerLocation('');
        const copied = copyLedger(file, url);
        expect(copied.targetHead).toBe(copied.sourceHead);
        expect(copyContents(url)).toEqual(before);
        const ledger = Ledger.open(url);
        try {
          expect(ledger.events.verify()).toMatchObject({ ok: true, checked: before.events!.length });
        } finally {
          ledger.close();
        }
      }),
      { numRuns: 6 },
    );
  });
});

describe('the copy-ledger command', () => {
  const cli = (args: string[], env: Record<string, string>) =>
    spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'src', 'relief-bot.js'), ...args], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });

  it('copies DATABASE_PATH, verifies the copy, and relief-bot verify passes there with DATABASE_URL', () => {
    const { h, file } = sqliteLedger();
    floodMorning(h);
    const events = h.ledger.events.count();
    h.close();
    const url = ledgerLocation('');

    const run = cli(['copy-ledger', '--to', url], { DATABASE_PATH: file });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`${events} events verified, head [0-9a-f]{64} as in the source`));
    // The password is no business of a terminal's scrollback.
    expect(run.stdout).not.toContain(new URL(url).password);

    const verify = execFileSync(
      process.execPath,
      [path.join(PROJECT_ROOT, 'src', 'relief-bot.js'), 'verify'],
      {
        env: { ...process.env, DATABASE_URL: url },
        encoding: 'utf8',
      },
    );
    expect(verify).toMatch(new RegExp(`^ok: ${events} events checked`));

    const again = cli(['copy-ledger', '--to', url], { DATABASE_PATH: file });
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/copy-ledger: .*: the target database is not empty \(\d+ tables: /);
  });

  it('says what is wrong with its arguments', () => {
    expect(cli(['copy-ledger'], {}).stderr).toMatch(/--to must name a postgres:\/\/ database/);
    const missing = cli(['copy-ledger', '--to', ledgerLocation(''), '--from', '/nonexistent/relief.db'], {});
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/there is no SQLite ledger at \/nonexistent\/relief.db/);
  });
});
