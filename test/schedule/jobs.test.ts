import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Job } from '../../src/engine/command.ts';
import { Outcome } from '../../src/engine/outcome.ts';
import { reportFinishedBroadcasts, sendDueSchedules } from '../../src/schedule/rules/broadcasts.ts';
import { expireExports, purgeExpired } from '../../src/schedule/rules/retention.ts';
import { sendSitrep } from '../../src/schedule/rules/sitrep.ts';
import { askStillNeeded } from '../../src/schedule/rules/still-needed.ts';
import { Scheduler } from '../../src/schedule/scheduler.ts';
import { Harness, silentLog } from '../support/harness.ts';

let h: Harness;
afterEach(() => h.close());

const COORDINATOR = 'telegram:9';
const HOUR = 3_600_000;
const actor = () => ({ id: 'system', at: h.clock.now });

function setUp(env: Record<string, string> = {}): Harness {
  h = new Harness(env);
  h.grant(COORDINATOR, 'coordinator');
  const register = (chatId: string, area: string | null) =>
    h.ledger.groups.register(
      { id: 'test', at: h.clock.now },
      { transport: 'telegram', chatId, kind: 'group' },
      { topics: ['sitrep', 'supply'], area, registeredBy: COORDINATOR },
    );
  register('-1', null);
  register('-2', 'DIY/Sleman');
  return h;
}

const run = (name: string, job: Job) => {
  h.core.runJob(name, job);
  return h.newRows();
};

describe('scheduled broadcasts', () => {
  it('sends a one-off schedule when due, once, and reports it to its author', () => {
    setUp();
    // The harness clock starts at 2026-12-01 00:00 UTC, 07:00 in Jakarta.
    expect(h.say(COORDINATOR, '/schedule 09:30 all Distribution at the field')).toContain(
      'B-1 scheduled for 2026-12-01 09:30 (Asia/Jakarta) to all groups (2 groups',
    );
    expect(h.say(COORDINATOR, '/schedules')).toContain('B-1 at 2026-12-01 09:30 to all groups');
    h.clock.advance(2 * HOUR);
    expect(run('broadcasts', sendDueSchedules)).toEqual([]);
    h.clock.advance(31 * 60_000);
    const sent = run('broadcasts', sendDueSchedules);
    expect(sent.map((r) => [r.chat_id, r.broadcast_id, r.text])).toEqual([
      ['-1', 1, 'Distribution at the field'],
      ['-2', 1, 'Distribution at the field'],
    ]);
    expect(run('broadcasts', sendDueSchedules)).toEqual([]);
    for (const r of sent) {
      h.ledger.outbox.claim([r.id]);
      h.ledger.outbox.markSent([{ id: r.id, platformMessageId: '1', at: h.clock.now }]);
    }
    const report = run('broadcasts', reportFinishedBroadcasts);
    expect(report.map((r) => [r.chat_id, r.text])).toEqual([['9', 'B-1 delivered: all 2 groups have it.']]);
    expect(h.say(COORDINATOR, '/schedules')).toContain('No broadcast is scheduled');
  });

  it('runs a repeating schedule once after missed runs, then moves to its next time', () => {
    setUp();
    h.send(COORDINATOR, '/schedule "0 8 * * *" sitrep Morning briefing at the post');
    h.clock.advance(3 * 24 * HOUR);
    const sent = run('broadcasts', sendDueSchedules);
    expect(sent).toHaveLength(2);
    expect(new Set(sent.map((r) => r.broadcast_id))).toEqual(new Set([2]));
    expect(h.ledger.broadcasts.get(2)).toMatchObject({ schedule_id: 1, state: 'pending' });
    // 2026-12-04 07:00 in Jakarta now: the next run is 08:00 today.
    expect(h.ledger.broadcasts.get(1)).toMatchObject({
      state: 'scheduled',
      scheduled_at: Date.UTC(2026, 11, 4, 1, 0),
    });
    expect(run('broadcasts', sendDueSchedules)).toEqual([]);
  });

  it('removes a schedule with /unschedule, and refuses bad input', () => {
    setUp();
    h.send(COORDINATOR, '/jadwal 2026-12-02 07:00 semua Rapat');
    expect(h.say(COORDINATOR, '/hapusjadwal B-1')).toContain('B-1 removed');
    expect(h.say(COORDINATOR, '/unschedule B-1')).toContain('is not scheduled');
    expect(h.say(COORDINATOR, '/unschedule 1')).toContain('/unschedule B-7');
    expect(h.say(COORDINATOR, '/schedule soon all x')).toContain('could not read when');
    expect(h.say(COORDINATOR, '/schedule 2026-11-01 07:00 all x')).toContain('already passed');
    h.clock.advance(48 * HOUR);
    expect(run('broadcasts', sendDueSchedules)).toEqual([]);
  });
});

describe('the scheduler', () => {
  it('runs a job that fell due while the bot was down once at start, not once per missed tick', () => {
    setUp();
    let runs = 0;
    const job = {
      name: 'hourly',
      cron: '0 * * * *',
      rule: (() => {
        runs++;
        return new Outcome();
      }) as Job,
    };
    const scheduler = () => new Scheduler(h.core, h.ledger, 'Asia/Jakarta', silentLog, h.clock.fn);
    expect(scheduler().dueAtStart([job])).toEqual([]);
    h.clock.advance(30 * 60_000);
    expect(scheduler().dueAtStart([job])).toEqual([]);
    h.clock.advance(5 * HOUR);
    const due = scheduler().dueAtStart([job]);
    expect(due.map((d) => d.job)).toEqual([job]);
    const s = scheduler();
    s.run(job, due[0]!.due);
    expect(runs).toBe(1);
    expect(h.ledger.jobs.lastRun('hourly')).toBe(h.clock.now);
    expect(scheduler().dueAtStart([job])).toEqual([]);
    // A second process armed for the same due time finds it run, and runs nothing.
    expect(scheduler().run(job, due[0]!.due)).toBe(0);
    expect(runs).toBe(1);
  });

  it('keeps a failing job from changing anything or stopping the others', () => {
    setUp();
    const s = new Scheduler(h.core, h.ledger, 'Asia/Jakarta', silentLog, h.clock.fn);
    const before = h.count('events');
    const bad = {
      name: 'bad',
      cron: '* * * * *',
      rule: ((ctx) => {
        ctx.ledger.events.append(ctx.actor, { kind: 'half' });
        throw new Error('bug');
      }) as Job,
    };
    expect(s.run(bad)).toBe(0);
    expect(h.ledger.jobs.lastRun('bad')).toBeUndefined();
    expect(h.count('events')).toBe(before);
  });
});

describe('the situation report', () => {
  function seed(): void {
    const db = h.db;
    const at = h.clock.now;
    db.prepare(`INSERT INTO rescues (reporter, area, status, created_at, updated_at) VALUES
      ('telegram:1', 'DIY/Sleman/Depok', 'open', ?, ?), ('telegram:2', 'DIY/Bantul', 'acknowledged', ?, ?)`).run(
      at - 3 * HOUR,
      at,
      at - 10 * 60_000,
      at,
    );
    h.ledger.requests.create(actor(), {
      requester: 'telegram:3',
      items: [],
      area: 'DIY/Sleman/Depok',
      urgency: 'critical',
      contact: '081234567890',
    });
    db.prepare(`INSERT INTO volunteers (person_id, skills, area, status, available, created_at, updated_at)
      VALUES ('telegram:4', '["boat","medical"]', 'DIY/Sleman', 'active', 1, ?, ?)`).run(at, at);
  }

  it('goes to sitrep groups for their own area, then says what changed', () => {
    setUp();
    seed();
    const rows = run('sitrep', sendSitrep);
    expect(rows.map((r) => r.chat_id)).toEqual(['-1', '-2']);
    const [everywhere, sleman] = rows.map((r) => r.text);
    expect(everywhere).toContain('Rescue: 2 open, 1 not yet acknowledged');
    expect(everywhere).toContain('under 30 min: 1, 30 min to 2 h: 0, 2 to 6 h: 1');
    expect(everywhere).toContain('DIY/Sleman/Depok: new critical 1');
    expect(everywhere).toContain('Volunteers available: 1. By skill: boat 1, medical 1');
    expect(everywhere).toContain('This is the first report.');
    expect(everywhere).not.toContain('081234567890');
    expect(sleman).toContain('Situation report for DIY/Sleman');
    expect(sleman).toContain('Rescue: 1 open');
    h.clock.advance(HOUR);
    h.ledger.requests.create(actor(), { requester: 'telegram:5', items: [], area: 'DIY/Bantul' });
    const later = h.say(COORDINATOR, '/sitrep');
    expect(later).toContain('open requests 2 (+1)');
    expect(later).toContain('request.created 1');
  });
});

describe('"still needed?"', () => {
  it('asks about a request idle 48 h once, and the answer keeps or cancels it', () => {
    setUp();
    h.ledger.requests.create(actor(), { requester: 'telegram:3', items: [], area: 'DIY/Bantul' });
    h.clock.advance(47 * HOUR);
    expect(run('still-needed', askStillNeeded)).toEqual([]);
    h.clock.advance(2 * HOUR);
    const [ask] = run('still-needed', askStillNeeded);
    expect(ask).toMatchObject({ chat_id: '3', kind: 'notice' });
    expect(ask!.text).toContain('R-1 has had no news for two days');
    expect(JSON.parse(ask!.extra!).choices.map((c: { value: string }) => c.value)).toEqual([
      '/stillneeded R-1 yes',
      '/stillneeded R-1 no',
    ]);
    expect(run('still-needed', askStillNeeded)).toEqual([]);
    expect(h.say('telegram:8', '/stillneeded R-1 no')).toContain('not one of your requests');
    // The button, as Telegram sends it back.
    expect(h.say('telegram:3', { kind: 'choice', value: '/stillneeded R-1 yes' })).toContain(
      'R-1 stays open',
    );
    expect(h.ledger.requests.get(1)!.status).toBe('new');
    h.clock.advance(49 * HOUR);
    expect(run('still-needed', askStillNeeded)).toHaveLength(1);
    expect(h.say('telegram:3', '/masihperlu R-1 tidak')).toContain('R-1 is closed');
    expect(h.ledger.requests.get(1)!.status).toBe('cancelled');
    expect(h.say('telegram:3', '/stillneeded R-1 yes')).toContain('no open question');
  });
});

describe('the retention purge', () => {
  it('erases personal fields of old finished records and their events; the chain still verifies', () => {
    setUp({ RETENTION_DAYS: '30' });
    h.send('telegram:3', '/help');
    const old = h.ledger.requests.create(actor(), {
      requester: 'telegram:3',
      items: [],
      area: 'DIY/Bantul',
      lat: -7.912345,
      lon: 110.398765,
      contact: '081234567890',
      notes: 'Ibu Sari, rumah biru',
    });
    h.ledger.requests.move(actor(), old.id, 'cancelled', { reason: 'gone' });
    const live = h.ledger.requests.create(actor(), {
      requester: 'telegram:6',
      items: [],
      contact: '0811111111',
    });
    h.clock.advance(31 * 24 * HOUR);
    run('retention', purgeExpired);

    expect(h.ledger.requests.get(old.id)).toMatchObject({
      requester: 'erased',
      contact: null,
      notes: null,
      lat: -7.91,
      lon: 110.4,
    });
    expect(h.ledger.requests.get(live.id)!.contact).toBe('0811111111');
    expect(h.ledger.events.forSubject(`R-${old.id}`).every((e) => e.personal === null)).toBe(true);
    expect(h.ledger.events.forSubject(`R-${live.id}`)[0]!.personal).toContain('0811111111');
    expect(h.db.prepare('SELECT message FROM inbox').pluck().all()).toEqual(['{"erased":true}']);
    expect(h.ledger.events.verify()).toMatchObject({ ok: true });
    expect(h.ledger.events.forSubject(`R-${old.id}`)).toHaveLength(2);
  });
});

describe('the job table', () => {
  it('has every SPEC 4 job, SITREP_CRON included, each with a valid cron', async () => {
    const { scheduledJobs } = await import('../../src/schedule/jobs.ts');
    const { isCron } = await import('../../src/domain/when.ts');
    h = new Harness({ SITREP_CRON: '0 6 * * *' });
    const jobs = scheduledJobs(h.config);
    expect(jobs.map((j) => j.name)).toEqual([
      'broadcasts',
      'rescue-escalation',
      'undelivered',
      'coalesced-posts',
      'sitrep',
      'still-needed',
      'needs-digest',
      'offer-expiry',
      'blood-drives',
      'retention',
      'export-expiry',
      'public-channel-needs',
      'public-channel-summary',
    ]);
    expect(jobs.find((j) => j.name === 'sitrep')!.cron).toBe('0 6 * * *');
    expect(jobs.every((j) => isCron(j.cron))).toBe(true);
  });
});

describe('export files', () => {
  it('expire after EXPORT_TTL_HOURS; younger ones stay', () => {
    h = new Harness({ EXPORT_TTL_HOURS: '24' });
    const dir = h.ledger.exportFiles.dir;
    mkdirSync(dir, { recursive: true });
    const now = h.clock.now;
    for (const [name, ageHours] of [
      ['old.csv', 25],
      ['young.csv', 23],
      ['requests-personal-x.csv', 1],
    ] as const) {
      writeFileSync(path.join(dir, name), 'ref\r\n');
      const at = (now - ageHours * 3_600_000) / 1000;
      utimesSync(path.join(dir, name), at, at);
    }
    h.core.runJob('export-expiry', expireExports);
    expect(readdirSync(dir).sort()).toEqual(['requests-personal-x.csv', 'young.csv']);
    h.clock.advance(2 * 3_600_000);
    h.core.runJob('export-expiry', expireExports);
    expect(readdirSync(dir)).toEqual(['requests-personal-x.csv']);
  });
});
