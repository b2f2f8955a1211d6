import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/postgres.ts';

describe('the PostgreSQL server of the test run', () => {
  it('is a real server of version 14 or newer, with a database of its own for each test file', async () => {
    const client = new pg.Client({ connectionString: await freshDatabase() });
    await client.connect();
    try {
      const version = (await client.query('SHOW server_version_num')).rows[0].server_version_num as string;
      expect(Number(version)).toBeGreaterThanOrEqual(140000);
      await client.query('CREATE TABLE t (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, a TEXT)');
      const { rows } = await client.query("INSERT INTO t (a) VALUES ('x') RETURNING id");
      expect(rows).toEqual([{ id: '1' }]);
    } finally {
      await client.end();
    }
  });
});
