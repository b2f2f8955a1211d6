import { afterEach, describe, expect, it } from 'vitest';
import { Harness } from '../support/harness.ts';
import { addRequest, addRescue, addVolunteer } from '../support/volunteers.ts';

let h: Harness;
afterEach(() => h.close());

const status = (table: string, id: number) =>
  h.db.prepare(`SELECT status FROM ${table} WHERE id = ?`).pluck().get(id);

// Imogiri, and points about 1, 3 and 5 km east of it (0.009° of longitude ≈ 1 km here).
const HOME = { lat: -7.93, lon: 110.39 };
const east = (km: number) => ({ lat: HOME.lat, lon: HOME.lon + 0.009 * km });

describe('/tasks', () => {
  it("lists open tasks nearest first, those wanting the volunteer's skills before the others", () => {
    h = new Harness();
    const r1 = addRequest(h, east(1));
    const s1 = addRescue(h, { ...east(5), conditions: ['water_rising', 'children'] });
    const s2 = addRescue(h, { ...east(3), conditions: ['injured'] });
    addRequest(h, { lat: -6.2, lon: 106.8 }); // Jakarta: not near
    addRequest(h, { ...east(2), status: 'new' }); // not verified yet
    addRescue(h, { ...east(2), status: 'rescued' });
    // No coordinates: placed at Imogiri's centre, about 1.2 km away.
    const r5 = addRequest(h, { area: 'DIY/Bantul/Imogiri' });
    addVolunteer(h, 'telegram:1', { ...HOME, area: 'DIY/Bantul/Imogiri', skills: ['boat'] });
    addVolunteer(h, 'telegram:2', { ...HOME, area: 'DIY/Bantul/Imogiri', skills: ['medical'] });

    const refsIn = (text: string) => [...text.matchAll(/^([RS]-\d+) /gm)].map((m) => m[1]);
    const boat = h.send('telegram:1', '/tasks')[0]!;
    expect(refsIn(boat.text)).toEqual([`R-${r1}`, `R-${r5}`, `S-${s1}`, `S-${s2}`]);
    expect(boat.text).toContain(`R-${r5} supplies: 20 water, 5 kg rice · DIY/Bantul/Imogiri · about 1.2 km`);
    expect(boat.text).toContain('needs medical');
    expect(boat.text).toContain(`S-${s1} RESCUE (water rising, children) · 4 people`);
    expect(JSON.parse(boat.extra!).choices[0]).toEqual({ value: `/take R-${r1}`, label: `R-${r1}` });
    const medic = h.say('telegram:2', '/tasks');
    expect(refsIn(medic)).toEqual([`R-${r1}`, `R-${r5}`, `S-${s2}`, `S-${s1}`]);
    expect(medic).toContain('needs boat, rescue (SAR)');
  });

  it('typed in a group, lists the same tasks from fields only: no distance, items outside the catalog counted', () => {
    h = new Harness();
    const r = addRequest(h, east(1));
    h.db.prepare('UPDATE requests SET items = ? WHERE id = ?').run(
      JSON.stringify([
        { item: 'water', qty: 20 },
        { item: 'other', qty: 5, text: 'antar ke rumah bu siti' },
      ]),
      r,
    );
    addVolunteer(h, 'telegram:1', { ...HOME, area: 'DIY/Bantul/Imogiri' });
    const group = { transport: 'telegram' as const, chatId: '-100', kind: 'group' as const };
    const rows = h.send({ id: 'telegram:1', chat: group }, '/tasks');
    expect(rows.map((row) => row.chat_id)).toEqual(['-100']);
    expect(rows[0]!.text).toContain(`R-${r} supplies: 20 water, other item (1) · -`);
    expect(rows[0]!.text).not.toMatch(/km|siti/);
    expect(h.say('telegram:1', '/tasks')).toContain('km');
  });

  it('says so when there is nothing near, or when it does not know where the volunteer is', () => {
    h = new Harness();
    addVolunteer(h, 'telegram:1', { ...HOME, area: 'DIY/Bantul/Imogiri' });
    addVolunteer(h, 'telegram:2');
    expect(h.say('telegram:1', '/tugas')).toContain('No open tasks near you');
    expect(h.say('telegram:2', '/tasks')).toContain('I do not know where you are');
  });
});

describe('/take and /done', () => {
  it('gives the task to the first taker with its details; the second is told who has it', () => {
    h = new Harness();
    const r = addRequest(h, { ...east(1), requester: 'telegram:900', contact: '+6281200000001' });
    addVolunteer(h, 'telegram:1', { name: 'Ani' });
    addVolunteer(h, 'telegram:2', { name: 'Budi' });
    h.ledger.people.setLanguage({ id: 'test', at: h.clock.now }, 'telegram:900', 'id');

    const rows = h.send('telegram:1', `/take R-${r}`);
    expect(rows[0]!.text).toContain(`R-${r} is yours. Please deliver: 20 water, 5 kg rice, for 12 people`);
    expect(rows[0]!.text).toContain('+6281200000001');
    expect(rows[0]!.text).toContain('https://maps.google.com/?q=-7.93,110.399');
    const notice = rows.find((row) => row.chat_id === '900')!;
    expect(notice.text).toContain(`relawan V-1 (Ani) mengantarkan permintaan Anda R-${r}`);

    expect(h.say('telegram:2', `/ambil r${r}`)).toContain(`R-${r} is already taken by volunteer V-1`);
    expect(h.say('telegram:1', `/take R-${r}`)).toContain('You already have');
    expect(status('requests', r)).toBe('assigned');
    expect(h.count("events WHERE kind = 'request.assigned'")).toBe(1);
  });

  it('refuses /done by anyone but the volunteer who took it, then records delivery and tells the requester', () => {
    h = new Harness();
    const r = addRequest(h, { requester: 'telegram:900' });
    addVolunteer(h, 'telegram:1');
    addVolunteer(h, 'telegram:2');
    h.send('telegram:1', `/take R-${r}`);
    const before = h.count('events');
    expect(h.say('telegram:2', `/done R-${r}`)).toContain('is not assigned to you');
    expect(status('requests', r)).toBe('assigned');
    expect(h.count('events')).toBe(before);

    const rows = h.send('telegram:1', `/selesai R-${r}`);
    expect(rows[0]!.text).toContain(`R-${r} is marked delivered`);
    expect(rows.find((row) => row.chat_id === '900')!.text).toContain('marked delivered by volunteer V-1');
    expect(status('requests', r)).toBe('delivered');
    const done = h.ledger.events.forSubject(`R-${r}`).at(-1)!;
    expect(done).toMatchObject({ kind: 'request.delivered', actor: h.pseudonym('telegram:1') });
    expect(JSON.parse(done.payload)).toMatchObject({ volunteer: 'V-1' });
    expect(h.say('telegram:1', `/done R-${r}`)).toContain('already finished');
  });

  it('moves a rescue case to team_assigned and rescued, and announces the taking to rescue groups', () => {
    h = new Harness();
    const s = addRescue(h, { ...east(1), area: 'DIY/Bantul/Imogiri', reporter: 'telegram:901' });
    h.db
      .prepare(`INSERT INTO groups (transport, chat_id, topics, area, created_at, updated_at)
        VALUES ('telegram', '-100', '["rescue"]', 'DIY/Bantul', 0, 0)`)
      .run();
    addVolunteer(h, 'telegram:1', { skills: ['boat'] });
    const rows = h.send('telegram:1', `/take S-${s}`);
    expect(rows[0]!.text).toContain(`S-${s} is yours. Rescue 4 people`);
    expect(rows.find((r) => r.chat_id === '901')!.text).toContain(`is coming for S-${s}`);
    const group = rows.find((r) => r.chat_id === '-100')!;
    expect(group.text).toBe(`S-${s} (DIY/Bantul/Imogiri) is taken by volunteer V-1.`);
    expect(status('rescues', s)).toBe('team_assigned');
    const done = h.send('telegram:1', `/done S-${s}`);
    expect(done[0]!.text).toContain('marked rescued');
    expect(done.find((r) => r.chat_id === '-100')!.text).toContain(`Rescue S-${s}: the people are safe`);
    expect(status('rescues', s)).toBe('rescued');
    expect(h.ledger.events.forSubject(`S-${s}`).map((e) => e.kind)).toEqual([
      'rescue.team_assigned',
      'rescue.rescued',
    ]);
  });

  it("answers a bad or unknown reference, and /leave opens the volunteer's tasks again", () => {
    h = new Harness({ ADMINS: 'telegram:7' });
    addVolunteer(h, 'telegram:1');
    expect(h.say('telegram:1', '/take')).toContain("give the task's number");
    expect(h.say('telegram:1', '/take X-1')).toContain("give the task's number");
    expect(h.say('telegram:1', '/take R-99')).toContain('There is no task R-99');
    const r = addRequest(h);
    const s = addRescue(h);
    h.send('telegram:1', `/take R-${r}`);
    h.send('telegram:1', `/take S-${s}`);
    h.send('telegram:1', '/leave');
    const rows = h.send('telegram:1', 'yes');
    expect(rows.find((row) => row.chat_id === '7')!.text).toContain(`open again: R-${r}, S-${s}`);
    expect(status('requests', r)).toBe('verified');
    expect(status('rescues', s)).toBe('open');
  });
});
