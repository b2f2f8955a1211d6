import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { escalateOverdue } from '../../src/schedule/escalation.ts';
import { Scheduler } from '../../src/schedule/scheduler.ts';
import { Harness, type OutRow, silentLog } from '../support/harness.ts';
import { addRequest, addVolunteer } from '../support/volunteers.ts';

/**
 * Issue 14: a volunteer who leaves mid-task is asked first; then the people waiting hear, in their own
 * language, that the team changed and that coordinators know; a rescue case is open again, first in the
 * coordinators' line, and escalates again if nobody acknowledges it.
 */

let h: Harness;
afterEach(() => h.close());

const COORDINATOR = 'telegram:900';
const REPORTER = 'telegram:1';
const REQUESTER = 'telegram:2';
const RINA = 'telegram:300';
const to = (rows: OutRow[], chatId: string) => rows.filter((r) => r.chat_id === chatId).map((r) => r.text);

function setup(): void {
  h = new Harness({ ADMINS: COORDINATOR, SOS_ESCALATE_MINUTES: '10' });
  h.db
    .prepare(
      `INSERT INTO groups (transport, chat_id, title, topics, area, created_at, updated_at)
       VALUES ('telegram', '-100', 'SAR Bantul', '["rescue"]', 'DIY/Bantul', 0, 0)`,
    )
    .run();
  h.say({ id: REPORTER, language: 'id' }, 'SOS -7.93512,110.40123 4 orang, air naik');
  addVolunteer(h, RINA, { name: 'Rina', area: 'DIY/Bantul/Imogiri' });
  addRequest(h, { requester: REQUESTER, area: 'DIY/Bantul/Imogiri' });
  h.say(COORDINATOR, '/assign S-1 V-1');
  h.say(COORDINATOR, '/assign R-1 V-1');
  h.newRows();
}

describe('/leave with tasks in hand', () => {
  it('asks first; "no" keeps everything as it was', () => {
    setup();
    const asked = h.send(RINA, '/leave');
    expect(asked).toHaveLength(1);
    expect(asked[0]!.text).toContain('R-1, S-1');
    expect(JSON.parse(asked[0]!.extra!).choices).toHaveLength(2);
    expect(h.ledger.rescues.get(1)!.status).toBe('team_assigned');
    expect(h.say(RINA, 'maybe')).toContain('yes or no');
    expect(h.say(RINA, 'no')).toContain('You stay');
    expect(h.ledger.rescues.get(1)).toMatchObject({ status: 'team_assigned', assignedVolunteer: 1 });
    expect(h.ledger.volunteers.byPerson(RINA)!.status).toBe('active');
  });

  it('then tells the reporter (in Indonesian) and the requester, opens the case again and escalates it', () => {
    setup();
    // The team was on its way for half an hour: the clock starts again at the release, not at the report.
    h.clock.advance(30 * 60_000);
    h.send(RINA, '/keluar');
    const rows = h.send(RINA, 'ya');
    expect(to(rows, '300')[0]).toContain('You have left');
    const reporter = to(rows, '1').join('\n');
    expect(reporter).toContain('Tim penyelamat untuk laporan Anda S-1 harus mundur');
    expect(reporter).toContain('Koordinator sudah diberi tahu');
    expect(to(rows, '2').join('\n')).toContain('The volunteer bringing your request R-1 had to leave');
    expect(to(rows, '900').join('\n')).toMatch(/V-1 left the volunteers.*R-1, S-1/);
    expect(to(rows, '-100').join('\n')).toContain('S-1 needs a team again');

    expect(h.ledger.rescues.get(1)).toMatchObject({ status: 'open', assignedVolunteer: null });
    expect(h.ledger.requests.get(1)!.status).toBe('verified');
    const released = h.ledger.events.forSubject('S-1').filter((e) => e.kind === 'rescue.released');
    expect(released).toHaveLength(1);

    // The reporter no longer reads that a team is on the way.
    const status = h.say(REPORTER, '/status');
    expect(status).toContain('menunggu tim penyelamat');
    expect(status).not.toContain('tim sedang menuju');

    // Escalation runs again: not at once (coordinators were just told), but after the interval.
    const scheduler = new Scheduler(h.core, h.ledger, 'Asia/Jakarta', silentLog, h.clock.fn);
    const job = { name: 'rescue-escalation', cron: '* * * * *', rule: escalateOverdue };
    h.clock.advance(5 * 60_000);
    scheduler.run(job);
    expect(to(h.newRows(), '-100')).toEqual([]);
    h.clock.advance(5 * 60_000);
    scheduler.run(job);
    const escalated = h.newRows();
    expect(to(escalated, '-100').join('\n')).toContain('S-1');
    expect(to(escalated, '900').length).toBeGreaterThan(0);
    expect(h.ledger.rescues.get(1)!.escalationLevel).toBe(1);

    // A coordinator acknowledges it again, and another volunteer can take it.
    expect(h.say(COORDINATOR, '/ack S-1')).toContain('S-1 acknowledged');
  });

  it('leaves at once, with no question, when nothing is held', () => {
    h = new Harness({ ADMINS: COORDINATOR });
    addVolunteer(h, RINA, { name: 'Rina' });
    expect(h.say(RINA, '/leave')).toContain('You have left');
    expect(commands.some((c) => c.name === 'leave')).toBe(true);
  });
});
