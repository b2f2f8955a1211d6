import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { postCoalesced } from '../../src/schedule/rules/coalesced-posts.ts';
import { Scheduler } from '../../src/schedule/scheduler.ts';
import { ledgerRuns } from '../support/engine.ts';
import { Harness, type OutRow, silentLog } from '../support/harness.ts';

/**
 * Issue 23, "one reporter, one window": the group posts one reporter's cases cause (opens, moves,
 * all-clears, details added) reach each rescue group at most once per 5 minutes, across all their
 * cases, whatever the cycle; coordinators still hear every change privately, every change is an event,
 * and another person's SOS is never held behind them.
 */

let h: Harness;
afterEach(() => h?.close());

const COORDINATOR = 'telegram:900';
const REPORTER = 'telegram:1';
const OTHER = 'telegram:2';
const IMOGIRI = { kind: 'location' as const, lat: -7.93512, lon: 110.40123 };
const PUNDONG = { kind: 'location' as const, lat: -7.96001, lon: 110.34702 };
const SLEMAN = { kind: 'location' as const, lat: -7.7167, lon: 110.3554 };
const GROUP = '-100';
const DIY_GROUP = '-200';
const WINDOW = 5 * 60_000;

const isEdit = (r: OutRow) => r.extra?.includes('"edit":') ?? false;
/** The posts a chat got: an edit of an earlier post (Telegram) is no new post. */
const to = (rows: OutRow[], chatId: string) =>
  rows.filter((r) => r.chat_id === chatId && !isEdit(r)).map((r) => r.text);

function setup(): Scheduler {
  h = new Harness({ ADMINS: COORDINATOR });
  h.db
    .prepare(
      `INSERT INTO groups (transport, chat_id, title, topics, area, created_at, updated_at)
       VALUES ('telegram', '${GROUP}', 'SAR Bantul', '["rescue"]', 'DIY/Bantul', 0, 0),
              ('telegram', '${DIY_GROUP}', 'SAR DIY', '["rescue"]', NULL, 0, 0)`,
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
    expect(posts.length).toBeLessThanOrEqual(1 + Math.ceil(minutes / 5));
    expect(posts.length).toBeGreaterThanOrEqual(2);
    expect(otherSos).toHaveLength(1);
    expect(otherSos[0]).toContain('S-2');
    expect(coordinatorNotices).toBe(201);
    expect(h.ledger.events.forSubject('S-1').filter((e) => e.kind === 'rescue.located')).toHaveLength(201);

    // The last window ends: the 201st share was Pundong, and that is where the groups last read it is.
    h.clock.advance(WINDOW);
    scheduler.run(job);
    posts.push(...to(h.newRows(), GROUP));
    expect(posts.at(-1)).toContain('S-1 has a new location');
    expect(posts.at(-1)).toContain('DIY/Bantul/Pundong');
    h.clock.advance(WINDOW);
    scheduler.run(job);
    expect(to(h.newRows(), GROUP)).toEqual([]);
  });

  it('a move back to the area the groups last heard needs no post; a coordinator’s move goes at once', () => {
    const scheduler = setup();
    h.send(REPORTER, 'SOS -7.93512,110.40123 banjir');
    expect(to(h.send(REPORTER, PUNDONG), GROUP)).toHaveLength(0);
    expect(to(h.send(REPORTER, IMOGIRI), GROUP)).toHaveLength(0);
    expect(to(h.send(REPORTER, PUNDONG), GROUP)).toHaveLength(0);
    expect(to(h.send(COORDINATOR, '/locate S-1 -7.93512,110.40123'), GROUP)).toHaveLength(1);
    h.clock.advance(WINDOW);
    scheduler.run(job);
    expect(to(h.newRows(), GROUP)).toEqual([]);
  });
});

describe("the issue's cycle: SOS, a location elsewhere, /rescued, every 10 seconds", () => {
  it('20 minutes of it reach each group at most once per 5 minutes; coordinators hear every change', () => {
    const scheduler = setup();
    const posts = new Map<string, number[]>();
    let coordinatorNotices = 0;
    let otherSos: string[] = [];
    const started = h.clock.now;
    const record = (rows: OutRow[]) => {
      for (const r of rows.filter((x) => x.chat_kind === 'group' && !isEdit(x) && /S-\d+/.test(x.text)))
        posts.set(r.chat_id, [...(posts.get(r.chat_id) ?? []), h.clock.now]);
      coordinatorNotices += to(rows, '900').length;
    };
    let i = 0;
    while (h.clock.now - started < 20 * 60_000) {
      const text = ['SOS -7.93512,110.40123 2 orang', SLEMAN, '/rescued'][i++ % 3]!;
      // 10 s apart as in the issue; flood control (20 a minute) lets them all through.
      h.clock.advance(10_000);
      scheduler.run(job);
      record(h.newRows());
      record(h.send(REPORTER, text));
      if (i === 60) otherSos = to(h.send(OTHER, 'SOS -7.905,110.365 3 orang terjebak'), GROUP);
    }
    const opened = h.count("rescues WHERE reporter = 'telegram:1'");
    expect(opened).toBeGreaterThanOrEqual(35);
    for (const times of posts.values()) {
      expect(times.length).toBeLessThanOrEqual(1 + Math.ceil(20 / 5) + 1);
      for (let k = 1; k < times.length; k++) expect(times[k]! - times[k - 1]!).toBeGreaterThanOrEqual(WINDOW);
    }
    // The other person's SOS went at once, not 44th in the queue.
    expect(otherSos.join('\n')).toContain('people need rescue');
    // Every open, move and all-clear reached the coordinators.
    expect(coordinatorNotices).toBeGreaterThanOrEqual(i);
  });
});

describe('details a reporter adds after the group was told', () => {
  it('the first alarm goes at once; the people count and conditions are edited into it, no new post', () => {
    const scheduler = setup();
    const first = to(h.send(REPORTER, 'SOS -7.93512,110.40123'), GROUP);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatch(/People: not known yet/);
    h.clock.advance(20_000);
    const people = h.send(REPORTER, '4').filter((r) => r.chat_id === GROUP);
    expect(people.map(isEdit)).toEqual([true]);
    expect(people[0]!.text).toContain('People: 4');
    const conditions = h.send(REPORTER, '1, 5').filter((r) => r.chat_id === GROUP);
    expect(conditions[0]!.text).toContain('injured, trapped');
    h.clock.advance(WINDOW);
    scheduler.run(job);
    expect(to(h.newRows(), GROUP)).toEqual([]);
  });

  it('a case opened and ended inside one window is never news to the groups', () => {
    const scheduler = setup();
    h.send(REPORTER, 'SOS -7.93512,110.40123');
    h.send(REPORTER, '/cancel');
    h.send(REPORTER, '/rescued');
    h.send(REPORTER, 'SOS -7.96001,110.34702 4 orang');
    h.send(REPORTER, '/cancel');
    h.send(REPORTER, '/rescued');
    h.clock.advance(WINDOW);
    scheduler.run(job);
    const posts = to(h.newRows(), GROUP);
    expect(posts).toHaveLength(1);
    expect(posts[0]).toContain('S-1: the people are safe');
    expect(posts[0]).not.toContain('S-2');
  });
});

describe('any mix of one reporter’s messages (generated)', () => {
  const action = fc.constantFrom('sos', 'rescued', 'imogiri', 'pundong', 'sleman', 'people');
  const step = fc.record({ action, gapSec: fc.integer({ min: 0, max: 400 }) });
  const inputs = {
    sos: 'SOS -7.93512,110.40123',
    rescued: '/rescued',
    imogiri: IMOGIRI,
    pundong: PUNDONG,
    sleman: SLEMAN,
    people: '5 orang',
  };

  it('each group hears from one reporter at most once per 5 minutes; every case reaches coordinators', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 30 }), (steps) => {
        const scheduler = setup();
        try {
          const posts = new Map<string, number[]>();
          const record = (rows: OutRow[]) => {
            for (const r of rows.filter((x) => x.chat_kind === 'group' && !isEdit(x)))
              posts.set(r.chat_id, [...(posts.get(r.chat_id) ?? []), h.clock.now]);
          };
          for (const { action: a, gapSec } of steps) {
            h.clock.advance(Math.max(gapSec * 1000, 3500));
            scheduler.run(job);
            record(h.newRows());
            record(h.send(REPORTER, inputs[a]));
          }
          for (let i = 0; i < 2; i++) {
            h.clock.advance(WINDOW);
            scheduler.run(job);
            record(h.newRows());
          }
          for (const times of posts.values())
            for (let k = 1; k < times.length; k++)
              expect(times[k]! - times[k - 1]!).toBeGreaterThanOrEqual(WINDOW);
          const cases = h.count('rescues');
          const told = h.db
            .prepare("SELECT COUNT(*) FROM outbox WHERE chat_id = '900' AND text LIKE '%New rescue case%'")
            .pluck()
            .get();
          expect(told).toBe(cases);
        } finally {
          h.close();
        }
      }),
      { numRuns: ledgerRuns(30) },
    );
  });
});

describe('on Telegram the group post itself is brought up to date (issue 24)', () => {
  function setupMixed() {
    h = new Harness({ ADMINS: COORDINATOR });
    h.db
      .prepare(
        `INSERT INTO groups (transport, chat_id, title, topics, area, created_at, updated_at)
         VALUES ('telegram', '${GROUP}', 'SAR Bantul', '["rescue"]', 'DIY/Bantul', 0, 0),
                ('whatsapp', 'sar@g.us', 'SAR WA', '["rescue"]', 'DIY/Bantul', 0, 0)`,
      )
      .run();
    return new Scheduler(h.core, h.ledger, 'Asia/Jakarta', silentLog, h.clock.fn);
  }

  it('details added edit the Telegram post at once; the WhatsApp group gets one follow-up', () => {
    const scheduler = setupMixed();
    const first = h.send(REPORTER, 'SOS -7.93512,110.40123');
    const post = first.find((r) => r.chat_id === GROUP)!;
    expect(first.filter((r) => r.chat_id === 'sar@g.us')).toHaveLength(1);
    h.clock.advance(20_000);
    const rows = h.send(REPORTER, '4');
    const edit = rows.find((r) => r.chat_id === GROUP);
    expect(edit?.text).toContain('People: 4');
    expect(JSON.parse(edit!.extra!)).toMatchObject({ edit: post.id });
    expect(rows.filter((r) => r.chat_id === 'sar@g.us')).toEqual([]);
    h.clock.advance(WINDOW);
    scheduler.run(job);
    const later = h.newRows();
    expect(to(later, 'sar@g.us')).toHaveLength(1);
    expect(to(later, 'sar@g.us')[0]).toContain('S-1: details added');
    expect(to(later, GROUP)).toEqual([]);
  });

  it('the edit row carries the platform id of the post once it was sent', () => {
    setupMixed();
    const post = h.send(REPORTER, 'SOS -7.93512,110.40123').find((r) => r.chat_id === GROUP)!;
    h.db.prepare("UPDATE outbox SET state = 'sent', platform_message_id = '555' WHERE id = ?").run(post.id);
    h.send(REPORTER, '4');
    const due = h.ledger.outbox
      .dueFor('telegram', h.clock.now + 1, 50)
      .filter((m) => m.chat.chatId === GROUP);
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({ editOf: '555' });
  });
});

describe('the window is per group', () => {
  it('SOS with no place, then a location share: the area group hears of the case at once', () => {
    const scheduler = setup();
    const first = h.send(REPORTER, 'SOS');
    // Only the group registered without an area hears of a case with no area yet.
    expect(to(first, DIY_GROUP)).toHaveLength(1);
    expect(to(first, GROUP)).toEqual([]);
    h.clock.advance(20_000);
    const shared = h.send(REPORTER, IMOGIRI);
    // The Bantul group never heard of S-1: it reads it as a new case, at once.
    expect(to(shared, GROUP)).toHaveLength(1);
    expect(to(shared, GROUP)[0]).toContain('S-1: people need rescue');
    expect(to(shared, GROUP)[0]).toContain('DIY/Bantul/Imogiri');
    // The other group heard from this reporter 20 seconds ago: its update waits for the window's end.
    expect(to(shared, DIY_GROUP)).toEqual([]);
    h.clock.advance(WINDOW);
    scheduler.run(job);
    const later = h.newRows();
    expect(to(later, DIY_GROUP)).toHaveLength(1);
    expect(to(later, DIY_GROUP)[0]).toContain('S-1 has a new location');
    expect(to(later, GROUP)).toEqual([]);
  });

  it('an all-clear of a case a group never heard of is no news to it', () => {
    setup();
    h.send(REPORTER, 'SOS');
    h.send(REPORTER, '/cancel');
    h.clock.advance(WINDOW);
    const rows = h.send(REPORTER, '/rescued');
    expect(to(rows, DIY_GROUP)).toHaveLength(1);
    expect(to(rows, GROUP)).toEqual([]);
  });
});
