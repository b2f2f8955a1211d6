import { afterEach, describe, expect, it } from 'vitest';
import { POSTGRES } from '../../src/ledger/dialect.ts';
import { Ledger } from '../../src/ledger/index.ts';
import { openPostgres } from '../../src/ledger/postgres.ts';
import { boundingBox } from '../../src/ledger/volunteers.ts';
import { ledgerLocation } from '../support/engine.ts';

/**
 * The nearest-volunteers query on PostgreSQL reads its geo index by seeking, not scanning: every column
 * of the B-tree (key, lat, lon) bounded on both sides. With an open bound (SQLite's R-tree form) the
 * index was read from the key onwards, 56 ms a query at 100,000 volunteers instead of about 2.
 */
const closers: (() => void)[] = [];
afterEach(() => {
  for (const c of closers.splice(0)) c();
});

describe('the geo index on PostgreSQL', () => {
  it('is searched with every column bounded', () => {
    const url = ledgerLocation('');
    Ledger.open(url).close();
    const db = openPostgres(url);
    closers.push(() => db.close());
    db.exec(`INSERT INTO volunteers_geo (id, min_lat, max_lat, min_lon, max_lon, min_key, max_key)
      SELECT g * 32 + 3, -8 + (g % 100) / 100.0, -8 + (g % 100) / 100.0, 110 + g / 10000.0, 110 + g / 10000.0, 7, 7
      FROM generate_series(1, 5000) AS g; ANALYZE volunteers_geo; SET enable_seqscan = off`);
    const box = boundingBox(-7.8, 110.2, 2);
    const plan = (
      db
        .prepare(`EXPLAIN SELECT id FROM volunteers_geo WHERE ${POSTGRES.geoPointsInBox}`)
        .pluck()
        .all(box.minLat, box.maxLat, box.minLon, box.maxLon, 7, 7) as string[]
    ).join('\n');
    const condition = /Index Cond: (.*)/.exec(plan)?.[1] ?? plan;
    for (const bound of ['min_key = ANY', 'min_lat >=', 'min_lat <=', 'min_lon >=', 'min_lon <='])
      expect(condition, plan).toContain(bound);
  });
});
