import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/ledger/db.ts';
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
