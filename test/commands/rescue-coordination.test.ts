import { afterEach, describe, expect, it } from 'vitest';
import { Harness, type OutRow } from '../support/harness.ts';

let h: Harness;
afterEach(() => h.close());

const COORDINATOR = 'telegram:900';
const REPORTER = 'telegram:1';
const to = (rows: OutRow[], chatId: string) => rows.filter((r) => r.chat_id === chatId).map((r) => r.text);

function setup(): Harness {
  h = new Harness({ ADMINS: COORDINATOR });
  h.db
    .prepare(
      `INSERT INTO groups (transport, chat_id, title, topics, area, created_at, updated_at)
       VALUES ('telegram', '-100', 'SAR Bantul', '["rescue"]', 'DIY/Bantul', 0, 0)`,
    )
    .run();
  h.send(REPORTER, 'SOS Jl. Imogiri Timur km 8, 4 orang, air naik, 081234567890');
  h.newRows();
  return h;
}

describe('/ack', () => {
  it('acknowledges once, tells the reporter and the groups; a second /ack changes nothing', () => {
    setup();
    const rows = h.send(COORDINATOR, '/ack S-1');
    expect(to(rows, '900')[0]).toContain('S-1 acknowledged');
    expect(to(rows, '1')[0]).toContain('A coordinator has seen your rescue report S-1');
    expect(to(rows, '-100')[0]).toContain('acknowledged');
    expect(h.ledger.rescues.get(1)).toMatchObject({ status: 'acknowledged', acknowledgedBy: COORDINATOR });
    expect(h.say(COORDINATOR, '/terima 1')).toContain('already acknowledged');
    expect(h.ledger.events.forSubject('S-1').filter((e) => e.kind === 'rescue.acknowledged')).toHaveLength(1);
  });

  it('is refused to anyone without the coordinator role, and to unknown cases', () => {
    setup();
    expect(h.say('telegram:2', '/ack S-1')).toContain('only for a coordinator');
    expect(h.ledger.rescues.get(1)!.status).toBe('open');
    expect(h.say(COORDINATOR, '/ack S-99')).toContain('There is no rescue case S-99');
    expect(h.say(COORDINATOR, '/ack R-1')).toContain('Use it like this: /ack S-3');
  });
});

describe('/locate', () => {
  it('corrects the location with coordinates: an event, the reporter told, the check cleared', () => {
    setup();
    const rows = h.send(COORDINATOR, '/locate S-1 -7.95,110.41');
    expect(h.ledger.rescues.get(1)).toMatchObject({
      lat: -7.95,
      lon: 110.41,
      address: 'Jl. Imogiri Timur km 8',
      area: 'DIY/Bantul/Imogiri',
      needsLocationCheck: false,
    });
    expect(to(rows, '1')[0]).toContain('A coordinator corrected the location of your rescue report S-1');
    expect(to(rows, '900').join('\n')).toContain('-7.95000,110.41000');
    const located = h.ledger.events.forSubject('S-1').filter((e) => e.kind === 'rescue.located');
    expect(located).toHaveLength(1);
    expect(JSON.parse(located[0]!.payload)).toMatchObject({ source: 'coordinator' });
  });

  it('corrects it with an address, the area from the names in it, and tells the assigned team', () => {
    setup();
    h.db
      .prepare(
        "INSERT INTO volunteers (id, person_id, name, created_at, updated_at) VALUES (40, 'telegram:40', 'Tim A', 0, 0)",
      )
      .run();
    h.db.prepare("UPDATE rescues SET assigned_volunteer = 40, status = 'team_assigned'").run();
    const rows = h.send(COORDINATOR, '/lokasi S-1 Jl. Parangtritis km 20, Kretek');
    expect(h.ledger.rescues.get(1)).toMatchObject({
      lat: null,
      address: 'Jl. Parangtritis km 20, Kretek',
      area: 'DIY/Bantul/Kretek',
    });
    expect(to(rows, '40')[0]).toContain('Jl. Parangtritis km 20');
    expect(to(rows, '40')[0]).toContain('081234567890');
    expect(to(rows, '-100')[0]).toContain('DIY/Bantul/Kretek');
  });

  it('needs a reference and a place', () => {
    setup();
    expect(h.say(COORDINATOR, '/locate S-1')).toContain('/locate S-3 -7.80,110.36');
    expect(h.ledger.events.forSubject('S-1').map((e) => e.kind)).toEqual(['rescue.opened']);
  });
});

describe('/rescued', () => {
  it('the reporter may end their own case without a reference; coordinators and groups hear it', () => {
    setup();
    // After the reporter's window of group posts (5 minutes from the alarm), the all-clear goes at once.
    h.clock.advance(5 * 60_000);
    const rows = h.send(REPORTER, '/selamat');
    expect(to(rows, '1')[0]).toContain('S-1');
    expect(to(rows, '900')[0]).toContain('S-1 marked rescued');
    expect(to(rows, '-100')[0]).toContain('safe');
    expect(h.ledger.rescues.get(1)!.status).toBe('rescued');
    expect(h.say(REPORTER, '/rescued')).toContain('no rescue case in progress');
  });

  it('a coordinator may end any case, and the reporter is told; others may not', () => {
    setup();
    expect(h.say('telegram:2', '/rescued S-1')).toContain('Only the reporter');
    const rows = h.send(COORDINATOR, '/rescued S-1');
    expect(to(rows, '1')[0]).toContain('Your rescue case S-1 is marked rescued');
    expect(h.say(COORDINATOR, '/rescued S-1')).toContain('already marked rescued');
  });
});

describe('/assign and /close on a rescue case', () => {
  function withVolunteers() {
    const db = h.db;
    for (const [id, name] of [
      [40, 'Tim Perahu'],
      [41, 'Tim SAR'],
    ] as const)
      db.prepare(
        `INSERT INTO volunteers (id, person_id, name, area, created_at, updated_at)
         VALUES (?, ?, ?, 'DIY/Bantul', 0, 0)`,
      ).run(id, `telegram:${id}`, name);
  }

  it('gives the volunteer everything, tells the reporter and the groups, and stops escalation', () => {
    setup();
    withVolunteers();
    const rows = h.send(COORDINATOR, '/assign S-1 V-40');
    expect(to(rows, '900')[0]).toContain('S-1 is assigned to V-40 (Tim Perahu)');
    const team = to(rows, '40')[0]!;
    expect(team).toContain('Jl. Imogiri Timur km 8');
    expect(team).toContain('081234567890');
    expect(to(rows, '1')[0]).toContain('A rescue team (Tim Perahu)');
    expect(to(rows, '-100')[0]).toContain('has a team: V-40');
    expect(to(rows, '-100')[0]).not.toContain('0812');
    expect(h.ledger.rescues.get(1)).toMatchObject({
      status: 'team_assigned',
      assignedVolunteer: 40,
      acknowledgedBy: COORDINATOR,
    });
    expect(h.ledger.rescues.overdue(h.clock.now + 86_400_000, 60_000)).toEqual([]);
    expect(h.ledger.events.forSubject('S-1').at(-1)!.kind).toBe('rescue.team_assigned');
  });

  it('hands the case to another team, telling the first; refuses the same team twice', () => {
    setup();
    withVolunteers();
    h.send(COORDINATOR, '/assign S-1 V-40');
    expect(h.say(COORDINATOR, '/assign S-1 V-40')).toContain('already assigned to V-40');
    const rows = h.send(COORDINATOR, '/tugaskan S-1 V-41');
    expect(to(rows, '40')[0]).toContain('given to another team');
    expect(to(rows, '41')[0]).toContain('Rescue S-1 is yours');
    expect(h.say(COORDINATOR, '/assign S-1 V-99')).toContain('no volunteer V-99');
  });

  it('/close ends the case with its reason; the reporter, the team and the groups hear it', () => {
    setup();
    withVolunteers();
    h.send(COORDINATOR, '/assign S-1 V-40');
    const rows = h.send(COORDINATOR, '/close S-1 false alarm, family reached by phone');
    expect(to(rows, '900')[0]).toContain('S-1 is closed');
    expect(to(rows, '1')[0]).toContain('(false alarm, family reached by phone)');
    expect(to(rows, '40')[0]).toContain('need not go');
    expect(to(rows, '-100')[0]).toContain('closed');
    expect(h.ledger.rescues.get(1)).toMatchObject({
      status: 'closed',
      statusReason: 'false alarm, family reached by phone',
    });
    expect(h.say(COORDINATOR, '/close S-1 again')).toContain('closed: nothing changed');
    expect(h.say(COORDINATOR, '/assign S-1 V-41')).toContain('closed: nothing changed');
  });
});
