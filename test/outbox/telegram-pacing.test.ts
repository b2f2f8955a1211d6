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

const groupRow = (i: number): DueMessage => ({
  id: i,
  chat: { transport: 'telegram', chatId: `-${i}`, kind: 'group' },
  kind: 'group',
  text: 'notice',
  attempts: 0,
});

/**
 * The pacer against a platform that counts each send where it arrives, with a latency that varies
 * from send to send (0-80 ms there, 0-40 ms back), on a simulated clock: events in time order,
 * `concurrency` sends in flight, as the dispatcher drives it. No wall-clock time is involved.
 */
function broadcast(groups: number, seed: number): { tooMany: number; finishedAt: number } {
  const pacer = new TelegramPacer(TELEGRAM_LIMITS);
  const rnd = random(seed);
  const arrivals: number[] = [];
  let tooMany = 0;
  let now = 0;
  let next = 1;
  const flying: { message: DueMessage; arrives: number; answered: number; counted: boolean }[] = [];
  while (next <= groups || flying.length > 0) {
    // Start what the pacer allows now.
    let wait = Number.POSITIVE_INFINITY;
    while (next <= groups && flying.length < pacer.concurrency) {
      const message = groupRow(next);
      const delay = pacer.delayFor(message, now);
      if (delay > 0) {
        wait = delay;
        break;
      }
      pacer.sent(message, now);
      const arrives = now + rnd() * 80;
      flying.push({ message, arrives, answered: arrives + rnd() * 40, counted: false });
      next++;
    }
    // Move to the next event: an arrival, an answer, or the pacer's time.
    const events = flying.flatMap((f) => (f.counted ? [f.answered] : [f.arrives]));
    now = Math.min(now + wait, ...events);
    for (const f of flying)
      if (!f.counted && f.arrives <= now) {
        f.counted = true;
        // Telegram's view: more than 30 sends within one second of arrivals is a 429.
        if (arrivals.filter((t) => t > f.arrives - 1000).length >= TELEGRAM_LIMITS.perSecond) tooMany++;
        arrivals.push(f.arrives);
      }
    for (const f of flying.filter((x) => x.counted && x.answered <= now)) {
      flying.splice(flying.indexOf(f), 1);
      pacer.answered(f.message, now);
    }
  }
  return { tooMany, finishedAt: now };
}

describe('Telegram pacer windows', () => {
  it('never lets 31 sends arrive within a second, however the latency varies from send to send', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const { tooMany, finishedAt } = broadcast(300, seed);
      expect(tooMany).toBe(0);
      // And it is not slow for it: 300 sends need 9 full windows, plus at most a round trip each.
      expect(finishedAt).toBeLessThan(9 * (1000 + 120) + 120);
    }
  });
});
