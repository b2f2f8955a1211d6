import { afterEach, describe, expect, it } from 'vitest';
import { Harness } from '../support/harness.ts';

/** The one "in this area or below it" filter (src/ledger/area-filter.ts), through the queries that use it. */
let h: Harness;
afterEach(() => h.close());

function seed(areas: string[]): void {
  h = new Harness();
  const insert = h.db.prepare(`INSERT INTO requests (requester, items, area, status, created_at, updated_at)
    VALUES ('telegram:1', '[]', ?, 'new', 1, 1)`);
  for (const a of areas) insert.run(a);
}
const openIn = (area: string) =>
  h.ledger.requests
    .open(50, 0, area)
    .requests.map((r) => r.area)
    .sort();

describe('in this area or below it', () => {
  it('matches the area and what lies below it, any case, and not a longer name', () => {
    seed(['DIY/Bantul', 'DIY/Bantul/Imogiri', 'DIY/Bantulan', 'DIY/Sleman']);
    expect(openIn('DIY/Bantul')).toEqual(['DIY/Bantul', 'DIY/Bantul/Imogiri']);
    expect(openIn('diy/bantul')).toEqual(['DIY/Bantul', 'DIY/Bantul/Imogiri']);
    expect(openIn('DIY')).toHaveLength(4);
  });

  it('treats % and _ in a name as themselves, not as LIKE wildcards', () => {
    seed(['DIY/Bantul/Imogiri', 'DIY/100%_Posko/A']);
    expect(openIn('DIY/B_ntul')).toEqual([]);
    expect(openIn('DIY/%')).toEqual([]);
    expect(openIn('DIY/100%_Posko')).toEqual(['DIY/100%_Posko/A']);
  });

  it('is the same filter in exports and the volunteer list', () => {
    seed(['DIY/Bantul/Imogiri', 'DIY/Bantulan']);
    expect(h.ledger.exports.rows('requests', { area: 'DIY/B_ntul' })).toEqual([]);
    expect(h.ledger.exports.rows('requests', { area: 'DIY/Bantul' })).toHaveLength(1);
    expect(h.ledger.volunteers.list({ area: 'DIY/B_ntul' }).total).toBe(0);
  });
});
