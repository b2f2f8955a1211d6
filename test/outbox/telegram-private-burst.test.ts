import { describe, expect, it } from 'vitest';
import type { DueMessage } from '../../src/ledger/outbox.ts';
import { TELEGRAM_LIMITS, TelegramPacer } from '../../src/outbox/pacing/telegram.ts';

/** A small deterministic generator, so every run sees the same latencies. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const reply = (i: number): DueMessage => ({
  id: i,
  chat: { transport: 'telegram', chatId: '42', kind: 'private' },
  kind: 'reply',
  text: `part ${i}`,
  attempts: 0,
});

/**
 * Telegram's view of one private chat, where each send arrives: a short burst is tolerated, then about
 * one a second (a token bucket of `privateBurst`, one token back per `privateIntervalMs`).
 */
function overLimit(arrivals: number[]): number {
  const { privateBurst: burst, privateIntervalMs: gap } = TELEGRAM_LIMITS;
  let tokens = burst;
  let at = arrivals[0] ?? 0;
  let over = 0;
  for (const t of arrivals) {
    tokens = Math.min(burst, tokens + (t - at) / gap);
    at = t;
    if (tokens < 1 - 1e-9) over++;
    tokens -= 1;
  }
  return over;
}

/** `count` replies to one private chat, one at a time as the dispatcher sends them, on a simulated clock. */
function replies(count: number, seed: number, startGapMs = 0): number[] {
  const pacer = new TelegramPacer(TELEGRAM_LIMITS);
  const rnd = random(seed);
  const arrivals: number[] = [];
  let now = 0;
  for (let i = 1; i <= count; i++) {
    if (i === 4) now += startGapMs;
    const message = reply(i);
    now += pacer.delayFor(message, now);
    pacer.sent(message, now);
    const arrives = now + rnd() * 80;
    arrivals.push(arrives);
    now = arrives + rnd() * 40;
    pacer.answered(message, now);
  }
  return arrivals;
}

describe('Telegram pacer, one private chat', () => {
  it('sends a reply of up to 3 parts at once, not a second apart', () => {
    for (const seed of [1, 2, 3]) {
      const arrivals = replies(3, seed);
      // Three round trips of at most 120 ms, no pacing wait between them.
      expect(arrivals[2]! - arrivals[0]!).toBeLessThan(3 * 120);
    }
  });

  it('then keeps about one a second, never over the burst Telegram tolerates, whatever the latency', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const arrivals = replies(30, seed);
      expect(overLimit(arrivals)).toBe(0);
      // 30 sends: 3 at once, then 27 at one a second.
      expect(arrivals.at(-1)! - arrivals[0]!).toBeGreaterThanOrEqual(27 * 1000 - 120);
      expect(arrivals.at(-1)! - arrivals[0]!).toBeLessThan(27 * 1120 + 120);
    }
  });

  it('a conversation (two parts, the person answers, two parts) never waits', () => {
    const arrivals = replies(6, 7, 2500);
    expect(overLimit(arrivals)).toBe(0);
    expect(arrivals[5]! - arrivals[3]!).toBeLessThan(2 * 120 + 1000);
  });
});
