import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../src/ledger/db.ts';
import { MetricQueries } from '../../src/ledger/metrics.ts';
import { OutboxStore } from '../../src/ledger/outbox.ts';
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

describe('the outbox queries', () => {
  it('find unsent rows through an index, never by reading every row ever sent', () => {
    const db = openDatabase(path.join(tmp.dir, 'plans.db'));
    try {
      migrate(db);
      const texts = new Set<string>();
      const prepare = db.prepare.bind(db);
      db.prepare = ((sql: string) => {
        texts.add(sql);
        return prepare(sql);
      }) as typeof db.prepare;
      const outbox = new OutboxStore(db);
      outbox.recoverInterrupted();
      outbox.pendingCount();
      outbox.pendingCount('telegram');
      outbox.nextDueAt('telegram');
      outbox.dueFor('telegram', 0, 8);
      outbox.failChat({ transport: 'telegram', chatId: '1', kind: 'private' }, 'gone');
      new MetricQueries(db).rows('outboxDepth');
      db.prepare = prepare;

      const fullScans = [...texts].flatMap((sql) => {
        const params = Array.from(sql.matchAll(/\?/g), () => null);
        const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
        return plan.some((r) => /^SCAN outbox\b/.test(r.detail) && !r.detail.includes(' USING '))
          ? [sql]
          : [];
      });
      expect(fullScans).toEqual([]);
    } finally {
      db.close();
    }
  });
});
