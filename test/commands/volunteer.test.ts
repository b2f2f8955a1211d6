import { afterEach, describe, expect, it } from 'vitest';
import { Harness } from '../support/harness.ts';
import { addVolunteer } from '../support/volunteers.ts';

let h: Harness;
afterEach(() => h.close());

const row = (personId: string) =>
  h.db.prepare('SELECT * FROM volunteers WHERE person_id = ?').get(personId) as Record<string, unknown>;

describe('/volunteer sign-up dialog', () => {
  it('asks every question in English, re-asks after a bad answer, and ends with V-n', () => {
    h = new Harness();
    const ani = 'telegram:11';
    expect(h.say(ani, '/volunteer')).toContain('What is your name?');
    expect(h.say(ani, 'Ani')).toContain('What can you do?');
    const bad = h.say(ani, 'flying, 1');
    expect(bad).toContain('could not match "flying, 1"');
    expect(bad).toContain('What can you do?');
    expect(h.say(ani, '1, 3')).toContain('Where can you help?');
    const unknown = h.say(ani, 'Atlantis');
    expect(unknown).toContain('I do not know the area "Atlantis"');
    expect(unknown).toContain('Where can you help?');
    expect(h.say(ani, 'Imogiri')).toContain('Which languages');
    expect(h.say(ani, '1,2')).toContain('Share your phone number');
    const rows = h.send(ani, { kind: 'contact', phone: '+6281234567890', own: true });
    expect(rows.map((r) => r.text).join('\n')).toMatch(
      /Welcome, Ani! You are volunteer V-1\.[\s\S]*medical, boat/,
    );
    expect(row(ani)).toMatchObject({
      name: 'Ani',
      skills: '["medical","boat"]',
      area: 'DIY/Bantul/Imogiri',
      languages: '["id","en"]',
      phone: '+6281234567890',
      status: 'active',
      available: 1,
    });
    expect(h.say(ani, '/help')).toContain('/tasks');
  });

  it('runs in Indonesian, with names, a location share and a typed "tidak"', () => {
    h = new Harness();
    const budi = { id: 'telegram:12', language: 'id' };
    expect(h.say(budi, '/relawan')).toContain('Siapa nama Anda?');
    expect(h.say(budi, 'Budi')).toContain('Apa yang bisa Anda lakukan?');
    expect(h.say(budi, 'perahu dan penyelamatan (SAR)')).toContain('Di mana Anda bisa membantu?');
    const bad = h.say(budi, 'Kota Atlantis');
    expect(bad).toContain('tidak mengenal wilayah "Kota Atlantis"');
    expect(bad).toContain('Di mana Anda bisa membantu?');
    expect(h.say(budi, { kind: 'location', lat: -7.93, lon: 110.39 })).toContain('Bahasa apa saja');
    expect(h.say(budi, 'Bahasa Jawa')).toContain('Bolehkah koordinator');
    expect(h.say(budi, 'ya')).toContain('Tolong bagikan nomor Anda sendiri');
    expect(h.say(budi, 'tidak')).toContain('Selamat bergabung, Budi! Anda relawan V-1.');
    expect(row(budi.id)).toMatchObject({
      skills: '["boat","sar"]',
      area: 'DIY/Bantul/Imogiri',
      lat: -7.93,
      lon: 110.39,
      languages: '["jv"]',
      phone: null,
    });
  });

  it('keeps a typed name as typed when it matches the suggested name in another case', () => {
    h = new Harness();
    const rina = { id: 'telegram:21', name: 'rina', language: 'en' };
    h.say(rina, '/volunteer');
    h.say(rina, 'Rina');
    h.say(rina, '1');
    h.say(rina, 'Imogiri');
    h.say(rina, '1');
    expect(h.say(rina, 'no')).toContain('Welcome, Rina!');
    expect(row(rina.id)).toMatchObject({ name: 'Rina' });
  });

  it("uses the WhatsApp sender's own number with a yes/no question", () => {
    h = new Harness();
    const wa = 'whatsapp:6281298765432@c.us';
    h.send(wa, 'relawan');
    h.send(wa, 'Citra');
    h.send(wa, '4');
    h.send(wa, 'Sleman');
    expect(h.say(wa, '1')).toContain('(+6281298765432)');
    expect(h.say(wa, '1')).toContain('V-1');
    expect(row(wa).phone).toBe('+6281298765432');
  });

  it("refuses a contact that is not the sender's own", () => {
    h = new Harness();
    const p = 'telegram:13';
    for (const answer of ['/volunteer', 'Dewi', '2', 'Bantul']) h.send(p, answer);
    expect(h.say(p, '1')).toContain('Share your phone number');
    expect(h.say(p, { kind: 'contact', phone: '+628111', own: false })).toContain("someone else's contact");
    expect(h.count('volunteers')).toBe(0);
  });

  it('updates the same record when someone signs up again', () => {
    h = new Harness();
    const p = 'telegram:14';
    for (const answer of ['/volunteer', 'Eko', '1', 'Bantul', '1']) h.send(p, answer);
    expect(h.say(p, 'no')).toContain('Welcome, Eko! You are volunteer V-1.');
    expect(row(p).area).toBe('DIY/Bantul');
    h.send(p, '/off');
    const [ask] = h.send(p, '/volunteer');
    expect(JSON.parse(ask!.extra!).choices).toEqual([{ value: 'Eko', label: 'Eko' }]);
    for (const answer of ['Eko Prasetyo', '5,6', 'Kulon Progo', '2']) h.send(p, answer);
    expect(h.say(p, 'no')).toContain('your details as volunteer V-1 are updated');
    expect(h.count('volunteers')).toBe(1);
    expect(row(p)).toMatchObject({ name: 'Eko Prasetyo', skills: '["logistics","cooking"]', available: 1 });
    const kinds = h.ledger.events.forSubject('V-1').map((e) => e.kind);
    expect(kinds).toEqual(['volunteer.signed_up', 'volunteer.off', 'volunteer.updated']);
  });
});

describe('availability and leaving', () => {
  it('/off and /available (with a new place) change availability; non-volunteers are refused', () => {
    h = new Harness();
    expect(h.say('telegram:20', '/available')).toContain('only for a volunteer');
    addVolunteer(h, 'telegram:21');
    expect(h.say('telegram:21', '/libur')).toContain('You are off for now, V-1');
    expect(row('telegram:21').available).toBe(0);
    expect(h.say('telegram:21', '/available Imogiri')).toContain('available in DIY/Bantul/Imogiri, V-1');
    expect(row('telegram:21')).toMatchObject({ available: 1, area: 'DIY/Bantul/Imogiri' });
    expect(h.say('telegram:21', '/available Narnia')).toContain('I do not know the area');
  });

  it('/leave deactivates, erases the phone from the state tables, and keeps it out of event payloads', () => {
    h = new Harness();
    const p = 'telegram:22';
    for (const answer of ['/volunteer', 'Fajar', '1', 'Bantul', '1']) h.send(p, answer);
    expect(h.say(p, { kind: 'contact', phone: '+6281355566677', own: true })).toContain('V-1');
    expect(row(p).phone).toBe('+6281355566677');
    expect(h.say(p, '/leave')).toContain('Your phone number is erased');
    expect(row(p)).toMatchObject({ status: 'left', available: 0, phone: null });
    for (const table of ['volunteers', 'requests', 'rescues', 'people', 'dialogs']) {
      const rows = h.db.prepare(`SELECT * FROM ${table}`).all();
      expect(JSON.stringify(rows), table).not.toContain('55566677');
    }
    expect(h.count("events WHERE payload LIKE '%55566677%'")).toBe(0);
    expect(h.count("events WHERE personal LIKE '%55566677%'")).toBe(1);
    expect(h.ledger.people.isActiveVolunteer(p)).toBe(false);
    expect(h.say(p, '/tasks')).toContain('only for a volunteer');
  });
});

describe('/volunteers (coordinators)', () => {
  it('lists volunteers by area, skill and availability, with phones, for coordinators only', () => {
    h = new Harness();
    h.grant('telegram:7', 'coordinator');
    addVolunteer(h, 'telegram:1', {
      name: 'Ani',
      area: 'DIY/Bantul/Imogiri',
      skills: ['boat'],
      phone: '+62811',
    });
    addVolunteer(h, 'telegram:2', { name: 'Budi', area: 'DIY/Bantul', skills: ['medical'] });
    const off = addVolunteer(h, 'telegram:3', { name: 'Citra', area: 'DIY/Sleman', skills: ['boat'] });
    h.ledger.volunteers.setAvailable({ id: 'telegram:3', at: 1 }, off, false);

    expect(h.say('telegram:1', '/volunteers')).toContain('only for a coordinator');
    const all = h.say('telegram:7', '/volunteers');
    expect(all).toContain('Volunteers: 3');
    expect(all).toContain('V-1 Ani · boat · DIY/Bantul/Imogiri · available · +62811');
    expect(all).toContain('V-2 Budi · medical · DIY/Bantul · available · no phone');
    const bantulBoats = h.say('telegram:7', '/volunteers Bantul boat');
    expect(bantulBoats).toContain('Volunteers (DIY/Bantul · boat): 1');
    expect(bantulBoats).not.toContain('Budi');
    h.send('telegram:7', '/lang id');
    expect(h.say('telegram:7', '/daftarrelawan perahu libur')).toContain(
      'Relawan (perahu · libur): 1\nV-3 Citra',
    );
    expect(h.say('telegram:7', '/daftarrelawan Narnia')).toContain('tidak bisa membaca "Narnia"');
    expect(h.say('telegram:7', '/daftarrelawan Gunungkidul')).toContain(
      'Tidak ada relawan (DIY/Gunungkidul).',
    );
  });
});
