import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Harness } from '../support/harness.ts';
import { COORDINATOR, statusOf } from './support.ts';

let h: Harness;
beforeEach(() => {
  h = new Harness();
  h.grant(COORDINATOR, 'coordinator');
});
afterEach(() => h.close());

const request = (id: number) =>
  h.db.prepare('SELECT * FROM requests WHERE id = ?').get(id) as Record<string, unknown>;

describe('/need dialog', () => {
  it('asks each question in English, re-asks on bad answers, and ends with R-n', () => {
    const u = 'telegram:11';
    expect(h.say(u, '/need')).toContain('What do you need?');
    expect(h.say(u, '20')).toContain('I see a number but no item in "20"');
    expect(h.say(u, '20 water, 5 kg rice, diapers')).toContain('For how many people?');
    expect(h.say(u, 'lots')).toContain('as a number from 1 to');
    expect(h.say(u, '12 people')).toContain('Where should it go?');
    expect(h.say(u, '-97.8, 110.36')).toContain('out of range');
    expect(h.say(u, 'Jl. Parangtritis km 5, dekat masjid')).toContain('Which area is that in?');
    expect(h.say(u, 'Atlantis')).toContain('I do not know the area "Atlantis"');
    expect(h.say(u, 'Bantul')).toContain('How urgent is it?');
    expect(h.say(u, 'very')).toContain('choose one of the urgency levels');
    const contactAsk = h.send(u, 'critical');
    expect(contactAsk[0]!.text).toContain('phone number');
    expect(JSON.parse(contactAsk[0]!.extra!)).toMatchObject({ ask: 'contact' });
    expect(h.say(u, 'call me')).toContain('does not look like a phone number');
    expect(h.say(u, '+62 812-3456-7890')).toContain('Anything else');
    const done = h.say(u, 'Two babies, the road floods after 4pm');
    expect(done).toContain('Your request is R-1: 20 water, 5 kg rice, diapers.');
    expect(done).toContain('For 12 people');
    expect(done).toContain('urgency Critical');
    expect(request(1)).toMatchObject({
      requester: u,
      people_count: 12,
      address: 'Jl. Parangtritis km 5, dekat masjid',
      area: 'DIY/Bantul',
      urgency: 'critical',
      contact: '+6281234567890',
      notes: 'Two babies, the road floods after 4pm',
      status: 'new',
    });
    expect(JSON.parse(request(1).items as string)).toEqual([
      { item: 'water', qty: 20 },
      { item: 'rice', qty: 5, unit: 'kg' },
      { item: 'diapers' },
    ]);
    expect(h.ledger.dialogs.get(u, { transport: 'telegram', chatId: '11', kind: 'private' })).toBeUndefined();
  });

  it('works in Indonesian with numbered answers, shares, and skips', () => {
    const u = { id: 'whatsapp:6281111@c.us', language: 'id' };
    expect(h.say(u, 'butuh')).toContain('Apa yang Anda butuhkan?');
    expect(h.say(u, 'beras 10 karung, 20 air, popok')).toContain('Untuk berapa orang?');
    expect(h.say(u, '1')).toContain('Ke mana bantuan dikirim?'); // 1 = "Tidak tahu"
    expect(h.say(u, { kind: 'location', lat: -7.9271, lon: 110.3937 })).toContain('Seberapa mendesak?');
    expect(h.say(u, 'tinggi')).toContain('Nomor telepon');
    expect(h.say(u, { kind: 'contact', phone: '081234567890', own: true })).toContain('Ada hal lain');
    const done = h.say(u, 'lewati');
    expect(done).toContain('Permintaan Anda bernomor R-1: 10 karung beras, 20 air, popok.');
    expect(done).toContain('tingkat Tinggi');
    expect(request(1)).toMatchObject({
      people_count: null,
      lat: -7.9271,
      lon: 110.3937,
      area: 'DIY/Bantul/Imogiri',
      urgency: 'high',
      contact: '081234567890',
      notes: null,
    });
  });

  it('takes typed coordinates and an address naming a district', () => {
    const answer = (u: string, place: string) => {
      h.send(u, '/need selimut 5');
      h.send(u, '4');
      expect(h.say(u, place)).toContain('How urgent');
      for (const a of ['normal', 'skip', 'skip']) h.send(u, a);
    };
    answer('telegram:12', '-7.80,110.36');
    expect(request(1)).toMatchObject({ lat: -7.8, lon: 110.36, area: 'DIY/Kota Yogyakarta/Ngampilan' });
    answer('telegram:13', 'Dusun Karet, Pleret');
    expect(request(2)).toMatchObject({ area: 'DIY/Bantul/Pleret', address: 'Dusun Karet, Pleret' });
  });

  it('resumes at the same step after a restart, and /cancel leaves it with nothing saved', () => {
    h.send('telegram:14', '/need');
    h.send('telegram:14', '20 water');
    h = h.reopen();
    expect(h.say('telegram:14', '3')).toContain('Where should it go?');
    expect(h.say('telegram:14', '/cancel')).toContain('Cancelled');
    expect(h.count('requests')).toBe(0);
  });

  it('is listed once in /help, with the status command not doubled', () => {
    const help = h.say('telegram:19', '/help');
    expect(help).toContain('/need (/butuh): ask for supplies');
    expect(help).toContain('/status: your requests');
  });

  it('is for private chats only', () => {
    const inGroup = {
      id: 'telegram:15',
      chat: { transport: 'telegram' as const, chatId: '-5', kind: 'group' as const },
    };
    expect(h.say(inGroup, '/need 20 water for 4 people @ Bantul')).toContain('private chat');
    expect(h.count('requests')).toBe(0);
  });

  it('tells coordinators about a new request with everything they need to triage it', () => {
    h.send('telegram:16', '/need 20 water for 4 people @ Sleman');
    const notice = h.newRows();
    expect(notice).toHaveLength(0);
    h.send('telegram:16', '/need 4 tents for 4 people @ -7.80,110.36');
    const rows = h.outbox().filter((r) => r.chat_id === '900');
    expect(rows.at(-1)!.text).toContain('New supply request R-2');
    expect(rows.at(-1)!.text).toContain('-7.80000,110.36000');
    expect(rows.at(-1)!.text).toContain('/verify R-2');
  });
});

describe('/need one-shot form', () => {
  it('creates the request at once from items and coordinates', () => {
    const out = h.say('telegram:21', '/need 20 water, 5 rice for 4 people @ -7.80,110.36');
    expect(out).toContain('Your request is R-1: 20 water, 5 rice.');
    expect(request(1)).toMatchObject({ lat: -7.8, lon: 110.36, urgency: 'normal', status: 'new' });
    expect(
      h.ledger.dialogs.get('telegram:21', { transport: 'telegram', chatId: '21', kind: 'private' }),
    ).toBe(undefined);
  });

  it('creates it from items and an area name; the Indonesian alias works the same', () => {
    expect(h.say('telegram:22', '/butuh 20 air, popok untuk 4 orang @ Bantul')).toContain('R-1');
    expect(request(1)).toMatchObject({ area: 'DIY/Bantul', address: null, lat: null });
    expect(statusOf(h, 1)).toBe('new');
  });

  it('asks for what is missing or wrong instead of guessing', () => {
    const noPlace = h.say('telegram:23', '/need 20 water');
    expect(noPlace).toContain('For how many people?');
    expect(h.count('requests')).toBe(0);
    const badPlace = h.say('telegram:24', '/need 20 water for 4 people @ 95,200');
    expect(badPlace).toContain('out of range');
    expect(badPlace).toContain('Where should it go?');
    const badItems = h.say('telegram:25', '/need 20 @ Bantul');
    expect(badItems).toContain('I see a number but no item');
    expect(badItems).toContain('What do you need?');
    expect(h.say('telegram:25', 'water')).toContain('For how many people?');
    expect(h.count('requests')).toBe(0);
  });

  it('survives hostile text: SQL, emoji, right-to-left, 10,000 characters', () => {
    expect(h.say('telegram:26', "/need 2 water'); DROP TABLE requests;-- for 4 people @ Bantul")).toContain(
      'R-1',
    );
    expect(h.say('telegram:26', '/need 🍚 nasi 3, مياه 4 for 4 people @ Sleman')).toContain('R-2');
    expect(h.say('telegram:26', `/need ${'air '.repeat(2490)}`)).toContain('too long');
    expect(h.count('requests')).toBe(2);
    expect(JSON.parse(request(2).items as string)).toEqual([
      { item: 'rice', qty: 3 },
      { item: 'other', qty: 4, text: 'مياه' },
    ]);
  });
});

describe('/need on any input (property)', () => {
  it('answers every message of the dialog with a question, a re-ask or the reference; never an error', () => {
    const answer = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ unit: 'grapheme', maxLength: 60 }),
      fc.constantFrom(
        '1',
        '2',
        '4',
        'skip',
        'Bantul',
        '20 water',
        '-7.8,110.3',
        '999,999',
        "'; DROP TABLE x;--",
      ),
      fc.record({
        kind: fc.constant('location' as const),
        lat: fc.double({ min: -90, max: 90, noNaN: true }),
        lon: fc.double({ min: -180, max: 180, noNaN: true }),
      }),
      fc.record({
        kind: fc.constant('contact' as const),
        phone: fc.string({ maxLength: 30 }),
        own: fc.boolean(),
      }),
    );
    let n = 0;
    fc.assert(
      fc.property(fc.array(answer, { minLength: 1, maxLength: 9 }), (answers) => {
        const u = `telegram:${7000 + n++}`;
        h.send(u, '/need');
        for (const a of answers) {
          const out = h.send(u, a);
          if (typeof a === 'string' && a.trim().startsWith('/')) continue;
          expect(out.length).toBeGreaterThan(0);
          for (const r of out) expect(r.text).not.toContain('something went wrong');
        }
      }),
      { numRuns: 25 },
    );
  });
});
