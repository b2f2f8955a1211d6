import type { DueMessage } from '../../ledger/outbox.ts';
import type { Pacer } from '../dispatcher.ts';

export interface WhatsAppPacing {
  /** Least time between two unsolicited sends (notices, group messages), whatever their chats. */
  minGapMs: number;
  /** Least time between two messages to the same group. */
  groupGapMs: number;
  /** Up to this much is added at random to each gap: evenly spaced sends look like a bulk sender. */
  jitterMs: number;
}

/** While disconnected the lane waits this long at most before looking again; `ready` wakes it sooner. */
export const DISCONNECTED_HOLD_MS = 60_000;

/**
 * WhatsApp bans numbers that post like bulk senders (SPEC 4). One send at a time (the dispatcher's lane
 * is sequential); a reply to someone who just wrote goes at once, since answering is what a person
 * does; unsolicited sends keep `minGapMs` plus jitter between them and `groupGapMs` per group. Nothing
 * goes while the client is not connected.
 */
export class WhatsAppPacer implements Pacer {
  private nextUnsolicitedAt = 0;
  private readonly nextGroupAt = new Map<string, number>();

  constructor(
    private readonly pacing: WhatsAppPacing,
    private readonly connected: () => boolean,
    private readonly random: () => number = Math.random,
  ) {}

  delayFor(message: DueMessage, now: number): number {
    if (!this.connected()) return DISCONNECTED_HOLD_MS;
    if (message.kind === 'reply') return 0;
    let at = this.nextUnsolicitedAt;
    if (message.chat.kind === 'group') at = Math.max(at, this.nextGroupAt.get(message.chat.chatId) ?? 0);
    return Math.max(0, at - now);
  }

  /** The next slots are fixed here, jitter included, so asking `delayFor` again gives the same answer. */
  sent(message: DueMessage, now: number): void {
    if (message.chat.kind === 'group')
      this.nextGroupAt.set(message.chat.chatId, now + this.pacing.groupGapMs + this.jitter());
    if (message.kind !== 'reply') this.nextUnsolicitedAt = now + this.pacing.minGapMs + this.jitter();
  }

  private jitter(): number {
    return Math.floor(this.random() * this.pacing.jitterMs);
  }
}
