import { afterEach, describe, expect, it } from 'vitest';
import { Harness, textTo as to } from '../support/harness.ts';

let h: Harness;
afterEach(() => h.close());

const COORD = 'telegram:9';
const WA_SAFE = 'whatsapp:6281234567890@c.us';
const TG_SAFE = 'telegram:5';
const FAMILY = 'telegram:6';

function setUp(env: Record<string, string> = {}): Harness {
  h = new Harness({ DEFAULT_LANGUAGE: 'en', ...env });
  h.grant(COORD, 'coordinator');
  return h;
}

describe('/safe and /find', () => {
  it('on WhatsApp uses the sender number; anyone who knows it finds the latest check-in, by that number only', () => {
    setUp();
    expect(h.say(WA_SAFE, '/safe at the mosque shelter @ Imogiri')).toContain(
      'Recorded that you are safe (C-1, DIY/Bantul/Imogiri)',
    );
    const found = h.say(FAMILY, '/find 0812-3456-7890');
    expect(found).toContain('Checked in as safe on 2026-12-01');
    expect(found).toContain('in DIY/Bantul/Imogiri. Their message: at the mosque shelter');
    expect(found).not.toMatch(/whatsapp|6281234567890/);
    expect(h.say(FAMILY, '/find +62 812 3456 7891')).toContain('no check-in under that number');
    expect(h.say(FAMILY, '/find Siti')).toContain('phone number');
  });

  it('on Telegram asks for the number once and remembers it; in Indonesian', () => {
    setUp();
    h.send(TG_SAFE, '/bahasa id');
    expect(h.say(TG_SAFE, '/aman')).toContain('Dengan nomor telepon berapa');
    expect(h.say(TG_SAFE, '0813 1111 2222')).toContain('Anda di mana?');
    expect(h.say(TG_SAFE, 'Bantul')).toContain('Siapa yang boleh');
    expect(h.say(TG_SAFE, '1')).toContain('Tercatat bahwa Anda selamat (C-1, DIY/Bantul)');
    expect(h.say(TG_SAFE, '/aman sudah di rumah saudara')).toContain('C-2');
    expect(h.say(FAMILY, '/find 081311112222')).toContain('sudah di rumah saudara');
  });

  it('a private check-in is for coordinators only', () => {
    setUp();
    h.send(WA_SAFE, '/safe private');
    expect(h.say(FAMILY, '/find 081234567890')).toContain('no check-in under that number');
    expect(h.say(COORD, '/find 081234567890')).toContain('Checked in as safe');
  });

  it('limits lookups per person and hour, records each, and /whofound shows who looked', () => {
    setUp({ FIND_PER_HOUR: '3' });
    h.send(WA_SAFE, '/safe ok');
    for (let i = 0; i < 3; i++) h.send(FAMILY, `/find 0812 0000 000${i}`);
    expect(h.say(FAMILY, '/find 081234567890')).toContain('looked up 3 numbers in the last hour');
    h.clock.advance(3_600_001);
    expect(h.say(FAMILY, '/find 081234567890')).toContain('Checked in as safe');
    const who = h.say(WA_SAFE, '/whofound');
    expect(who).toContain('Your number was looked up 1 times');
    expect(who).toContain('telegram:6 · saw your check-in');
    expect(h.count('checkin_lookups')).toBe(4);
    expect(h.ledger.events.verify()).toMatchObject({ ok: true });
  });
});

describe('/missing, matching and consent', () => {
  it('goes to coordinators only with possible matches in Indonesian spellings; found, consent, then the number', () => {
    setUp();
    h.ledger.people.ensure(WA_SAFE, h.clock.now);
    h.db.prepare('UPDATE people SET display_name = ? WHERE id = ?').run('Sitti Aminah', WA_SAFE);
    h.send(WA_SAFE, '/safe @ Imogiri');
    h.send(FAMILY, '/missing');
    h.send(FAMILY, 'Bu Siti Aminah');
    h.send(FAMILY, '4');
    h.send(FAMILY, 'Imogiri');
    h.send(FAMILY, 'yesterday 16:00');
    h.send(FAMILY, 'skip');
    const rows = h.send(FAMILY, 'red headscarf');
    expect(to(rows, '6')).toContain('Your report M-1 about Bu Siti Aminah is with the coordinators only');
    expect(to(rows, '9')).toContain('Missing person M-1: Bu Siti Aminah (Elderly (60+))');
    expect(to(rows, '9')).toContain('C-1 Sitti Aminah checked in safe in DIY/Bantul/Imogiri');
    expect(rows.filter((r) => r.chat_kind !== 'private')).toEqual([]);

    const found = h.send(COORD, '/found M-1 C-1');
    expect(to(found, '6')).toContain('may have been found safe');
    expect(to(found, '6')).not.toContain('6281234567890');
    const ask = found.find((r) => r.chat_id === '6281234567890@c.us')!;
    expect(JSON.parse(ask.extra!).choices.map((c: { value: string }) => c.value)).toEqual([
      '/consent M-1 yes',
      '/consent M-1 no',
    ]);
    expect(h.say(FAMILY, '/consent M-1 yes')).toContain('no question for you');
    const given = h.send(WA_SAFE, '1');
    expect(to(given, '6')).toContain('agreed that you may have their number: +6281234567890');
  });

  it('a refusal keeps the number back; a rescue case can be the find', () => {
    setUp();
    h.send(WA_SAFE, '/safe ok');
    h.send(FAMILY, '/hilang Joko');
    for (const a of ['3', 'skip', 'skip', 'skip', 'skip']) h.send(FAMILY, a);
    h.send(COORD, '/found M-1 C-1');
    const refused = h.send(WA_SAFE, '/consent M-1 no');
    expect(to(refused, '6')).toContain('chose not to share their number');
    expect(to(refused, '6')).not.toMatch(/6281234567890/);

    h.send('telegram:7', '/sos 3 people @ Imogiri');
    h.send(FAMILY, '/missing Djoko Santoso');
    for (const a of ['3', 'Imogiri', 'skip', 'skip', 'skip']) h.send(FAMILY, a);
    expect(h.say(COORD, '/missingcases')).toContain('rescue case S-1 in DIY/Bantul/Imogiri · /found M-2 S-1');
    expect(h.say(COORD, '/ditemukan M-2 S-1')).toContain('M-2 marked found in S-1');
  });

  it('/forget takes check-ins, lookups and reports with it', () => {
    setUp();
    h.send(TG_SAFE, '/safe ok');
    h.send(TG_SAFE, '0813 1111 2222');
    expect(h.count('checkins')).toBe(1);
    h.send(FAMILY, '/find 0813 1111 2222');
    h.send(TG_SAFE, '/forget');
    h.send(TG_SAFE, 'yes');
    expect(h.count('checkins')).toBe(0);
    expect(h.count('checkin_lookups')).toBe(0);
    expect(h.say(FAMILY, '/find 0813 1111 2222')).toContain('no check-in');
  });
});

describe('rescued people check in too', () => {
  it('the reporter of a rescued case is offered a check-in, which a family then finds', () => {
    setUp();
    h.send(WA_SAFE, '/sos 3 people @ Imogiri');
    const rows = h.send(COORD, '/rescued S-1');
    const offer = rows.find((r) => r.chat_id === '6281234567890@c.us' && r.text.includes('Record it'))!;
    expect(JSON.parse(offer.extra!).choices[0].value).toBe('/safe rescued S-1');
    expect(h.say(WA_SAFE, '/safe rescued S-1')).toContain('Recorded that you are safe (C-1');
    expect(h.say(FAMILY, '/find 081234567890')).toContain('Their message: rescued S-1');
  });
});
