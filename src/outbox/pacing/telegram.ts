import type { ChatRef } from '../../domain/message.ts';
import type { DueMessage, RecentSend } from '../../ledger/outbox.ts';
import type { Pacer } from '../dispatcher.ts';

/** Telegram's published bot limits (SPEC 4). */
export interface TelegramLimits {
  /** Messages per second, all chats together. */
  perSecond: number;
  /** Messages per minute to one group. */
  perGroupPerMinute: number;
  /** Milliseconds between two messages to one private chat, on average. */
  privateIntervalMs: number;
  /**
   * Messages one private chat may get at once (a reply's parts, a refusal and the question again) before
   * the interval applies: Telegram tolerates short bursts to one chat (SPEC 4), and a reply spread over
   * seconds arrives after the person's next message.
   */
  privateBurst: number;
  /** Sends to different chats in flight at once: with ~100 ms of latency, 30/s needs several. */
  concurrency: number;
  /** Multiplies every interval: 1 keeps Telegram's limits; tests and benchmarks shrink time with e.g. 0.01. */
  timeScale: number;
}

export const TELEGRAM_LIMITS: TelegramLimits = {
  perSecond: 30,
  perGroupPerMinute: 20,
  privateIntervalMs: 1000,
  privateBurst: 3,
  concurrency: 16,
  timeScale: 1,
};

/** Two different chats throttled this close together mean the bot as a whole is over the limit. */
const GLOBAL_THROTTLE_WINDOW_MS = 1000;
/** How often forgotten chats are swept from memory. */
const SWEEP_EVERY = 1024;

/**
 * Sliding windows, exact against a platform that counts sends as they arrive. A send holds a place in
 * the windows from its start (so concurrent sends cannot overshoot) and is dated by its answer: it
 * reached the platform at some moment before that, so the next send in its place, started a window
 * after the answer, arrives more than a window after it, however the network's latency varied. A 429
 * holds its chat for `retry_after`; 429s on two chats at once hold the whole lane.
 */
export class TelegramPacer implements Pacer {
  readonly concurrency: number;
  private readonly second: number;
  private readonly minute: number;
  private readonly privateGap: number;
  /** Sends started and not answered yet: each fills a place in the per-second window. */
  private flying = 0;
  /** Answer times of the sends in the last second, oldest first. */
  private recent: number[] = [];
  private readonly groupSends = new Map<string, number[]>();
  /** Per private chat, a token bucket: sends it may get now, as of `at` (refilled one per interval). */
  private readonly privateBucket = new Map<string, { tokens: number; at: number }>();
  private readonly pausedUntil = new Map<string, number>();
  private lanePausedUntil = 0;
  private lastThrottle: { chat: string; at: number } | undefined;
  private sends = 0;

  constructor(private readonly limits: TelegramLimits = TELEGRAM_LIMITS) {
    this.concurrency = limits.concurrency;
    this.second = 1000 * limits.timeScale;
    this.minute = 60_000 * limits.timeScale;
    this.privateGap = limits.privateIntervalMs * limits.timeScale;
  }

  /** The lane-wide part: a 429 pause on the whole lane, and the per-second window. */
  delayForAll(now: number): number {
    let until = this.lanePausedUntil;
    let expired = 0;
    while (expired < this.recent.length && this.recent[expired]! <= now - this.second) expired++;
    if (expired > 0) this.recent = this.recent.slice(expired);
    // Places free up as answered sends leave the window; sends still in flight leave it only after
    // their answer, which wakes the dispatcher anyway.
    const over = this.flying + this.recent.length - this.limits.perSecond;
    if (over >= 0)
      until = Math.max(
        until,
        over < this.recent.length ? this.recent[over]! + this.second : now + this.second,
      );
    return Math.max(0, until - now);
  }

  delayFor(message: DueMessage, now: number): number {
    const chat = message.chat.chatId;
    let until = Math.max(now + this.delayForAll(now), this.pausedUntil.get(chat) ?? 0);
    if (message.chat.kind === 'group') {
      const sends = (this.groupSends.get(chat) ?? []).filter((t) => t > now - this.minute);
      this.groupSends.set(chat, sends);
      if (sends.length >= this.limits.perGroupPerMinute) until = Math.max(until, sends[0]! + this.minute);
    } else {
      // Whole milliseconds and a little slack: on epoch-sized clocks a wait of a fraction of a
      // millisecond may not move the clock at all.
      const tokens = this.privateTokens(chat, now);
      if (tokens < 1 - 1e-3) until = Math.max(until, now + Math.ceil((1 - tokens) * this.privateGap));
    }
    return Math.max(0, until - now);
  }

  sent(_message: DueMessage, now: number): void {
    this.flying++;
    if (++this.sends % SWEEP_EVERY === 0) this.sweep(now);
  }

  answered(message: DueMessage, now: number): void {
    this.flying = Math.max(0, this.flying - 1);
    this.count(message.chat, now);
  }

  /** What the sender before this one sent lately counts in the windows as if sent here. */
  seed(sends: readonly RecentSend[]): void {
    for (const s of sends) this.count(s.chat, s.at);
  }

  private count(to: ChatRef, now: number): void {
    const chat = to.chatId;
    this.recent.push(now);
    if (to.kind === 'group') this.groupSends.set(chat, [...(this.groupSends.get(chat) ?? []), now]);
    // One chat never has two sends in flight (the dispatcher's rule), so taking its token at the answer
    // dates each send no earlier than it arrived, as the windows above do.
    else this.privateBucket.set(chat, { tokens: this.privateTokens(chat, now) - 1, at: now });
  }
  throttled(message: DueMessage, retryAfterMs: number, now: number): void {
    const chat = message.chat.chatId;
    this.pausedUntil.set(chat, Math.max(this.pausedUntil.get(chat) ?? 0, now + retryAfterMs));
    const previous = this.lastThrottle;
    if (previous && previous.chat !== chat && now - previous.at <= GLOBAL_THROTTLE_WINDOW_MS)
      this.lanePausedUntil = Math.max(this.lanePausedUntil, now + retryAfterMs);
    this.lastThrottle = { chat, at: now };
  }

  private privateTokens(chat: string, now: number): number {
    const bucket = this.privateBucket.get(chat);
    if (!bucket) return this.limits.privateBurst;
    return Math.min(this.limits.privateBurst, bucket.tokens + (now - bucket.at) / this.privateGap);
  }

  private sweep(now: number): void {
    for (const [chat, sends] of this.groupSends)
      if (sends.every((t) => t <= now - this.minute)) this.groupSends.delete(chat);
    for (const chat of this.privateBucket.keys())
      if (this.privateTokens(chat, now) >= this.limits.privateBurst) this.privateBucket.delete(chat);
    for (const [chat, until] of this.pausedUntil) if (until <= now) this.pausedUntil.delete(chat);
  }
}
