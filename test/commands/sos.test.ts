import { afterEach, describe, expect, it } from 'vitest';
import type { RescueCase } from '../../src/ledger/index.ts';
import { escalateOverdue } from '../../src/schedule/escalation.ts';
import { Harness, type OutRow } from '../support/harness.ts';

let h: Harness;
afterEach(() => h.close());

const COORDINATOR = 'telegram:900';
const IMOGIRI = { kind: 'location' as const, lat: -7.93512, lon: 110.40123 };

function setup(): Harness {
  h = new Harness({ ADMINS: COORDINATOR });
  // A rescue group of the regency: it hears about everything in Bantul.
  h.db
    .prepare(
      `INSERT INTO groups (transport, chat_id, title, topics, area, created_at, updated_at)
       VALUES ('telegram', '-100', 'SAR Bantul', '["rescue"]', 'DIY/Bantul', 0, 0)`,
    )
    .run();
  return h;
}

const cases = (): RescueCase[] =>
  h.db
    .prepare('SELECT id FROM rescues ORDER BY id')
    .pluck()
    .all()
    .map((id) => h.ledger.rescues.get(id as number)!);
const replies = (rows: OutRow[]) => rows.filter((r) => r.kind === 'reply').map((r) => r.text);
const groupRows = (rows: OutRow[]) => rows.filter((r) => r.chat_kind === 'group');
const coordinatorRows = (rows: OutRow[]) => rows.filter((r) => r.chat_id === '900');

describe('a rescue case is created as soon as a location is known', () => {
  it('from /sos with coordinates: reference and safety advice at once, then the questions', () => {
    setup();
    const rows = h.send('telegram:1', '/sos -7.93512,110.40123');
    const [created, question] = replies(rows);
    expect(created).toContain('S-1');
    expect(created).toContain('highest safe place');
    expect(question).toContain('How many people');
    expect(cases()).toMatchObject([
      { reporter: 'telegram:1', lat: -7.93512, lon: 110.40123, area: 'DIY/Bantul/Imogiri', status: 'open' },
    ]);
    expect(cases()[0]!.needsLocationCheck).toBe(false);
    expect(groupRows(rows)).toHaveLength(1);
    expect(coordinatorRows(rows)[0]!.text).toContain('-7.93512,110.40123');
    expect(h.ledger.events.forSubject('S-1').map((e) => e.kind)).toEqual(['rescue.opened']);
  });

  it.each(['SOS', 'sos', 'Sos', 'TOLONG', 'tolong', 'Tolong', '/darurat', '/tolong'])(
    'from a shared location followed by a bare %s (within 10 minutes)',
    (word) => {
      setup();
      expect(h.say('telegram:1', IMOGIRI)).toContain('Send SOS');
      h.clock.advance(9 * 60_000);
      expect(replies(h.send('telegram:1', word))[0]).toContain('S-1');
      expect(cases()).toMatchObject([{ lat: IMOGIRI.lat, lon: IMOGIRI.lon, area: 'DIY/Bantul/Imogiri' }]);
    },
  );

  it('from a bare word on WhatsApp, in Indonesian, with the WhatsApp number as the contact', () => {
    setup();
    const wa = { id: 'whatsapp:6281234567890@c.us', language: 'id' };
    h.send(wa, IMOGIRI);
    const out = replies(h.send(wa, 'TOLONG'));
    expect(out[0]).toContain('Laporan darurat Anda tercatat sebagai S-1');
    expect(out[1]).toContain('Berapa orang');
    expect(cases()[0]!.contact).toBe('+6281234567890');
  });

  it('with no location known the case opens at once, location unknown; a location share completes it', () => {
    setup();
    h.send('telegram:1', IMOGIRI);
    h.clock.advance(11 * 60_000);
    const asked = h.send('telegram:1', 'SOS');
    expect(cases()).toMatchObject([{ lat: null, address: null, needsLocationCheck: true }]);
    expect(coordinatorRows(asked)[0]!.text).toContain('Location unknown');
    const [created, question] = replies(asked);
    expect(created).toContain('S-1');
    expect(question).toContain('Where are you?');
    expect(JSON.parse(asked.find((r) => r.text === question)!.extra!)).toMatchObject({ ask: 'location' });
    const rows = h.send('telegram:1', { kind: 'location', lat: -7.9, lon: 110.33 });
    expect(replies(rows)[0]).toContain('S-1');
    expect(cases()).toMatchObject([{ lat: -7.9, lon: 110.33, area: 'DIY/Bantul/Bantul' }]);
  });

  it('takes coordinates typed as the answer to the location question', () => {
    setup();
    h.send('telegram:1', '/sos');
    expect(replies(h.send('telegram:1', '-7.93512, 110.40123'))[0]).toContain('S-1');
    expect(cases()[0]!.area).toBe('DIY/Bantul/Imogiri');
  });

  it('flags a point outside every known area for a coordinator', () => {
    setup();
    const rows = h.send('telegram:1', '/sos -6.2,106.8');
    expect(cases()[0]).toMatchObject({ area: null, needsLocationCheck: true });
    expect(coordinatorRows(rows)[0]!.text).toContain('outside every known area');
    // No area: only groups registered without an area would hear of it.
    expect(groupRows(rows)).toEqual([]);
  });
});

describe('without a location', () => {
  it('one message is enough: address, area, people and conditions, flagged for a location check', () => {
    setup();
    const rows = h.send('telegram:1', 'SOS Jl. Imogiri Timur km 8, 4 orang, air naik');
    expect(cases()).toMatchObject([
      {
        address: 'Jl. Imogiri Timur km 8',
        area: 'DIY/Bantul/Imogiri',
        lat: null,
        peopleCount: 4,
        conditions: ['water_rising'],
        needsLocationCheck: true,
      },
    ]);
    const [created, question] = replies(rows);
    expect(created).toContain('share your location');
    // People and conditions were written: only the contact is still asked.
    expect(question).toContain('phone number');
    expect(coordinatorRows(rows)[0]!.text).toContain('Address only');
    expect(groupRows(rows)[0]!.text).toContain('DIY/Bantul/Imogiri');
  });

  it('accepts an address as the answer to the location question', () => {
    setup();
    h.send('telegram:1', '/darurat');
    h.send('telegram:1', 'Dusun Kedungmiri, Imogiri');
    expect(cases()).toMatchObject([
      { address: 'Dusun Kedungmiri, Imogiri', area: 'DIY/Bantul/Imogiri', needsLocationCheck: true },
    ]);
  });

  it('a location shared later completes the case and clears the check', () => {
    setup();
    h.send('telegram:1', 'SOS Jl. Imogiri Timur km 8, 4 orang, air naik');
    h.send('telegram:1', '/cancel');
    const rows = h.send('telegram:1', IMOGIRI);
    expect(replies(rows)[0]).toContain('location of S-1 is updated');
    expect(cases()[0]).toMatchObject({
      lat: IMOGIRI.lat,
      address: 'Jl. Imogiri Timur km 8',
      needsLocationCheck: false,
    });
    expect(h.ledger.events.forSubject('S-1').map((e) => e.kind)).toEqual(['rescue.opened', 'rescue.located']);
  });
});

describe('enrichment', () => {
  it('each answer enriches the same case; coordinators get the completed picture once', () => {
    setup();
    h.send('telegram:1', '/sos -7.93512,110.40123');
    expect(replies(h.send('telegram:1', '5'))[0]).toContain('Does any of this apply');
    expect(replies(h.send('telegram:1', '1, 3'))[0]).toContain('phone number');
    const rows = h.send('telegram:1', { kind: 'contact', phone: '+6281299998888', own: true });
    expect(cases()).toMatchObject([
      { peopleCount: 5, conditions: ['injured', 'elderly'], contact: '+6281299998888' },
    ]);
    expect(replies(rows)[0]).toContain('S-1: 5 people; injured, elderly');
    expect(coordinatorRows(rows)[0]!.text).toContain('+6281299998888');
    expect(h.count('rescues')).toBe(1);
    expect(h.ledger.events.forSubject('S-1').map((e) => e.kind)).toEqual([
      'rescue.opened',
      'rescue.enriched',
      'rescue.enriched',
      'rescue.enriched',
    ]);
  });

  it('explains a bad answer and asks again; free text answers several questions; skip skips', () => {
    setup();
    h.send('telegram:1', '/sos -7.93512,110.40123');
    const bad = replies(h.send('telegram:1', 'hmm'));
    // One message: the reason and the question again, so nothing arrives after the person's next message.
    expect(bad).toHaveLength(1);
    expect(bad[0]).toContain('number of people');
    expect(bad[0]).toContain('How many people');
    expect(replies(h.send('telegram:1', 'kami 3 orang, ada bayi'))[0]).toContain('phone number');
    expect(replies(h.send('telegram:1', 'skip'))[0]).toContain('S-1: 3 people; children');
    expect(cases()[0]).toMatchObject({ peopleCount: 3, conditions: ['children'], contact: null });
  });

  it('a location shared in the middle of the questions moves the case', () => {
    setup();
    h.send('telegram:1', '/sos -7.93512,110.40123');
    const rows = h.send('telegram:1', { kind: 'location', lat: -7.888, lon: 110.331 });
    expect(replies(rows)[0]).toContain('location of S-1 is updated');
    expect(cases()[0]).toMatchObject({ lat: -7.888, area: 'DIY/Bantul/Bantul' });
  });
});

describe('repeat reports', () => {
  it('within an hour update one case; after the case ends a new one opens', () => {
    setup();
    h.send('telegram:1', '/sos -7.93512,110.40123');
    h.send('telegram:1', '/cancel');
    h.clock.advance(20 * 60_000);
    const rows = h.send('telegram:1', 'SOS 6 orang, terjebak');
    expect(replies(rows)[0]).toContain('S-1 is still open');
    expect(coordinatorRows(rows)[0]!.text).toContain('wrote again');
    h.clock.advance(20 * 60_000);
    h.send('telegram:1', 'tolong -7.888,110.331 air naik');
    expect(cases()).toHaveLength(1);
    expect(cases()[0]).toMatchObject({
      peopleCount: 6,
      conditions: ['trapped', 'water_rising'],
      lat: -7.888,
      area: 'DIY/Bantul/Bantul',
    });
    h.send('telegram:1', '/rescued');
    h.send('telegram:1', 'SOS -7.93512,110.40123');
    expect(cases()).toHaveLength(2);
  });

  it('more than an hour apart open a new case', () => {
    setup();
    h.send('telegram:1', '/sos -7.93512,110.40123');
    h.clock.advance(61 * 60_000);
    h.send('telegram:1', '/sos -7.93512,110.40123');
    expect(cases().map((c) => c.id)).toEqual([1, 2]);
  });
});

describe('announcements', () => {
  it('never carry a phone number, an address or exact coordinates to groups; coordinators get them all', () => {
    setup();
    const rows = h.send(
      'telegram:1',
      'SOS -7.93512,110.40123 Jl. Mawar 12, 4 orang, 0812-3456-7890, ada yang luka',
    );
    h.clock.advance(10 * 60_000);
    h.core.runJob('escalation', escalateOverdue);
    rows.push(...h.newRows());
    const groups = groupRows(rows);
    expect(groups.length).toBe(2);
    for (const g of groups) {
      expect(g.text).not.toMatch(/0812|3456|7890/);
      expect(g.text).not.toContain('-7.935');
      expect(g.text).not.toContain('110.401');
      expect(g.text).not.toContain('Mawar');
      expect(g.text).toContain('-7.94,110.40');
      expect(g.text).toContain('DIY/Bantul/Imogiri');
    }
    const coordinator = coordinatorRows(rows).map((r) => r.text);
    expect(coordinator).toHaveLength(2);
    for (const t of coordinator) {
      expect(t).toContain('081234567890');
      expect(t).toContain('-7.93512,110.40123');
      expect(t).toContain('Jl. Mawar 12');
    }
  });
});
