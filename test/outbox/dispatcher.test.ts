import { afterEach, describe, expect, it } from 'vitest';
import { TransportError } from '../../src/engine/errors.ts';
import { Dispatcher } from '../../src/outbox/dispatcher.ts';
import { TELEGRAM_LIMITS, TelegramPacer } from '../../src/outbox/pacing/telegram.ts';
import { reportFinishedBroadcasts } from '../../src/schedule/rules/broadcasts.ts';
import { FakeTelegramLimits, FakeTransport, settled } from '../support/fake-transport.ts';
import { Harness, silentLog } from '../support/harness.ts';

let h: Harness;
const running: Dispatcher[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((d) => d.stop()));
  h.close();
});

function dispatcher(h: Harness, options: ConstructorParameters<typeof Dispatcher>[2] = {}): Dispatcher {
  const d = new Dispatcher(h.ledger, silentLog, { clock: h.clock.fn, ...options });
  running.push(d);
  return d;
}

const COORDINATOR = 'telegram:9';

function setUp(groups: number): Harness {
  const harness = new Harness();
  harness.grant(COORDINATOR, 'coordinator');
  harness.ledger.transaction(() => {
    for (let i = 1; i <= groups; i++)
      harness.ledger.groups.register(
        { id: 'test', at: harness.clock.now },
        { transport: 'telegram', chatId: `-${i}`, kind: 'group' },
        { topics: ['rescue', 'sitrep'], area: null, registeredBy: COORDINATOR },
      );
  });
  return harness;
}

const states = (h: Harness) =>
  h.db.prepare('SELECT state, COUNT(*) AS n FROM outbox GROUP BY state ORDER BY state').all();
const groupRows = (h: Harness) => h.outbox().filter((r) => r.broadcast_id !== null);

describe('outbox delivery', () => {
  it('resumes a broadcast after the database is closed and reopened mid-way, sending each row once', async () => {
    h = setUp(6);
    h.send(COORDINATOR, '/broadcast all Boats leave the Imogiri post at 16:00');
    const first = new FakeTransport();
    const d1 = dispatcher(h);
    first.answer = (_m, n) => {
      if (n === 2) void d1.stop();
      return 'ok';
    };
    d1.add(first);
    d1.start();
    await settled(() => first.sent.length >= 3);
    await d1.stop();
    expect(h.ledger.outbox.pendingCount()).toBeGreaterThan(0);

    h = h.reopen();
    const second = new FakeTransport();
    const d2 = dispatcher(h);
    d2.add(second);
    d2.start();
    await d2.whenIdle();
    const delivered = [...first.sent, ...second.sent].map((m) => m.id);
    expect(new Set(delivered).size).toBe(delivered.length);
    expect(groupRows(h).every((r) => r.state === 'sent')).toBe(true);
    expect(delivered).toEqual(expect.arrayContaining(groupRows(h).map((r) => r.id)));
  });

  it('sends at most one duplicate after a crash between the send and its mark', async () => {
    h = setUp(4);
    h.send(COORDINATOR, '/broadcast all Water at the mosque');
    const crashed = new FakeTransport();
    // The platform takes the second message, then the process dies before the row is marked sent.
    crashed.answer = (_m, n) => (n === 1 ? 'hang' : 'ok');
    // Not stopped after the test: its send never returns, like a process killed mid-call.
    const d1 = new Dispatcher(h.ledger, silentLog, { clock: h.clock.fn });
    d1.add(crashed);
    d1.start();
    await settled(() => crashed.sent.length === 2);
    h = h.reopen();

    const after = new FakeTransport();
    const d2 = dispatcher(h);
    d2.add(after);
    d2.start();
    await d2.whenIdle();
    const all = [...crashed.sent, ...after.sent].map((m) => m.id);
    const twice = all.filter((id, i) => all.indexOf(id) !== i);
    expect(twice).toEqual([crashed.sent[1]!.id]);
    expect(states(h)).toEqual([{ state: 'sent', n: 5 }]);
  });

  it('retries with backoff, then fails for good after bounded tries, and the author is told', async () => {
    h = setUp(2);
    h.send(COORDINATOR, '/broadcast all Road to Dlingo closed');
    const t = new FakeTransport();
    const bad = new Set<string>(['-2']);
    t.answer = (m) => (bad.has(m.chat.chatId) ? TransportError.retry('502 Bad Gateway') : 'ok');
    const d = dispatcher(h, {
      retry: { maxAttempts: 3, backoffMs: (n) => 1000 * n },
    });
    d.add(t);
    d.start();
    const row = () => groupRows(h).find((r) => r.chat_id === '-2')!;
    const attempts = () =>
      h.db.prepare('SELECT attempts, next_at FROM outbox WHERE id = ?').get(row().id) as {
        attempts: number;
        next_at: number;
      };
    await settled(() => attempts().attempts === 1 && row().state === 'pending');
    expect(attempts().next_at).toBe(h.clock.now + 1000);
    h.clock.advance(1000);
    d.kick();
    await settled(() => attempts().attempts === 2 && row().state === 'pending');
    h.clock.advance(2000);
    d.kick();
    await settled(() => row().state === 'failed');
    expect(attempts().attempts).toBe(3);
    await d.stop();

    h.newRows();
    h.core.runJob('broadcast-report', reportFinishedBroadcasts);
    const report = h.newRows();
    expect(report).toHaveLength(1);
    expect(report[0]).toMatchObject({ chat_id: '9', kind: 'notice' });
    expect(report[0]!.text).toContain('1 of 2 groups');
    expect(report[0]!.text).toContain('G-2');
    // Reported once.
    h.core.runJob('broadcast-report', reportFinishedBroadcasts);
    expect(h.newRows()).toEqual([]);
  });

  it('treats a 429 as "later": the row waits retry_after without spending an attempt', async () => {
    h = setUp(1);
    h.send(COORDINATOR, '/broadcast all Shelter open');
    const t = new FakeTransport();
    let groupCalls = 0;
    t.answer = (m) =>
      m.chat.kind === 'group' && ++groupCalls === 1 ? TransportError.retry('429', 5000) : 'ok';
    const d = dispatcher(h);
    d.add(t);
    d.start();
    const row = () => groupRows(h)[0]!;
    await settled(() => row().state === 'pending' && h.ledger.outbox.pendingCount() === 1);
    const r = h.db.prepare('SELECT attempts, next_at FROM outbox WHERE id = ?').get(row().id);
    expect(r).toEqual({ attempts: 0, next_at: h.clock.now + 5000 });
    h.clock.advance(5000);
    d.kick();
    await d.whenIdle();
    expect(row().state).toBe('sent');
  });
});

describe('Telegram pacing', () => {
  it('keeps 200 groups, a busy group and a private chat within the limits: zero 429 answers', async () => {
    h = setUp(200);
    const api = new FakeTelegramLimits(h.clock.fn);
    const d = dispatcher(h, {
      sleep: async (ms) => {
        h.clock.advance(ms);
      },
    });
    d.add(api, new TelegramPacer(TELEGRAM_LIMITS));
    h.send(COORDINATOR, '/broadcast all First notice');
    h.send(COORDINATOR, '/broadcast rescue Second notice');
    for (let i = 0; i < 30; i++) {
      // Past flood control's 20 a minute: the coordinator types at a human pace.
      h.clock.advance(5000);
      h.send(COORDINATOR, `/broadcast G-7 Update ${i}`);
    }
    d.start();
    await d.whenIdle();
    expect(api.tooMany).toBe(0);
    expect(h.ledger.outbox.pendingCount()).toBe(0);
    expect(api.sent.filter((m) => m.chat.chatId === '-7').map((m) => m.text)).toEqual([
      'First notice',
      'Second notice',
      ...Array.from({ length: 30 }, (_, i) => `Update ${i}`),
    ]);
    expect(api.sent.filter((m) => m.chat.chatId === '9')).toHaveLength(32);
  });

  it('the fake Bot API does answer 429 when nothing paces the sends', async () => {
    h = setUp(40);
    const api = new FakeTelegramLimits(h.clock.fn);
    const d = dispatcher(h);
    d.add(api);
    h.send(COORDINATOR, '/broadcast all Unpaced');
    d.start();
    await settled(() => api.tooMany > 0);
    await d.stop();
  });
});

describe('stopping', () => {
  it('gives up on a send that hangs past the grace period; the row goes again after a restart', async () => {
    h = setUp(1);
    h.send(COORDINATOR, '/broadcast all Still here?');
    const t = new FakeTransport();
    t.answer = (m) => (m.chat.kind === 'group' ? 'hang' : 'ok');
    const d = new Dispatcher(h.ledger, silentLog, { clock: h.clock.fn });
    d.add(t);
    d.start();
    await settled(() => t.sent.length === 2);
    await d.stop(50);
    expect(groupRows(h)[0]!.state).toBe('sending');
  });
});
