import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  compareVersions,
  listMigrations,
  MIN_SQLITE_VERSION,
  migrate,
  openDatabase,
} from '../../src/ledger/db.ts';
import { Ledger } from '../../src/ledger/index.ts';
import { tempDir } from '../support/harness.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function tempLedgerFile(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return path.join(t.dir, 'relief.db');
}

const actor = { id: 'console:test', at: 1_000 };

describe('opening the ledger', () => {
  it('sets WAL, synchronous=FULL, busy_timeout, foreign keys, a journal size limit and memory temp store, on a new enough SQLite', () => {
    // The connection the ledger opens (Ledger.open uses this); its handle stays private to the ledger.
    const db = openDatabase(tempLedgerFile());
    cleanups.push(() => db.close());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(5000);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('journal_size_limit', { simple: true })).toBeGreaterThan(0);
    // Savepoint journals in memory, not a temporary file opened and deleted per transaction.
    expect(db.pragma('temp_store', { simple: true })).toBe(2);
    const version = db.prepare('SELECT sqlite_version()').pluck().get() as string;
    expect(compareVersions(version, MIN_SQLITE_VERSION)).toBeGreaterThanOrEqual(0);
  });

  it('applies migrations to an empty file and again to an already-migrated one without change', () => {
    const file = tempLedgerFile();
    const db = openDatabase(file);
    const latest = Math.max(...listMigrations().map((m) => m.version));
    expect(migrate(db)).toBe(latest);
    const tables = db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'").pluck().get();
    expect(migrate(db)).toBe(latest);
    expect(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'").pluck().get()).toBe(tables);
    expect(db.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get()).toBe(listMigrations().length);
    db.close();
  });

  it('applies an upgrade whole or not at all: a failing migration leaves the earlier ones unapplied', () => {
    const db = openDatabase(tempLedgerFile());
    cleanups.push(() => db.close());
    const [first, second] = listMigrations();
    migrate(db, [first!]);
    const broken = { version: 999, name: 'broken', sql: 'CREATE TABLE nowhere (x); SELECT * FROM missing;' };
    expect(() => migrate(db, [first!, second!, broken])).toThrow(/missing/);
    expect(db.prepare('SELECT version FROM schema_migrations').pluck().all()).toEqual([first!.version]);
    expect(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'nowhere'").pluck().get()).toBe(0);
  });

  it('refuses a database directory it cannot create, with a clear message', () => {
    const blocker = tempLedgerFile();
    writeFileSync(blocker, 'a file where a directory should be');
    expect(() => Ledger.open(path.join(blocker, 'sub', 'relief.db'))).toThrow(
      /Cannot create the database directory/,
    );
  });
});

describe('the event chain', () => {
  it('finds a tampered payload, a removed event, and altered personal data', () => {
    const file = tempLedgerFile();
    const ledger = Ledger.open(file);
    for (let i = 0; i < 5; i++) {
      ledger.events.append(actor, {
        kind: 'test',
        subject: `T-${i}`,
        payload: { i },
        personal: { phone: `0812${i}` },
      });
    }
    ledger.close();
    // An attacker with the file can drop the guard triggers; the chain still tells.
    const raw = new Database(file);
    raw.exec(
      'DROP TRIGGER events_append_only_update; DROP TRIGGER events_append_only_delete; DROP TRIGGER events_append_only_personal',
    );
    raw.prepare('UPDATE events SET payload = \'{"i":99}\' WHERE id = 3').run();
    raw.close();
    let reopened = Ledger.open(file);
    expect(reopened.events.verify()).toMatchObject({ ok: false, id: 3, checked: 2 });
    reopened.close();

    const raw2 = new Database(file);
    raw2.prepare('UPDATE events SET payload = \'{"i":2}\' WHERE id = 3').run();
    raw2.prepare('UPDATE events SET personal = \'{"phone":"000"}\' WHERE id = 4').run();
    raw2.close();
    reopened = Ledger.open(file);
    expect(reopened.events.verify()).toMatchObject({
      ok: false,
      id: 4,
      reason: expect.stringMatching(/personal/),
    });
    reopened.close();

    const raw3 = new Database(file);
    raw3.prepare('UPDATE events SET personal = \'{"phone":"08123"}\' WHERE id = 4').run();
    raw3.prepare('DELETE FROM events WHERE id = 2').run();
    raw3.close();
    reopened = Ledger.open(file);
    expect(reopened.events.verify()).toMatchObject({
      ok: false,
      id: 3,
      reason: expect.stringMatching(/removed/),
    });
    reopened.close();
  });
});
