import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChatRef, OutboundKind } from '../../src/domain/message.ts';
import type { DueMessage } from '../../src/ledger/outbox.ts';
import { DISCONNECTED_HOLD_MS, WhatsAppPacer } from '../../src/outbox/pacing/whatsapp.ts';
import { FakeClock } from '../support/harness.ts';
import { WhatsAppRig } from '../support/whatsapp-rig.ts';

const PACING = { minGapMs: 5_000, groupGapMs: 30_000, jitterMs: 2_000 };
const person = (n: number): ChatRef => ({
  transport: 'whatsapp',
  chatId: `62812000${n}@c.us`,
  kind: 'private',
});
const group = (n: number): ChatRef => ({ transport: 'whatsapp', chatId: `12036300${n}@g.us`, kind: 'group' });
let seq = 0;
const due = (chat: ChatRef, kind: OutboundKind): DueMessage => ({
  id: ++seq,
  chat,
  kind,
  text: 'x',
  attempts: 0,
});

describe('WhatsApp pacing (fake clock)', () => {
  const clock = new FakeClock();
  let connected = true;
  let roll = 0;
  const pacer = () =>
    new WhatsAppPacer(
      PACING,
      () => connected,
      () => roll,
    );

  it('sends a reply at once, even right after an unsolicited send', () => {
    const p = pacer();
    p.sent(due(person(1), 'notice'), clock.now);
    expect(p.delayFor(due(person(2), 'reply'), clock.now)).toBe(0);
  });

  it('keeps unsolicited sends at least the minimum gap plus jitter apart', () => {
    const p = pacer();
    expect(p.delayFor(due(person(1), 'notice'), clock.now)).toBe(0);
    roll = 0.5;
    p.sent(due(person(1), 'notice'), clock.now);
    roll = 0.99;
    // The jitter was fixed when the last message went: asking again gives the same answer.
    expect(p.delayFor(due(person(2), 'notice'), clock.now)).toBe(6_000);
    expect(p.delayFor(due(group(1), 'group'), clock.now + 1_000)).toBe(5_000);
    expect(p.delayFor(due(person(2), 'notice'), clock.now + 6_000)).toBe(0);
    roll = 0;
  });

  it('replies do not hold back unsolicited sends', () => {
    const p = pacer();
    p.sent(due(person(1), 'reply'), clock.now);
    expect(p.delayFor(due(person(2), 'notice'), clock.now)).toBe(0);
  });

  it('keeps two messages to the same group the group gap apart, other groups only the minimum', () => {
    const p = pacer();
    p.sent(due(group(1), 'group'), clock.now);
    expect(p.delayFor(due(group(2), 'group'), clock.now + 5_000)).toBe(0);
    expect(p.delayFor(due(group(1), 'group'), clock.now + 5_000)).toBe(25_000);
    // A reply in that group goes at once, and counts for the group's gap.
    clock.advance(40_000);
    p.sent(due(group(1), 'reply'), clock.now);
    expect(p.delayFor(due(group(1), 'reply'), clock.now)).toBe(0);
    expect(p.delayFor(due(group(1), 'group'), clock.now)).toBe(30_000);
  });

  it('holds everything, replies too, while disconnected', () => {
    const p = pacer();
    connected = false;
    expect(p.delayFor(due(person(1), 'reply'), clock.now)).toBe(DISCONNECTED_HOLD_MS);
    connected = true;
    expect(p.delayFor(due(person(1), 'reply'), clock.now)).toBe(0);
  });
});

describe('WhatsApp pacing through the dispatcher (fake timers)', () => {
  let rig: WhatsAppRig;
  afterEach(async () => {
    vi.useRealTimers();
    await rig.close();
  });

  it('replies first, then unsolicited sends spaced out, pausing while disconnected', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    rig = new WhatsAppRig(
      {},
      (t) => new WhatsAppPacer({ ...PACING, jitterMs: 0 }, () => t.health().state === 'ready'),
    );
    const { h } = rig;
    const start = h.clock.now;
    const at: Record<string, number> = {};
    const record = () => {
      for (const c of rig.clients) for (const s of c.sent) at[s.content] ??= h.clock.now - start;
    };
    // The harness clock (read by the dispatcher and the pacer) moves in step with the fake timers.
    const run = async (ms: number) => {
      for (let t = 0; t < ms; t += 100) {
        h.clock.advance(100);
        await vi.advanceTimersByTimeAsync(100);
        record();
      }
    };
    const enqueue = (chat: ChatRef, kind: OutboundKind, text: string) =>
      h.ledger.outbox.enqueue({ chat, kind, text }, h.clock.now);
    enqueue(group(1), 'group', 'g1-a');
    enqueue(group(1), 'group', 'g1-b');
    enqueue(group(2), 'group', 'g2');
    enqueue(person(1), 'notice', 'n1');
    enqueue(person(2), 'reply', 'r2');

    await rig.connect();
    await vi.advanceTimersByTimeAsync(0);
    record();
    await run(60_000);
    expect(at).toEqual({ r2: 0, 'g1-a': 0, g2: 5_000, n1: 10_000, 'g1-b': 30_000 });

    // Disconnected: nothing goes, not even a reply, until the new client is ready.
    rig.client.emit('disconnected', 'CONFLICT');
    const cut = h.clock.now - start;
    enqueue(person(3), 'reply', 'r3');
    rig.dispatcher.kick();
    await run(10_000);
    expect(at.r3).toBeUndefined();
    expect(rig.clients).toHaveLength(2);
    rig.client.becomeReady();
    await run(100);
    expect(at.r3).toBe(cut + 10_100);
  });
});
