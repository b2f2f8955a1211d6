import { afterEach, describe, expect, it } from 'vitest';
import { Harness, type OutRow } from '../support/harness.ts';

let h: Harness;
afterEach(() => h.close());

const COORDINATOR = 'telegram:900';
const replies = (rows: OutRow[]) => rows.filter((r) => r.kind === 'reply').map((r) => r.text);
const toCoordinators = (rows: OutRow[]) => rows.filter((r) => r.chat_id === '900');
const rescues = () => h.count('rescues');
const choicesOf = (row: OutRow | undefined) =>
  (JSON.parse(row?.extra ?? '{}') as { choices?: { value: string; label: string }[] }).choices ?? [];

function setup(): Harness {
  h = new Harness({ ADMINS: COORDINATOR });
  return h;
}

describe('every SOS is recognised (issue 14)', () => {
  it.each([
    ['SOS!', 'Where are you'],
    ['TOLONG!!!', 'Where are you'],
    ['🆘', 'Where are you'],
    ['S.O.S', 'Where are you'],
    ['darurat!!', 'Where are you'],
  ])('%s starts the rescue path and asks where', (text, expected) => {
    setup();
    const rows = h.send('telegram:1', text);
    expect(replies(rows).join('\n')).toContain(expected);
    expect(replies(rows).join('\n')).not.toContain('did not understand');
  });

  it.each([
    ['SOS, 3 orang di Imogiri', 3],
    ['Tolong! air naik di Pundong', undefined],
    ['🆘 tolong banjir di Imogiri', undefined],
  ])('%s opens a case with its place at once', (text, people) => {
    setup();
    const rows = h.send('telegram:1', text);
    expect(replies(rows)[0]).toContain('S-1');
    const c = h.ledger.rescues.get(1)!;
    expect(c.address).toBeTruthy();
    if (people) expect(c.peopleCount).toBe(people);
    expect(toCoordinators(rows).length).toBeGreaterThan(0);
  });

  it('works without a slash on WhatsApp and on the console too', () => {
    setup();
    expect(replies(h.send('whatsapp:6281234567890@c.us', 'SOS!')).join('\n')).toContain('Where are you');
    expect(replies(h.send('console:local', 'Tolong!!')).join('\n')).toContain('Where are you');
    expect(rescues()).toBe(2);
  });

  it('SOS -7.912345,110.335678. keeps the point; the longitude is no phone and the area is known', () => {
    setup();
    h.send('telegram:1', 'SOS -7.912345,110.335678.');
    const c = h.ledger.rescues.get(1)!;
    expect(c).toMatchObject({ lat: -7.912345, lon: 110.335678, contact: null });
    expect(c.area).toBeTruthy();
  });

  it.each(['SOS 999,999', '/sos 999,999'])(
    '%s opens the case with its location unknown, says why and asks again',
    (text) => {
      setup();
      const rows = h.send('telegram:1', text);
      expect(replies(rows).join('\n')).toContain('999,999');
      expect(replies(rows).join('\n')).toMatch(/not a place on the map/);
      expect(replies(rows).join('\n')).toContain('Where are you');
      expect(rescues()).toBe(1);
      expect(toCoordinators(rows)).toHaveLength(1);
      // The next free text is the address; no "I did not understand".
      const next = h.send('telegram:1', 'Jl. Imogiri Timur km 8, 3 orang');
      expect(replies(next).join('\n')).not.toMatch(/understand/);
      expect(h.ledger.rescues.get(1)).toMatchObject({ address: 'Jl. Imogiri Timur km 8', peopleCount: 3 });
      // The coordinators' notice of the new place already has the count the same answer gave.
      const told = toCoordinators(next).map((r) => r.text);
      expect(told.join('\n')).toMatch(/Imogiri Timur km 8/);
      for (const t of told) expect(t).not.toMatch(/not known yet/);
    },
  );
});

describe('a point off the map at any SOS question is said to be no place', () => {
  it.each([
    ['people', 'SOS Imogiri', []],
    ['conditions', 'SOS Imogiri', ['3']],
    ['people (Arabic-Indic digits)', 'SOS Imogiri', []],
  ])('at the %s question', (_q, first, before) => {
    setup();
    h.send('telegram:1', first);
    for (const b of before) h.send('telegram:1', b);
    const point = _q.includes('Arabic') ? '٩٩٩,٩٩٩' : '95.5,200.1';
    const said = replies(h.send('telegram:1', point)).join('\n');
    expect(said).toMatch(/not a place on the map|out of range/);
    expect(h.ledger.rescues.get(1)?.peopleCount ?? null).toBe(before.length ? 3 : null);
  });
});

describe('tolong as "please": one question, the first answer decides', () => {
  it('Tolong kirim air ke Imogiri alerts nobody and asks one question with two buttons', () => {
    setup();
    const rows = h.send('telegram:1', 'Tolong kirim air ke Imogiri');
    expect(rescues()).toBe(0);
    expect(toCoordinators(rows)).toHaveLength(0);
    expect(rows).toHaveLength(1);
    expect(choicesOf(rows[0]).map((c) => c.value)).toEqual(['rescue', 'supply']);
  });

  it('"supplies" starts the request with the items and the text kept as its note', () => {
    setup();
    h.send('telegram:1', 'Tolong kirim air ke Imogiri');
    const rows = h.send('telegram:1', { kind: 'choice', value: 'supply' });
    expect(rescues()).toBe(0);
    expect(replies(rows).join('\n')).toMatch(/how many people/i);
    const dialog = h.ledger.dialogs.get('telegram:1', {
      transport: 'telegram',
      chatId: '1',
      kind: 'private',
    });
    expect(dialog?.command).toBe('need');
    expect(dialog?.data).toMatchObject({ items: [{ item: 'water' }], note: 'Tolong kirim air ke Imogiri' });
  });

  it('"people in danger" opens the rescue from the same text, one tap later', () => {
    setup();
    h.send('telegram:1', 'Tolong kirim air ke Dusun Kali, Imogiri');
    expect(rescues()).toBe(0);
    const rows = h.send('telegram:1', { kind: 'choice', value: 'rescue' });
    expect(replies(rows)[0]).toContain('S-1');
    expect(h.ledger.rescues.get(1)!.address).toContain('Dusun Kali');
    expect(toCoordinators(rows).length).toBeGreaterThan(0);
  });

  it('a location shared as the answer is a rescue, there', () => {
    setup();
    h.send('telegram:1', 'tolong bantu beras');
    h.send('telegram:1', { kind: 'location', lat: -7.93512, lon: 110.40123 });
    expect(h.ledger.rescues.get(1)).toMatchObject({ lat: -7.93512, lon: 110.40123 });
  });

  it.each(['-7.93512,110.40123', '-7,93512 110,40123', '－７.９３５１２,１１０.４０１２３'])(
    'coordinates typed as the answer (%s) are a rescue, there; a point off the map is said to be none',
    (typed) => {
      setup();
      h.send('telegram:1', 'tolong bantu beras');
      h.send('telegram:1', typed);
      expect(h.ledger.rescues.get(1)).toMatchObject({ lat: -7.93512, lon: 110.40123 });
      h.send('telegram:2', 'tolong bantu beras');
      expect(replies(h.send('telegram:2', '999,999')).join('\n')).toMatch(/not a place on the map/);
    },
  );

  it('the numbered answer works where there are no buttons', () => {
    setup();
    h.send('whatsapp:6281234567890@c.us', 'tolong bantu beras');
    h.send('whatsapp:6281234567890@c.us', '2');
    expect(rescues()).toBe(0);
  });

  it('in a group, a "tolong ..." between people draws no question; SOS still does', () => {
    setup();
    const group = { transport: 'telegram' as const, chatId: '-100', kind: 'group' as const };
    expect(h.send({ id: 'telegram:1', chat: group }, 'tolong kirim air ya')).toHaveLength(0);
    expect(replies(h.send({ id: 'telegram:1', chat: group }, 'SOS!')).join('\n')).toContain('Where are you');
  });
});

describe('one coordinate reader wherever coordinates come in (issue 14)', () => {
  it('/locate S-1 -7.93,110.39. sets the point instead of wiping it with an address', () => {
    setup();
    h.send('telegram:1', 'SOS -7.912345,110.335678');
    h.send(COORDINATOR, '/locate S-1 -7.93,110.39.');
    expect(h.ledger.rescues.get(1)).toMatchObject({ lat: -7.93, lon: 110.39 });
    const refused = replies(h.send(COORDINATOR, '/locate S-1 999,999'));
    expect(refused.join('\n')).toContain('out of range');
    expect(h.ledger.rescues.get(1)).toMatchObject({ lat: -7.93, lon: 110.39 });
  });

  it.each([
    `SOS 7°54'44.4"S 110°20'08.4"E`,
    'SOS https://www.google.com/maps/place/Imogiri/@-7.912345,110.335678,17z',
    'SOS geo:-7.912345,110.335678',
    'SOS -7,912345 110,335678!',
    'Tolong! terjebak di https://www.openstreetmap.org/#map=18/-7.912345/110.335678.',
  ])('%s opens a case at the point', (text) => {
    setup();
    h.send('telegram:1', text);
    const c = h.ledger.rescues.get(1)!;
    expect([c.lat?.toFixed(4), c.lon?.toFixed(4)]).toEqual(['-7.9123', '110.3357']);
    expect(c.contact).toBeNull();
  });

  it('/need ... @ a point with a full stop after it gets the point', () => {
    setup();
    h.send('telegram:1', '/need 20 water untuk 6 orang @ -7.912345,110.335678.');
    const row = h.db.prepare('SELECT lat, lon, address FROM requests').get();
    expect(row).toEqual({ lat: -7.912345, lon: 110.335678, address: null });
  });
});

describe('danger described without a call word (issue 24)', () => {
  it.each([
    'kami terjebak di atap, air naik, 5 orang',
    'air naik, kami terjebak',
    'rumah roboh ada yang tertimbun',
    'ada yang tenggelam di sungai',
    'kebakaran! 3 orang di dalam',
  ])('%s opens a case at once, tells coordinators and asks for the place', (text) => {
    setup();
    const rows = h.send('telegram:1', text);
    expect(rescues()).toBe(1);
    expect(toCoordinators(rows)).toHaveLength(1);
    expect(replies(rows).join('\n')).toMatch(/Where are you|share your location/);
    expect(h.ledger.rescues.get(1)).toMatchObject({ lat: null, needsLocationCheck: true });
  });

  it('words of danger alone are no address: the place is asked', () => {
    setup();
    const rows = h.send('telegram:1', 'kami terjebak di atap, air naik, 5 orang');
    expect(replies(rows).join('\n')).toContain('Where are you');
    expect(h.ledger.rescues.get(1)?.address).toBeNull();
  });

  it('the case keeps what the words said: people and conditions', () => {
    setup();
    h.send('telegram:1', 'kami terjebak di atap, air naik, 5 orang');
    expect(h.ledger.rescues.get(1)).toMatchObject({
      peopleCount: 5,
      conditions: ['trapped', 'water_rising'],
    });
  });

  it('kirim air untuk korban banjir raises no alarm and asks nothing', () => {
    setup();
    const rows = h.send('telegram:1', 'kirim air untuk korban banjir');
    expect(rescues()).toBe(0);
    expect(toCoordinators(rows)).toHaveLength(0);
    expect(replies(rows).join('\n')).not.toMatch(/danger/);
  });
});
