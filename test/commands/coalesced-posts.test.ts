import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { postCoalesced } from '../../src/schedule/rules/coalesced-posts.ts';
import { Scheduler } from '../../src/schedule/scheduler.ts';
import { Harness, type OutRow, silentLog } from '../support/harness.ts';

/**
 * Issue 14: one reporter cannot fill a group. A reporter's moves reach the rescue groups at most once
 * per case per 5 minutes (the last place wins), their open/close cycles at most once per 10 minutes;
 * coordinators still hear every change privately, and every change is an event.
 */

let h: Harness;
afterEach(() => h.close());

const COORDINATOR = 'telegram:900';
const REPORTER = 'telegram:1';
const OTHER = 'telegram:2';
const IMOGIRI = { kind: 'location' as const, lat: -7.93512, lon: 110.40123 };
const PUNDONG = { kind: 'location' as const, lat: -7.96001, lon: 110.34702 };
const GROUP = '-100';

const to = (rows: OutRow[], chatId: string) => rows.filter((r) => r.chat_id === chatId).map((r) => r.text);

function setup(): Scheduler {
  h = new Harness({ ADMINS: COORDINATOR });
  h.db
    .prepare(
      `INSERT INTO groups (transport, chat_id, title, topics, area, created_at, updated_at)
       VALUES ('telegram', '${GROUP}', 'SAR Bantul', '["rescue"]', 'DIY/Bantul', 0, 0)`,
    )
    .run();
  return new Scheduler(h.core, h.ledger, 'Asia/Jakarta', silentLog, h.clock.fn);
}

const job = { name: 'coalesced-posts', cron: '* * * * *', rule: postCoalesced };

describe('a reporter alternating location shares', () => {
  it('201 shares give a handful of group posts; another SOS still goes at once; the last place wins', () => {
    const scheduler = setup();
    h.send(REPORTER, 'SOS -7.93512,110.40123 banjir');
    const posts: string[] = [];
    let coordinatorNotices = 0;
    let otherSos: string[] = [];
    const started = h.clock.now;
    // 3.5 s apart: under the per-sender flood control (20 a minute), so every share is handled.
    for (let i = 0; i < 201; i++) {
      h.clock.advance(3500);
      scheduler.run(job);
      const rows = [...h.newRows(), ...h.send(REPORTER, i % 2 === 0 ? PUNDONG : IMOGIRI)];
      posts.push(...to(rows, GROUP));
      coordinatorNotices += to(rows, '900').length;
      if (i === 100) otherSos = to(h.send(OTHER, 'SOS -7.905,110.365 3 orang terjebak'), GROUP);
    }
    const minutes = (h.clock.now - started) / 60_000;
    // One post at once, then at most one per 5-minute window: 4 in these 11.7 minutes, not 201.
    expect(posts.length).toBeLessThanOrEqual(1 + Math.ceil(minutes / 5));
    expect(posts.length).toBeGreaterThanOrEqual(2);
    expect(otherSos).toHaveLength(1);
    expect(otherSos[0]).toContain('S-2');
    expect(coordinatorNotices).toBe(201);
    const located = h.ledger.events.forSubject('S-1').filter((e) => e.kind === 'rescue.located');
    expect(located).toHaveLength(201);

    // The last window ends: the 201st share was Pundong, and that is where the groups last read it is.
    h.clock.advance(5 * 60_000);
    scheduler.run(job);
    posts.push(...to(h.newRows(), GROUP));
    expect(posts.at(-1)).toContain('S-1 has a new location');
    expect(posts.at(-1)).toContain('DIY/Bantul/Pundong');
    scheduler.run(job);
    expect(to(h.newRows(), GROUP)).toEqual([]);
  });

  it('a move back to the area the groups last heard needs no post; a coordinator’s move goes at once', () => {
    const scheduler = setup();
    h.send(REPORTER, 'SOS -7.93512,110.40123 banjir');
    expect(to(h.send(REPORTER, PUNDONG), GROUP)).toHaveLength(1);
    expect(to(h.send(REPORTER, IMOGIRI), GROUP)).toHaveLength(0);
    expect(to(h.send(REPORTER, PUNDONG), GROUP)).toHaveLength(0);
    expect(to(h.send(COORDINATOR, '/locate S-1 -7.93512,110.40123'), GROUP)).toHaveLength(1);
    h.clock.advance(5 * 60_000);
    scheduler.run(job);
    expect(to(h.newRows(), GROUP)).toEqual([]);
  });
});

describe("a reporter's open/close cycles", () => {
  it('100 cycles of SOS and /rescued reach the group once per 10 minutes, coordinators every time', () => {
    const scheduler = setup();
    const posts: string[] = [];
    let coordinatorNotices = 0;
    const started = h.clock.now;
    for (let i = 0; i < 100; i++) {
      for (const text of ['SOS -7.93512,110.40123 banjir', '/rescued']) {
        // 3.5 s apart: under the per-sender flood control, so every message is handled.
        h.clock.advance(3500);
        scheduler.run(job);
        const rows = [...h.newRows(), ...h.send(REPORTER, text)];
        posts.push(...to(rows, GROUP));
        coordinatorNotices += to(rows, '900').length;
      }
      if (i === 50) expect(to(h.send(OTHER, 'SOS -7.905,110.365'), GROUP)).toHaveLength(1);
    }
    const minutes = (h.clock.now - started) / 60_000;
    // The first alarm and its all-clear go at once; the storm after them, one post per 10 minutes.
    expect(posts[0]).toContain('S-1: people need rescue');
    expect(posts[1]).toContain('S-1: the people are safe');
    expect(posts.length).toBeLessThanOrEqual(2 + Math.ceil(minutes / 10));
    expect(coordinatorNotices).toBe(200);
    expect(h.count("events WHERE kind = 'rescue.opened'")).toBe(101);
    expect(h.count("events WHERE kind = 'rescue.rescued'")).toBe(100);

    // When the windows end, the groups' last word is where things stand: nothing of this reporter's is
    // open (cases opened and closed unseen inside a window are not news).
    h.clock.advance(10 * 60_000);
    scheduler.run(job);
    posts.push(...to(h.newRows(), GROUP));
    expect(posts.at(-1)).toMatch(/the people are safe|None of their reports is open now/);
  });

  it('a cycle that ends with an open case says which case is open', () => {
    const scheduler = setup();
    const say = (text: string) => to(h.send(REPORTER, text), GROUP);
    // The first alarm and its all-clear go at once; the cycle after them is held.
    expect([...say('SOS -7.93512,110.40123'), ...say('/rescued')]).toHaveLength(2);
    expect(say('SOS -7.96001,110.34702 4 orang')).toEqual([]);
    expect(say('/rescued')).toEqual([]);
    expect(say('SOS -7.96001,110.34702 4 orang')).toEqual([]);
    h.clock.advance(10 * 60_000);
    scheduler.run(job);
    const posts = to(h.newRows(), GROUP);
    expect(posts).toHaveLength(1);
    expect(posts[0]).toContain('Open now: S-3.');
    expect(posts[0]).not.toContain('Safe now');
    expect(posts[0]).toContain('DIY/Bantul/Pundong');
    expect(posts[0]).not.toContain('-7.96001');
  });

  it("a person's first alarm, and a new one after someone else closed theirs, are never held", () => {
    setup();
    expect(to(h.send(REPORTER, 'SOS -7.93512,110.40123'), GROUP)).toHaveLength(1);
    h.send(COORDINATOR, '/rescued S-1');
    expect(to(h.send(REPORTER, 'SOS -7.93512,110.40123'), GROUP)).toHaveLength(1);
  });
});

describe('any mix of one reporter’s messages (generated)', () => {
  const action = fc.constantFrom('sos', 'rescued', 'imogiri', 'pundong');
  const step = fc.record({ action, gapSec: fc.integer({ min: 0, max: 400 }) });
  const inputs = {
    sos: 'SOS -7.93512,110.40123',
    rescued: '/rescued',
    imogiri: IMOGIRI,
    pundong: PUNDONG,
  };

  it('keeps relocation posts 5 minutes apart per case, and at most 2 cycle posts in any 10 minutes', () => {
    const scheduler = setup();
    let run = 0;
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
        // One ledger for every run, a new reporter each time; the last run's windows have all ended.
        const reporter = `telegram:${1000 + run++}`;
        // Relocation posts by case: after an all-clear, a new SOS opens a new case with its own window.
        const relocations = new Map<string, number[]>();
        const cycles: number[] = [];
        const record = (rows: OutRow[]) => {
          for (const text of to(rows, GROUP)) {
            const relocated = /Rescue (S-\d+) has a new location/.exec(text);
            if (relocated)
              relocations.set(relocated[1]!, [...(relocations.get(relocated[1]!) ?? []), h.clock.now]);
            else cycles.push(h.clock.now);
          }
        };
        for (const { action: a, gapSec } of steps) {
          h.clock.advance(Math.max(gapSec * 1000, 3500));
          scheduler.run(job);
          record(h.newRows());
          record(h.send(reporter, inputs[a]));
        }
        for (let i = 0; i < 2; i++) {
          h.clock.advance(10 * 60_000);
          scheduler.run(job);
          record(h.newRows());
        }
        const gaps = (times: number[], n: number) => times.slice(n).map((t, i) => t - times[i]!);
        for (const times of relocations.values())
          for (const g of gaps(times, 1)) expect(g).toBeGreaterThanOrEqual(5 * 60_000);
        // An alarm and its all-clear may go together; never a third within 10 minutes.
        for (const g of gaps(cycles, 2)) expect(g).toBeGreaterThanOrEqual(10 * 60_000);
      }),
      { numRuns: 40 },
    );
  });
});
