import { afterEach, describe, expect, it } from 'vitest';
import { tableNames } from '../support/engine.ts';
import { PERSON, PLANTED, personToForget } from '../support/forget-setup.ts';
import type { Harness } from '../support/harness.ts';

/**
 * /forget on PostgreSQL (issue 25): an UPDATE or DELETE leaves the old row version in the table until a
 * VACUUM removes it, so an erasure that only rewrote the live rows would leave the person's name and
 * number in row versions a page dump reads, and autovacuum comes when it likes. The ledger vacuums the
 * tables it erased in once the erasure commits: no row version, live or dead, holds what was erased.
 * (The freed bytes are not overwritten; README's PostgreSQL section says so.)
 */

let h: Harness;
afterEach(() => h.close());

/**
 * Every row version PostgreSQL still keeps in the ledger's tables and their TOAST tables, dead ones
 * included, read from the pages themselves (pageinspect), as one string each.
 */
function rowVersions(): { table: string; data: string }[] {
  h.db.exec('CREATE EXTENSION IF NOT EXISTS pageinspect');
  const relations = tableNames(h.db).flatMap((t) => {
    const toast = h.db
      .prepare(
        'SELECT reltoastrelid::regclass::text FROM pg_class WHERE oid = ?::regclass AND reltoastrelid <> 0',
      )
      .pluck()
      .get(t) as string | undefined;
    return toast ? [t, toast] : [t];
  });
  return relations.flatMap((table) =>
    (
      h.db
        .prepare(`SELECT encode(i.t_data, 'escape') AS data
          FROM generate_series(0, pg_relation_size(?::regclass) / current_setting('block_size')::int - 1) AS p(n),
               heap_page_items(get_raw_page(?, p.n::int)) AS i
          WHERE i.t_data IS NOT NULL`)
        .pluck()
        .all(table, table) as string[]
    ).map((data) => ({ table, data })),
  );
}

const found = () =>
  rowVersions().flatMap(({ table, data }) =>
    Object.entries(PLANTED)
      .filter(([, value]) => data.includes(value))
      .map(([what]) => `${what} in ${table}`),
  );

describe('/forget on PostgreSQL', () => {
  it('leaves no row version, live or dead, with what was erased', () => {
    h = personToForget();
    // The values are there to be found before: the check looks where they would be.
    expect(found()).toContain('name in people');
    h.send(PERSON, '/forget');
    h.send(PERSON, '1');
    expect(found()).toEqual([]);
    expect(h.ledger.events.verify()).toMatchObject({ ok: true });
  });

  it('a VACUUM that fails after the commit leaves the erasure done, its tables to the next erasure', () => {
    h = personToForget();
    // A table named for vacuuming that is gone by then: the VACUUM statement fails as a whole.
    h.ledger.housekeeping.erasedTables.add('gone_meanwhile');
    h.send(PERSON, '/forget');
    const rows = h.send(PERSON, '1');
    expect(rows.map((r) => r.text).join('\n')).toContain('Your personal data is erased');
    expect(h.ledger.housekeeping.erasedTables.has('people')).toBe(true);
    expect(h.ledger.events.verify()).toMatchObject({ ok: true });
  });
});
