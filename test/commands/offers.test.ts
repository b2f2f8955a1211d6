import { afterEach, describe, expect, it } from 'vitest';
import type { Topic } from '../../src/domain/topics.ts';
import { fromLocal } from '../../src/domain/when.ts';
import { postNeedsDigest } from '../../src/schedule/rules/needs-digest.ts';
import { expireOffers } from '../../src/schedule/rules/offer-expiry.ts';
import { Harness, textTo as to } from '../support/harness.ts';

let h: Harness;
afterEach(() => h.close());

const COORD = 'telegram:9';
const COORD2 = 'telegram:8';
const REQUESTER = 'telegram:1';
const DONOR = 'telegram:2';
const TZ = 'Asia/Jakarta';
const DAY = 86_400_000;

function setUp(env: Record<string, string> = {}): Harness {
  h = new Harness({ DEFAULT_LANGUAGE: 'en', ...env });
  h.grant(COORD, 'coordinator');
  h.grant(COORD2, 'coordinator');
  return h;
}

/** A verified request (items, people count, place), as `/need` then `/verify` make it. */
function verifiedNeed(text: string, requester = REQUESTER): number {
  h.send(requester, `/need ${text}`);
  h.send(requester, '30');
  const id = Number(h.db.prepare('SELECT MAX(id) FROM requests').pluck().get());
  h.send(COORD, `/verify R-${id} ok`);
  return id;
}

describe('/offer', () => {
  it('one-shot: items and a place create the offer at once with the defaults, and coordinators hear of it', () => {
    setUp();
    const rows = h.send(DONOR, '/offer 50 water, 10 blanket @ Imogiri until Friday');
    expect(to(rows, '2')).toContain('Your offer is O-1: 50 water, 10 blankets.');
    expect(to(rows, '2')).toContain('In DIY/Bantul/Imogiri, until 2026-12-04 · the donor brings it.');
    expect(to(rows, '2')).toContain('/renew O-1');
    expect(to(rows, '9')).toContain('New offer O-1: 50 water, 10 blankets.');
    const o = h.ledger.offers.get(1)!;
    expect(o).toMatchObject({ donor: DONOR, area: 'DIY/Bantul/Imogiri', delivery: 'brings', status: 'open' });
    expect(o.until).toBe(fromLocal({ year: 2026, month: 12, day: 4, hour: 23, minute: 59 }, TZ));
    const [event] = h.ledger.events.forSubject('O-1');
    expect(event!.kind).toBe('offer.created');
    // Who offered is in the erasable part, never in the hashed fields.
    expect(event!.payload).not.toContain(DONOR);
    expect(event!.payload).toContain('"area":"DIY/Bantul/Imogiri"');
  });

  it('without a date stands for OFFER_DAYS; in Indonesian with `sampai besok`', () => {
    setUp({ OFFER_DAYS: '3' });
    h.send(DONOR, '/offer 5 tarp @ Sleman');
    expect(h.ledger.offers.get(1)!.until).toBe(h.clock.now + 3 * DAY);
    h.send('telegram:3', '/bahasa id');
    const reply = h.say('telegram:3', '/tawarkan 50 selimut, 10 dus mie @ Sleman sampai besok');
    expect(reply).toContain('Tawaran Anda O-2: 50 selimut');
    expect(reply).toContain('sampai 2026-12-02');
  });

  it('by dialog, in both languages: items, place, until, delivery, contact', () => {
    setUp();
    h.send(DONOR, '/offer');
    h.send(DONOR, '10 blanket');
    h.send(DONOR, '-7.93,110.39');
    expect(h.say(DONOR, 'someday')).toContain('could not read that day');
    h.send(DONOR, '5 days');
    h.send(DONOR, '2');
    const done = h.say(DONOR, '0812 3456 7890');
    expect(done).toContain('O-1: 10 blankets');
    expect(done).toContain('to be picked up');
    expect(h.ledger.offers.get(1)).toMatchObject({ delivery: 'pickup', contact: '081234567890', lat: -7.93 });

    h.send('telegram:3', '/bahasa id');
    expect(h.say('telegram:3', '/tawar')).toContain('Apa yang bisa Anda berikan?');
    expect(h.say('telegram:3', '20 air')).toContain('Di mana barangnya');
    expect(h.say('telegram:3', 'Bantul')).toContain('Sampai kapan');
    expect(h.say('telegram:3', 'Jumat')).toContain('mengantar');
    expect(h.say('telegram:3', '1')).toContain('Nomor telepon');
    expect(h.say('telegram:3', '1')).toContain('O-2');
    expect(h.ledger.offers.get(2)).toMatchObject({ delivery: 'brings', area: 'DIY/Bantul' });
  });

  it('/status lists offers beside requests and reports', () => {
    setUp();
    h.send(DONOR, '/offer 5 tarp @ Sleman');
    const status = h.say(DONOR, '/status');
    expect(status).toContain('Your requests, reports and offers:');
    expect(status).toContain('O-1 · open · 5 tarps · left: 5 tarps');
  });

  it("/myoffers lists what became of each; /cancel O-n withdraws only one's own", () => {
    setUp();
    h.send(DONOR, '/offer 5 tarp @ Sleman');
    expect(h.say('telegram:3', '/cancel O-1')).toContain('not one of your offers');
    expect(h.say(DONOR, '/myoffers')).toContain('O-1 · open · 5 tarps');
    expect(h.say(DONOR, '/batal O-1')).toContain('withdrawn');
    expect(h.say(DONOR, '/tawaranku')).toContain('O-1 · withdrawn');
  });
});

describe('services', () => {
  it('a truck, a boat or a kitchen is offered like goods, named by the skill catalog, in both languages', () => {
    setUp();
    const rows = h.send(DONOR, '/offer 2 truk, dapur umum, 50 selimut @ Sleman');
    expect(to(rows, '2')).toContain('O-1: 50 blankets, 2 × vehicle (truck, car), public kitchen.');
    expect(to(rows, '9')).toContain('New offer O-1: 50 blankets, 2 × vehicle (truck, car), public kitchen.');
    expect(h.ledger.offers.get(1)).toMatchObject({
      services: [{ skill: 'driver', qty: 2 }, { skill: 'cooking' }],
      items: [{ item: 'blanket', qty: 50 }],
    });
    const [event] = h.ledger.events.forSubject('O-1');
    expect(JSON.parse(event!.payload).services).toEqual([{ skill: 'driver', qty: 2 }, { skill: 'cooking' }]);
    h.send('telegram:3', '/bahasa id');
    expect(h.say('telegram:3', '/tawarkan sebuah perahu karet @ Imogiri')).toContain('O-2: perahu.');
    // By dialog too: the items question takes services.
    h.send('telegram:4', '/offer');
    h.send('telegram:4', 'an ambulance');
    expect(h.say('telegram:4', 'Imogiri')).toContain('Until when');
    h.send('telegram:4', '3 days');
    h.send('telegram:4', '1');
    expect(h.say('telegram:4', '1')).toContain('O-3: medical team or ambulance.');
    expect(h.ledger.offers.get(3)!.services).toEqual([{ skill: 'medical' }]);
  });

  it('/offers lists standing offers for coordinators by service and area, with contacts, only in private', () => {
    setUp();
    h.send(DONOR, '/offer a boat, 20 water @ Imogiri HP 0812 5555 1234');
    h.send('telegram:3', '/offer 1 truck @ Sleman');
    h.send('telegram:4', '/offer perahu @ Sleman');
    h.send('telegram:4', '/cancel O-3');
    const boats = h.say(COORD, '/offers boat');
    expect(boats).toContain('Offers standing (1; boat)');
    expect(boats).toContain('O-1 · DIY/Bantul/Imogiri · 20 water, boat · until');
    expect(boats).toContain('081255551234');
    expect(boats).not.toContain('O-2');
    expect(boats).not.toContain('O-3');
    expect(h.say(COORD, '/offers truk Bantul')).toContain(
      'No offer is standing (vehicle (truck, car) · DIY/Bantul)',
    );
    expect(h.say(COORD, '/daftartawaran Sleman')).toContain('O-2 · DIY/Sleman · 1 × vehicle (truck, car)');
    const all = h.say(COORD, '/offers');
    expect(all.indexOf('O-2')).toBeLessThan(all.indexOf('O-1'));
    expect(h.say(COORD, '/offers Atlantis')).toContain('I could not read "Atlantis"');
    expect(h.say('telegram:3', '/offers')).toContain('only for');
    const group = {
      id: COORD,
      chat: { transport: 'telegram' as const, chatId: '-5', kind: 'group' as const },
    };
    expect(
      h
        .send(group, '/offers boat')
        .map((r) => r.text)
        .join('\n'),
    ).not.toContain('0812');
  });
});

describe('matching', () => {
  it('suggests to coordinators when a request is verified and when an offer arrives; never matches by itself', () => {
    setUp();
    h.send(DONOR, '/offer 50 water @ Imogiri');
    h.send(REQUESTER, '/need 20 water, 5 kg rice @ Imogiri');
    h.send(REQUESTER, '30');
    const verified = h.send(COORD, '/verify R-1');
    expect(to(verified, '9')).toContain('R-1 ← O-1: 20 water · same area · /match R-1 O-1 20');
    expect(h.count('matches')).toBe(0);
    const offered = h.send('telegram:3', '/offer 5 kg rice, 3 tarp @ Imogiri');
    expect(to(offered, '9')).toContain('R-1 ← O-2: 5 kg rice');
    expect(to(offered, '9')).not.toContain('tarp ·');
    expect(h.count('matches')).toBe(0);
  });

  it('leaves out other items, other units and offers farther than MATCH_MAX_KM', () => {
    setUp({ MATCH_MAX_KM: '10' });
    h.send(DONOR, '/offer 10 sack rice @ -7.93,110.39'); // sacks, not kg
    h.send('telegram:3', '/offer 20 water @ -7.50,110.39'); // about 48 km north
    h.send('telegram:4', '/offer 20 blanket @ -7.93,110.40'); // nobody asked for blankets
    const rows = h.send(COORD, `/verify R-${verifiedNeedOnly('20 water, 5 kg rice @ -7.93,110.39')} ok`);
    expect(to(rows, '9')).not.toContain('possible match');
  });

  it('a partial match leaves the rest open on both sides; the donor learns the posko, never the address', () => {
    setUp();
    h.send(COORD, '/posko add Posko Imogiri @ Imogiri jam 08-17 kontak 0274 123456');
    h.send(REQUESTER, '/need 20 water @ Jl. Melati 5 Imogiri HP 0812 5555 6666');
    h.send(REQUESTER, '30');
    h.send(COORD, '/verify R-1');
    h.send(DONOR, '/offer 50 water @ Sleman');
    const rows = h.send(COORD, '/match R-1 O-1 5');
    expect(to(rows, '9')).toContain('Matched R-1 with O-1: 5 water.');
    expect(to(rows, '9')).toContain('Still needed on R-1: 15 water. Left on O-1: 45 water.');
    expect(to(rows, '2')).toContain('Bring them to K-1 Posko Imogiri');
    expect(to(rows, '2')).not.toMatch(/Melati|5555|6666/);
    expect(to(rows, '1')).toContain('Help is coming for R-1: a donor pledged 5 water.');
    expect(to(rows, '1')).not.toContain('telegram:2');
    expect(h.say(COORD, '/needs')).toContain('DIY/Bantul/Imogiri: 15 water');
  });

  it('follows the goods to the posko and to the requester, each step an event with its notices; cancel gives back', () => {
    setUp();
    h.send(COORD, '/posko add Posko Imogiri @ Imogiri');
    verifiedNeed('20 water @ Imogiri');
    h.send(DONOR, '/offer 50 water @ Imogiri');
    h.send(COORD, '/match R-1 O-1');
    const atPosko = h.send(COORD, '/cocokkan R-1 O-1 posko K-1');
    expect(to(atPosko, '2')).toContain('arrived at K-1 Posko Imogiri');
    expect(to(atPosko, '1')).toContain('are at K-1 Posko Imogiri');
    const delivered = h.send(COORD, '/match R-1 O-1 delivered');
    expect(to(delivered, '1')).toContain('20 water for R-1 is delivered');
    expect(to(delivered, '2')).toContain('reached the people');
    expect(h.say(COORD, '/match R-1 O-1 cancel')).toContain('Nothing was changed');
    expect(
      h.ledger.events
        .forSubject('R-1')
        .map((e) => e.kind)
        .filter((k) => k.startsWith('match.')),
    ).toEqual(['match.pledged', 'match.at-posko', 'match.delivered']);

    verifiedNeed('10 water @ Imogiri', 'telegram:5');
    h.send(COORD, '/match R-2 O-1');
    expect(h.say(DONOR, '/myoffers')).toContain('left: 20 water');
    const cancelled = h.send(COORD, '/match R-2 O-1 batal');
    expect(to(cancelled, '5')).toContain('will not come after all');
    expect(h.say(DONOR, '/myoffers')).toContain('left: 30 water');
  });

  it('a committed offer is never offered or pledged twice: the second coordinator is refused', () => {
    setUp();
    verifiedNeed('20 water @ Imogiri');
    verifiedNeed('20 water @ Imogiri', 'telegram:5');
    h.send(DONOR, '/offer 20 water @ Imogiri');
    expect(h.say(COORD, '/match R-1 O-1')).toContain('Matched R-1 with O-1: 20 water');
    expect(h.say(COORD2, '/match R-2 O-1')).toContain('O-1 has no more of that to give');
    expect(h.db.prepare('SELECT committed FROM offer_items').pluck().get()).toBe(20);
    const later = h.send(COORD, `/verify R-${verifiedNeedOnly('5 water @ Imogiri')} ok`);
    expect(to(later, '9')).not.toContain('O-1');
  });

  it('an offer past its date expires, is never matched, and its donor is asked to renew', () => {
    setUp();
    verifiedNeed('20 water @ Imogiri');
    h.send(DONOR, '/offer 20 water @ Imogiri until tomorrow');
    h.clock.advance(3 * DAY);
    h.core.runJob('offer-expiry', expireOffers);
    const [ask] = h.newRows();
    expect(ask!.text).toContain('O-1 has reached its date');
    expect(JSON.parse(ask!.extra!).choices[0].value).toBe('/renew O-1');
    expect(h.ledger.offers.get(1)!.status).toBe('expired');
    expect(h.say(COORD, '/match R-1 O-1')).toContain('O-1 is expired');
    expect(h.say(DONOR, '1')).toContain('O-1 stands until 2026-12-11');
    expect(h.say(COORD, '/match R-1 O-1')).toContain('Matched R-1 with O-1');
  });
});

/** A new request verified by the coordinator's next command: returns its id without verifying. */
function verifiedNeedOnly(text: string): number {
  h.send('telegram:7', `/need ${text}`);
  h.send('telegram:7', '30');
  return Number(h.db.prepare('SELECT MAX(id) FROM requests').pluck().get());
}

describe('/needs', () => {
  it('aggregates verified needs by area and item, minus what is pledged, against a table worked by hand', () => {
    setUp();
    verifiedNeed('200 water, 10 tarp @ Imogiri');
    verifiedNeed('140 water, 15 tarp, 60 blanket @ Imogiri', 'telegram:5');
    verifiedNeed('30 water @ Sleman', 'telegram:6');
    verifiedNeedOnly('999 water @ Imogiri'); // not verified: not counted
    h.send(DONOR, '/offer 40 water @ Imogiri');
    h.send(COORD, '/match R-1 O-1');
    // Imogiri: water 200 + 140 - 40 = 300, tarp 10 + 15 = 25, blanket 60. Sleman: water 30.
    const answer = h.say('telegram:3', '/needs');
    expect(answer).toContain('DIY/Bantul/Imogiri: 300 water, 60 blankets, 25 tarps');
    expect(answer).toContain('DIY/Sleman: 30 water');
    expect(h.say('telegram:3', '/kebutuhan Sleman')).not.toContain('Imogiri');
  });

  it('is posted to each supply group on NEEDS_CRON for its own area, in its language; nothing when nothing is needed', () => {
    setUp();
    const register = (chatId: string, area: string | null, topics: Topic[] = ['supply']) =>
      h.ledger.groups.register(
        { id: 'test', at: h.clock.now },
        { transport: 'telegram', chatId, kind: 'group' },
        { topics, area, registeredBy: COORD },
      );
    register('-1', null);
    register('-2', 'DIY/Sleman');
    register('-3', 'DIY/Bantul');
    register('-4', null, ['rescue']);
    h.db.prepare("UPDATE groups SET language = 'id' WHERE chat_id = '-3'").run();
    const digest = () => {
      h.core.runJob('needs-digest', postNeedsDigest);
      return h.newRows();
    };
    expect(digest()).toEqual([]);
    verifiedNeed('200 water, 10 tarp @ Imogiri');
    verifiedNeed('30 water @ Sleman', 'telegram:6');
    h.newRows();
    const rows = digest();
    expect(rows.map((r) => r.chat_id)).toEqual(['-1', '-2', '-3']);
    expect(to(rows, '-1')).toContain('DIY/Bantul/Imogiri: 200 water, 10 tarps');
    expect(to(rows, '-1')).toContain('DIY/Sleman: 30 water');
    expect(to(rows, '-1')).toContain('/offer');
    expect(to(rows, '-2')).not.toContain('Imogiri');
    expect(to(rows, '-3')).toContain('Masih dibutuhkan');
    expect(to(rows, '-3')).not.toContain('Sleman');
    // Areas and catalog items only: the requester's words and contact stay out.
    expect(rows.every((r) => !/telegram:|0812/.test(r.text))).toBe(true);
  });
});

describe('/posko and /stock', () => {
  it('registers at once, sets fields later, and lists the nearest for anyone', () => {
    setUp();
    expect(h.say(COORD, '/posko add Posko Imogiri @ -7.93,110.39')).toContain('Registered K-1 Posko Imogiri');
    h.send(COORD, '/posko add Posko Sleman @ Sleman');
    expect(h.say(COORD, '/posko set K-1 hours 07-20 accepts water, rice contact 0274 123456')).toContain(
      'K-1 Posko Imogiri · open 07-20 · accepts water, rice · contact 0274123456',
    );
    const near = h.say('telegram:3', '/posko near -7.94,110.39');
    expect(near.indexOf('K-1')).toBeLessThan(near.indexOf('K-2'));
    expect(near).toMatch(/K-1 Posko Imogiri · 1\.1 km/);
    expect(h.say('telegram:3', '/posko add Mine @ Sleman')).toContain('only for');
    expect(h.count('posko')).toBe(2);
  });

  it('records goods in and out, never below zero, each movement an event', () => {
    setUp();
    h.send(COORD, '/posko add Posko Imogiri @ Imogiri');
    expect(h.say(COORD, '/stock in K-1 20 water, 5 kg rice')).toContain('Now in stock: 5 kg rice, 20 water');
    expect(h.say(COORD, '/stock out K-1 15 water, 6 kg rice')).toContain(
      'holds only 5 kg rice, not 6 kg rice',
    );
    expect(h.say(COORD, '/stok keluar Posko Imogiri 15 air')).toContain('Now in stock: 5 kg rice, 5 water');
    expect(h.say(COORD, '/stock K-1')).toContain('holds: 5 kg rice, 5 water');
    expect(h.ledger.events.forSubject('K-1').map((e) => e.kind)).toEqual([
      'posko.added',
      'stock.in',
      'stock.out',
    ]);
    expect(h.say('telegram:3', '/stock in K-1 5 water')).toContain('only for');
    // Words that name what every object has are words like any other, not a way in.
    h.say(COORD, '/stock constructor K-1 50 water');
    h.say(COORD, '/stock __proto__ K-1 50 water');
    expect(h.say(COORD, '/stock K-1')).toContain('holds: 5 kg rice, 5 water');
  });
});

describe('/forget', () => {
  it("erases a donor's contact, address and own words, and withdraws what is still open", () => {
    setUp();
    h.send(DONOR, '/offer');
    h.send(DONOR, '10 blanket, 3 kompor gas merk Rinnai');
    h.send(DONOR, 'Jl. Kenanga 7, Imogiri');
    h.send(DONOR, '5 days');
    h.send(DONOR, '1');
    h.send(DONOR, '0812 9999 1111');
    h.send(DONOR, '/forget');
    h.send(DONOR, 'yes');
    const dump =
      JSON.stringify(h.db.prepare('SELECT * FROM offers').all()) +
      JSON.stringify(h.db.prepare('SELECT * FROM offer_items').all());
    expect(dump).not.toMatch(/Kenanga|99991111|Rinnai|telegram:2/);
    expect(h.ledger.offers.get(1)!.status).toBe('withdrawn');
  });
});
