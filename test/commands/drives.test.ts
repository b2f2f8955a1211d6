import { afterEach, describe, expect, it } from 'vitest';
import { askBloodDonors } from '../../src/schedule/rules/blood-drives.ts';
import { Harness, textTo as to } from '../support/harness.ts';

let h: Harness;
afterEach(() => h.close());

const COORD = 'telegram:9';
const ADMIN = 'telegram:1';

function setUp(): Harness {
  h = new Harness({ DEFAULT_LANGUAGE: 'en', ADMINS: ADMIN, BLOOD_WAVE_MINUTES: '30' });
  h.grant(COORD, 'coordinator');
  h.ledger.groups.register(
    { id: 'test', at: h.clock.now },
    { transport: 'telegram', chatId: '-100', kind: 'group' },
    { topics: ['supply'], area: null, registeredBy: COORD },
  );
  return h;
}

/** A donor registered through the dialog, at a point `km` east of Imogiri. */
function donor(id: number, group: string, km: number, last = 'skip'): string {
  const who = `telegram:${id}`;
  h.send(who, `/donor ${group}`);
  h.send(who, last === 'skip' ? '1' : last);
  h.send(who, `-7.93,${(110.39 + 0.009 * km).toFixed(4)}`);
  h.send(who, '1');
  return who;
}

const asked = () =>
  h.db.prepare('SELECT person_id FROM blood_asks ORDER BY person_id').pluck().all() as string[];

describe('blood donors and requests', () => {
  it('registers a donor only with consent; in Indonesian too', () => {
    setUp();
    h.send('telegram:20', '/donor');
    h.send('telegram:20', 'B negatif');
    h.send('telegram:20', '1/10/2026');
    h.send('telegram:20', 'skip');
    expect(h.say('telegram:20', '2')).toContain('nothing was recorded');
    expect(h.count('donors')).toBe(0);
    h.send('telegram:21', '/bahasa id');
    h.send('telegram:21', '/donordarah AB+');
    h.send('telegram:21', '1');
    h.send('telegram:21', 'Bantul');
    expect(h.say('telegram:21', '1')).toContain('terdaftar sebagai donor darah (AB+)');
  });

  it('asks compatible, rested donors nearest first, a few at a time, never more than needed', () => {
    setUp();
    const near = donor(30, 'O-', 1);
    const mid = donor(31, 'A+', 3);
    donor(32, 'B+', 2); // B+ cannot give to A+
    const far = donor(33, 'O+', 9);
    donor(34, 'A-', 2, '2026-11-15'); // gave 16 days ago: not yet
    const farther = donor(35, 'A+', 12);
    const rows = h.send(COORD, '/blood A+ 1 @ Imogiri until tomorrow');
    expect(to(rows, '9')).toContain('T-1: 1 bags of A+ at Imogiri');
    expect(to(rows, '-100')).toBe(
      'Blood A+ needed at Imogiri (DIY/Bantul/Imogiri): 0 of 1 donors found (T-1). Donors can register with /donor.',
    );
    expect(asked()).toEqual([near, mid].sort());
    // Nobody answers: the next wave only after BLOOD_WAVE_MINUTES, and only as many as still missing.
    h.core.runJob('blood-drives', askBloodDonors);
    expect(asked()).toHaveLength(2);
    h.clock.advance(31 * 60_000);
    h.core.runJob('blood-drives', askBloodDonors);
    expect(asked()).toEqual([near, mid].sort());
    expect(h.say(near, '/giveblood T-1 no')).toContain('Thank you for answering');
    expect(h.say(near, '/giveblood T-1 yes')).toContain('already answered');
    h.clock.advance(31 * 60_000);
    h.core.runJob('blood-drives', askBloodDonors);
    expect(asked()).toEqual([near, mid, far].sort());
    const yes = h.send(mid, '/giveblood T-1 yes');
    expect(to(yes, '31')).toContain('Please go to Imogiri before');
    expect(to(yes, '9')).toContain('T-1: 1 of 1 donors found');
    expect(to(yes, '33')).toContain('covered');
    expect(
      yes
        .filter((r) => r.chat_kind === 'group')
        .map((r) => r.text)
        .join(),
    ).not.toMatch(/telegram|31|Rina/);
    h.clock.advance(31 * 60_000);
    h.core.runJob('blood-drives', askBloodDonors);
    expect(asked()).not.toContain(farther);
    expect(h.ledger.blood.request(1)!.status).toBe('covered');
  });

  it('hospital or PMI staff a coordinator named ask for their hospital; donors are asked only once a coordinator verifies', () => {
    setUp();
    const donorNear = donor(30, 'O-', 1);
    const STAFF = 'telegram:50';
    expect(h.say(STAFF, '/blood O+ 2 @ Imogiri')).toContain('for coordinators and for hospital or PMI staff');
    expect(h.count('blood_requests')).toBe(0);
    expect(h.say(STAFF, '/bloodstaff telegram:50 RS Imogiri')).toContain('only for');
    // The hospital is a place record: registered by the first mention, found again by its name.
    const named = h.send(COORD, '/bloodstaff telegram:50 RS Imogiri');
    expect(to(named, '9')).toContain('telegram:50 may now ask for blood for RS Imogiri');
    expect(to(named, '50')).toContain('A coordinator named you staff of RS Imogiri');
    expect(h.db.prepare('SELECT name, area FROM hospitals').all()).toEqual([
      { name: 'RS Imogiri', area: 'DIY/Bantul/Imogiri' },
    ]);
    // Staff ask without naming the hospital: it is theirs, whatever they type after @.
    const asking = h.send(STAFF, '/blood O+ 2 @ RS Sardjito');
    expect(to(asking, '50')).toContain('T-1: 2 bags of O+ at RS Imogiri. A coordinator verifies it');
    expect(to(asking, '9')).toContain('/blood T-1 verify');
    expect(to(asking, '-100')).toBe('');
    expect(asked()).toEqual([]);
    h.clock.advance(31 * 60_000);
    h.core.runJob('blood-drives', askBloodDonors);
    expect(asked()).toEqual([]);
    // Staff follow their own hospital's requests; verifying is a coordinator's.
    expect(h.say(STAFF, '/blood')).toContain('T-1 · O+ at RS Imogiri · 0 of 2 yes');
    expect(h.say(STAFF, '/blood T-1 verify')).toContain('for coordinators and');
    const verified = h.send(COORD, '/darah T-1 verifikasi');
    expect(asked()).toEqual([donorNear]);
    expect(to(verified, '50')).toContain('T-1 is verified: 1 donors asked');
    expect(to(verified, '-100')).toContain('Blood O+ needed at RS Imogiri');
    expect(h.say(COORD, '/blood T-1 verify')).toContain('not waiting for verification');
    // A coordinator's request naming the same hospital reuses its record.
    h.send(COORD, '/blood A+ 1 @ rs imogiri');
    expect(h.count('hospitals')).toBe(1);
    expect(h.ledger.blood.request(2)).toMatchObject({ hospital: 'RS Imogiri', verified: true });
    h.send(COORD, '/blood B+ 1 @ RS Bethesda Yogyakarta');
    expect(h.say(STAFF, '/blood')).toContain('T-2 · A+ at RS Imogiri');
    expect(h.say(STAFF, '/blood')).not.toContain('T-3');
    expect(h.say(COORD, '/bloodstaff telegram:50 off')).toContain('no longer asks for blood');
    expect(h.say(STAFF, '/blood O+ 1')).toContain('for coordinators and');
    expect(h.ledger.events.forSubject('T-1').map((e) => e.kind)).toEqual([
      'blood.requested',
      'blood.verified',
      'blood.asked',
    ]);
  });

  it('signing up as a volunteer offers blood donor registration once, with a button that starts /donor', () => {
    setUp();
    const signUp = (who: string, name: string) => {
      for (const answer of ['/volunteer', name, '1', 'Imogiri', '1']) h.send(who, answer);
      return h.send(who, 'no');
    };
    const [welcome, offer] = signUp('telegram:60', 'Rina');
    expect(welcome!.text).toContain('Welcome, Rina!');
    expect(offer!.text).toContain('would you give blood');
    expect(JSON.parse(offer!.extra!).choices).toEqual([
      expect.objectContaining({ value: '/donor', label: 'Register as blood donor' }),
    ]);
    expect(h.say('telegram:60', '/donor')).toContain('blood group');
    // A donor already is not asked again.
    donor(61, 'A+', 1);
    expect(
      signUp('telegram:61', 'Agus')
        .map((r) => r.text)
        .join('\n'),
    ).not.toContain('would you give blood');
  });

  it('a forwarded old appeal is answered with the live count, in private and in a registered group, never with the number', () => {
    setUp();
    const appeal =
      'Dibutuhkan segera donor darah golongan A+ 3 kantong di RS Imogiri, hubungi Bu Sri 0812-3456-7890';
    expect(h.say('telegram:70', appeal)).toContain('no open request here fits it');
    h.send(COORD, '/blood A+ 3 @ RS Imogiri until tomorrow');
    h.send(COORD, '/blood B- 1 @ Imogiri');
    const privately = h.say('telegram:70', appeal);
    expect(privately).toContain('T-1 · Blood A+ at RS Imogiri (DIY/Bantul/Imogiri): 0 of 3 donors found');
    expect(privately).not.toContain('T-2');
    expect(privately).not.toContain('0812');
    h.newRows();
    const inGroup = h.send(
      { id: 'telegram:71', chat: { transport: 'telegram', chatId: '-100', kind: 'group' } },
      `Forwarded: ${appeal}`,
    );
    expect(inGroup.map((r) => r.chat_id)).toEqual(['-100']);
    expect(inGroup[0]!.text).toContain('0 of 3 donors found');
    expect(inGroup[0]!.text).not.toMatch(/0812|Sri/);
    // A group the bot was not registered in hears nothing; neither does a registered one for other talk.
    const stranger = {
      id: 'telegram:72',
      chat: { transport: 'telegram' as const, chatId: '-999', kind: 'group' as const },
    };
    expect(h.send(stranger, appeal)).toEqual([]);
    expect(
      h.send(
        { id: 'telegram:71', chat: { transport: 'telegram', chatId: '-100', kind: 'group' } },
        'Selamat pagi semua',
      ),
    ).toEqual([]);
    // Other text in private is still "not understood".
    expect(h.say('telegram:70', 'halo apa kabar')).not.toContain('request for blood');
  });

  it('/forget erases a donor and their blood group', () => {
    setUp();
    const who = donor(40, 'O+', 1);
    h.send(COORD, `/bloodstaff ${who} RS Imogiri`);
    h.send(who, '/forget');
    h.send(who, 'yes');
    expect(h.count('donors')).toBe(0);
    expect(h.count('blood_staff')).toBe(0);
    expect(JSON.stringify(h.db.prepare('SELECT personal FROM events').all())).not.toContain('"O+"');
  });
});

describe('campaigns', () => {
  it('known platforms are listed at once with who vetted them; others wait for an admin; withdrawn vanish', () => {
    setUp();
    h.db.prepare('UPDATE people SET display_name = ? WHERE id = ?').run('Rina', COORD);
    expect(
      h.say(COORD, '/campaign add https://kitabisa.com/banjirbantul Bantul Flood relief Bantul'),
    ).toContain('F-1 vetted');
    expect(h.say(COORD, '/kampanye tambah https://kitabisa-bantu.com/x Bantul Look-alike')).toContain(
      'an admin must confirm',
    );
    expect(h.say(COORD, '/campaign add http://kitabisa.com/x Bantul Plain http')).toContain(
      'not an https link',
    );
    const list = h.say('telegram:50', '/donate Bantul');
    expect(list).toContain(
      'F-1 Flood relief Bantul (DIY/Bantul): https://kitabisa.com/banjirbantul · vetted by Rina on 2026-12-01',
    );
    expect(list).toContain('never takes, holds or counts money');
    expect(list).not.toContain('Look-alike');
    expect(h.say(COORD, '/campaign confirm F-2')).toContain('only for');
    expect(h.say(ADMIN, '/campaign confirm F-2')).toContain('confirmed');
    expect(h.say('telegram:50', '/donasi')).toContain('Look-alike');
    h.send(COORD, '/campaign withdraw F-1');
    expect(h.say('telegram:50', '/donate')).not.toContain('Flood relief');
  });
});
