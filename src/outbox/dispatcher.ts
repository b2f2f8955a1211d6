import type { Logger } from 'pino';
import { TransportError } from '../core/errors.ts';
import type { TransportName } from '../core/message.ts';
import type { Transport } from '../core/transport.ts';
import type { Ledger } from '../ledger/index.ts';
import type { DueMessage } from '../ledger/outbox.ts';

/** Decides when the next message may go, to keep within a platform's limits. */
export interface Pacer {
  /** Milliseconds to wait before `message` may be sent (0: now). */
  delayFor(message: DueMessage, now: number): number;
  /** Called when a send was attempted, whatever its result. */
  sent(message: DueMessage, now: number): void;
}

export const unpaced: Pacer = { delayFor: () => 0, sent: () => {} };

export interface RetryPolicy {
  maxAttempts: number;
  backoffMs(attempt: number): number;
}

/** Bounded: a message that fails 8 times over about 20 minutes is failed and shown to the coordinator. */
export const defaultRetry: RetryPolicy = {
  maxAttempts: 8,
  backoffMs: (attempt) => Math.min(5 * 60_000, 1000 * 2 ** attempt) + Math.floor(Math.random() * 500),
};

interface Lane {
  transport: Transport;
  pacer: Pacer;
  running: boolean;
  again: boolean;
  timer: NodeJS.Timeout | undefined;
  /** Ends a pacing wait early (a kick or stop). */
  wake: (() => void) | undefined;
}

/**
 * Drains the outbox, one lane per transport. A row is marked `sending` (committed) before the platform
 * call and `sent` after it, so a crash between the two resends at most that one message.
 */
export class Dispatcher {
  private readonly lanes = new Map<TransportName, Lane>();
  private stopping = false;
  private readonly idleWaiters: (() => void)[] = [];

  constructor(
    private readonly ledger: Ledger,
    private readonly log: Logger,
    private readonly retry: RetryPolicy = defaultRetry,
    private readonly clock: () => number = Date.now,
  ) {}

  add(transport: Transport, pacer: Pacer = unpaced): void {
    this.lanes.set(transport.name, {
      transport,
      pacer,
      running: false,
      again: false,
      timer: undefined,
      wake: undefined,
    });
  }

  /** Resets rows a crash left in flight, then starts draining. */
  start(): void {
    const recovered = this.ledger.outbox.recoverInterrupted();
    if (recovered > 0) this.log.warn({ recovered }, 'outbox rows interrupted mid-send will be sent again');
    this.kick();
  }

  /** Something new is in the outbox. */
  kick(): void {
    for (const lane of this.lanes.values()) {
      lane.wake?.();
      void this.drain(lane);
    }
  }

  /** Resolves when no lane has a pending row that is due (used by the console at end of input). */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const lane of this.lanes.values()) {
      if (lane.timer) clearTimeout(lane.timer);
      lane.wake?.();
    }
    while ([...this.lanes.values()].some((l) => l.running)) await new Promise((r) => setTimeout(r, 10));
  }

  private isIdle(): boolean {
    return [...this.lanes.keys()].every((t) => this.ledger.outbox.pendingCount(t) === 0);
  }

  private async drain(lane: Lane): Promise<void> {
    if (lane.running) {
      lane.again = true;
      return;
    }
    lane.running = true;
    try {
      do {
        lane.again = false;
        while (!this.stopping) {
          const batch = this.ledger.outbox.dueFor(lane.transport.name, this.clock(), 32);
          if (batch.length === 0) break;
          // A message its pacer holds back does not block the others (another chat may go now); when
          // all are held, wait for the soonest, then look at the queue afresh (a reply may have come).
          let soonest = Number.POSITIVE_INFINITY;
          let delivered = 0;
          for (const message of batch) {
            if (this.stopping) break;
            const wait = lane.pacer.delayFor(message, this.clock());
            if (wait > 0) soonest = Math.min(soonest, wait);
            else {
              await this.deliver(lane, message);
              delivered++;
            }
          }
          if (delivered === 0 && !this.stopping) await this.pause(lane, soonest);
        }
      } while (lane.again && !this.stopping);
    } finally {
      lane.running = false;
    }
    this.scheduleNext(lane);
    if (this.isIdle()) for (const w of this.idleWaiters.splice(0)) w();
  }

  /** A pacing wait that a kick (new messages, a transport back online) or stop ends early. */
  private pause(lane: Lane, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        lane.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      lane.wake = done;
    });
  }

  private scheduleNext(lane: Lane): void {
    if (this.stopping) return;
    const next = this.ledger.outbox.nextDueAt(lane.transport.name);
    if (next === undefined) return;
    if (lane.timer) clearTimeout(lane.timer);
    lane.timer = setTimeout(
      () => {
        lane.timer = undefined;
        void this.drain(lane);
      },
      Math.max(0, next - this.clock()),
    );
    lane.timer.unref();
  }

  private async deliver(lane: Lane, message: DueMessage): Promise<void> {
    const { outbox } = this.ledger;
    outbox.markSending(message.id);
    try {
      const result = await lane.transport.send(message);
      lane.pacer.sent(message, this.clock());
      outbox.markSent(message.id, result.platformMessageId, this.clock());
    } catch (err) {
      lane.pacer.sent(message, this.clock());
      this.failed(message, err);
    }
  }

  private failed(message: DueMessage, err: unknown): void {
    const { outbox } = this.ledger;
    const error = err instanceof Error ? err.message : String(err);
    const attempts = message.attempts + 1;
    if (err instanceof TransportError && err.unreachable) {
      this.ledger.transaction(() => {
        outbox.failChat(message.chat, error);
        if (message.chat.kind === 'group') this.ledger.groups.setReachable(message.chat, false, this.clock());
        else this.ledger.people.setReachable(`${message.chat.transport}:${message.chat.chatId}`, false);
      });
      this.log.warn(
        { outbox: message.id, transport: message.chat.transport },
        'chat unreachable; its messages stop',
      );
      return;
    }
    const retryable = !(err instanceof TransportError) || err.retryable;
    if (!retryable || attempts >= this.retry.maxAttempts) {
      outbox.markFailed(message.id, error);
      this.log.error({ outbox: message.id, attempts, error }, 'outbound message failed for good');
      return;
    }
    const delay =
      err instanceof TransportError && err.retryAfterMs ? err.retryAfterMs : this.retry.backoffMs(attempts);
    outbox.markRetry(message.id, this.clock() + delay, error);
    this.log.warn({ outbox: message.id, attempts, delay, error }, 'outbound message will be retried');
  }
}
