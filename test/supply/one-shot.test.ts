import { afterEach, describe, expect, it } from 'vitest';
import { Harness } from '../support/harness.ts';

let h: Harness;
afterEach(() => h.close());

const request = () =>
  h.db.prepare('SELECT items, people_count, contact FROM requests ORDER BY id DESC').get() as
    | { items: string; people_count: number | null; contact: string | null }
    | undefined;

describe('one-shot /butuh reads what people write (issue 14)', () => {
  it('/butuh 6 orang: 20 air @ Imogiri is 20 water for 6 people', () => {
    h = new Harness();
    expect(h.say('telegram:1', '/butuh 6 orang: 20 air @ Imogiri')).toContain('R-1');
    expect(request()).toMatchObject({ people_count: 6 });
    expect(JSON.parse(request()!.items)).toEqual([{ item: 'water', qty: 20 }]);
  });

  it('/butuh air dan beras untuk 6 orang @ Imogiri is water and rice for 6 people', () => {
    h = new Harness();
    h.send('telegram:1', '/butuh air dan beras untuk 6 orang @ Imogiri');
    expect(request()).toMatchObject({ people_count: 6 });
    expect(JSON.parse(request()!.items)).toEqual([{ item: 'water' }, { item: 'rice' }]);
  });

  it('a phone number is the contact, never a quantity', () => {
    h = new Harness();
    h.send('telegram:1', '/butuh obat untuk Bu Sri 0812-3456-7000, 2 selimut untuk 3 orang @ Imogiri');
    expect(request()).toMatchObject({ contact: '081234567000', people_count: 3 });
    expect(JSON.parse(request()!.items)).toEqual([{ item: 'medicine' }, { item: 'blanket', qty: 2 }]);
  });

  it('/need -5 rice is refused with the reason, and nothing is stored', () => {
    h = new Harness();
    const said = h.say('telegram:1', '/need -5 rice for 4 people @ Imogiri');
    expect(said).toContain('zero or fewer');
    expect(request()).toBeUndefined();
  });

  it('2,5 kg gula is two and a half kilos', () => {
    h = new Harness();
    h.send('telegram:1', '/butuh 2,5 kg gula untuk 4 orang @ Imogiri');
    expect(JSON.parse(request()!.items)).toEqual([{ item: 'other', qty: 2.5, unit: 'kg', text: 'gula' }]);
  });

  it('a missing people count is asked for, then the request is made', () => {
    h = new Harness();
    expect(h.say('telegram:1', '/butuh 20 air @ Imogiri')).toContain('how many people');
    expect(request()).toBeUndefined();
    expect(h.say('telegram:1', 'untuk 12 orang')).toContain('R-1');
    expect(request()).toMatchObject({ people_count: 12 });
  });
});
