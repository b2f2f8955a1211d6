import { afterEach, describe, expect, it } from 'vitest';
import { tableNames } from '../support/engine.ts';
import { Harness } from '../support/harness.ts';

/**
 * /forget on PostgreSQL (issue 25): an UPDATE or DELETE leaves the old row version in the table until a
 * VACUUM removes it, so an erasure that only rewrote the live rows would leave the person's name and
 * number in row versions a page dump reads, and autovacuum comes when it likes. The ledger vacuums the
 * tables it erased in once the erasure commits: no row version, live or dead, holds what was erased.
 * (The freed bytes are not overwritten; README's PostgreSQL section says so.)
 */

let h: Harness;
afterEach(() => h.close());

const COORDINATOR = 'telegram:900';
const VOLUNTEER = 'telegram:300';
const NUMBER = '6281255501234';
const PERSON = { id: `whatsapp:${NUMBER}@c.us`, name: 'Sulastri Wibowo' };
const PLANTED = {
  name: 'Sulastri Wibowo',
  contact: '081399887766',
  address: 'Jl. Kenanga Rahasia 17',
  note: 'kunci di bawah pot melati',
  dialog: 'mbak rukmini',
  reason: 'pakdhe sudah pindah ke Klaten',
};

function setUp(): void {
  h = new Harness({ ADMINS: COORDINATOR, RETENTION_DAYS: '30' });
  h.send(VOLUNTEER, '/volunteer');
  for (const answer of ['Rina', 'boat', 'Imogiri', '1', 'No']) h.send(VOLUNTEER, answer);
  h.send(PERSON, `SOS Dusun Jetis RT 04 Imogiri, 3 orang, air naik, ${PLANTED.contact}`);
  h.send(PERSON, { kind: 'location', lat: -7.912345, lon: 110.335678 });
  h.send(PERSON, `/need 20 water @ Imogiri, ${PLANTED.address}, ${PLANTED.note}`);
  h.send(PERSON, '4');
  h.send(COORDINATOR, '/verify R-1 ok');
  h.send(COORDINATOR, '/assign R-1 V-1');
  h.send(PERSON, '/need 5 rice @ Imogiri');
  h.send(PERSON, '2');
  h.send(COORDINATOR, `/reject R-2 ${PLANTED.reason}`);
  h.send(PERSON, '/need');
  h.send(PERSON, `20 water, ${PLANTED.dialog}`);
}

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
    setUp();
    // The values are there to be found before: the check looks where they would be.
    expect(found()).toContain('name in people');
    h.send(PERSON, '/forget');
    h.send(PERSON, '1');
    expect(found()).toEqual([]);
    expect(h.ledger.events.verify()).toMatchObject({ ok: true });
  });
});
