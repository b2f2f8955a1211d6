import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Db, migrate, openDatabase } from '../../src/ledger/db.ts';
import { MetricQueries } from '../../src/ledger/metrics.ts';
import { OutboxStore } from '../../src/ledger/outbox.ts';
import { People } from '../../src/ledger/people.ts';
import { tempDir } from '../support/harness.ts';

const tmp = tempDir();
afterEach(() => tmp.cleanup());

describe('prepared statements', () => {
  it('are compiled once per connection, and come back in plain mode whatever the last caller set', () => {
    const db = openDatabase(path.join(tmp.dir, 'statements.db'));
    try {
      db.exec("CREATE TABLE t (a INTEGER, b TEXT); INSERT INTO t VALUES (1, 'x')");
      const sql = 'SELECT a, b FROM t';
      const first = db.prepare(sql);
      expect(first.pluck().get()).toBe(1);
      expect(db.prepare(sql)).toBe(first);
      expect(db.prepare(sql).get()).toEqual({ a: 1, b: 'x' });
      expect(db.prepare(sql).raw().get()).toEqual([1, 'x']);
      expect(db.prepare(sql).all()).toEqual([{ a: 1, b: 'x' }]);
      // A statement still iterating is not handed out twice.
      const open = db.prepare(sql).iterate();
      open.next();
      expect(db.prepare(sql).get()).toEqual({ a: 1, b: 'x' });
      open.return?.();
    } finally {
      db.close();
    }
  });
});

/**
 * Every statement `exercise` prepares that reads all of `table`: a SCAN of it, unless through a partial
 * index (which holds only the rows it names).
 */
function fullScans(file: string, table: string, exercise: (db: Db) => void): string[] {
  const db = openDatabase(file);
  try {
    migrate(db);
    const partial = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql LIKE '% WHERE %'")
      .pluck()
      .all() as string[];
    const texts = new Set<string>();
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => {
      texts.add(sql);
      return prepare(sql);
    }) as typeof db.prepare;
    exercise(db);
    db.prepare = prepare;
    const scan = new RegExp(`^SCAN ${table}\\b`);
    const throughPartial = (detail: string) => partial.some((name) => detail.endsWith(`INDEX ${name}`));
    return [...texts].filter((sql) => {
      const named = Object.fromEntries(Array.from(sql.matchAll(/@(\w+)/g), (m) => [m[1], null]));
      const params = Object.keys(named).length > 0 ? [named] : Array.from(sql.matchAll(/\?/g), () => null);
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
      return plan.some((r) => scan.test(r.detail) && !throughPartial(r.detail));
    });
  } finally {
    db.close();
  }
}

describe('queries that run with every message', () => {
  it('find unsent outbox rows through an index, never by reading every row ever sent', () => {
    const scans = fullScans(path.join(tmp.dir, 'outbox.db'), 'outbox', (db) => {
      const outbox = new OutboxStore(db);
      outbox.recoverInterrupted('telegram');
      outbox.pendingCount();
      outbox.pendingCount('telegram');
      outbox.nextDueAt('telegram');
      outbox.dueFor('telegram', 0, 8);
      outbox.failChat({ transport: 'telegram', chatId: '1', kind: 'private' }, 'gone');
      new MetricQueries(db).rows('outboxDepth');
    });
    expect(scans).toEqual([]);
  });

  it('find coordinators and admins through the index of granted roles, not by reading every person', () => {
    const scans = fullScans(path.join(tmp.dir, 'people.db'), 'people', (db) => {
      const people = new People(db);
      people.withRole('coordinator');
      people.withRole('admin');
    });
    expect(scans).toEqual([]);
  });
});
