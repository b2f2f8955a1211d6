import type { Logger } from 'pino';
import type { TransportName } from '../domain/message.ts';
import { TransportError } from '../engine/errors.ts';
import type { Transport } from '../engine/transport.ts';
import { SYSTEM } from '../ledger/events.ts';
import type { Ledger } from '../ledger/index.ts';
import type { DueMessage, RecentSend, SentMark } from '../ledger/outbox.ts';

/** Decides when the next message may go, to keep within a platform's limits. */
export interface Pacer {
  /** Sends to different chats that may be in flight at once (default 1). One chat never has two. */
  readonly concurrency?: number;
  /** Milliseconds to wait before `message` may be sent (0: now). */
  delayFor(message: DueMessage, now: number): number;
  /** Milliseconds to wait before any message may be sent (a full lane-wide window); spares the lookup. */
  delayForAll?(now: number): number;
  /**
   * Called as a send starts, before the platform answers, so concurrent sends count against the limits
   * at once. A failed attempt counts too: the platform may have seen it.
   */
  sent(message: DueMessage, now: number): void;
  /**
   * The platform answered this send (or the call failed). The platform saw the send at some moment
   * between `sent` and now; a pacer that dates its windows from here never lets two sends arrive closer
   * than a window, whatever the network's latency did to each.
   */
  answered?(message: DueMessage, now: number): void;
  /** The platform answered "too many requests, retry after `retryAfterMs`" to a send to this chat. */
  throttled?(message: DueMessage, retryAfterMs: number, now: number): void;
  /** Counts what another process sent before this one became the sender, oldest first. */
  seed?(sends: readonly RecentSend[]): void;
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

export interface DispatcherOptions {
  retry?: RetryPolicy;
  clock?: () => number;
  /**
   * The pacers' clock: sub-millisecond and monotonic by default (Date.now's whole milliseconds let two
   * sends fall up to 1 ms inside a window); the fake clock when tests pass `clock`.
   */
  paceClock?: () => number;
  /** Waits for a pacer's delay; tests pass one that moves a fake clock instead. */
  sleep?: (ms: number) => Promise<void>;
  /** Called after a broadcast's delivery row became final (sent or failed), to report finished broadcasts. */
  onBroadcastSettled?: () => void;
  /** Called after a message to a private chat was given up on, for coordinators to hear of it. */
  onPrivateFailed?: () => void;
}

interface Lane {
  transport: Transport;
  pacer: Pacer;
  /** This process sends for the transport (on PostgreSQL, one process at a time does). */
  sender: boolean;
  running: boolean;
  inFlight: Set<string>;
  /** Delivered rows whose `sent` mark is not committed yet: committed with the next window's claim. */
  delivered: (SentMark & { broadcast: boolean })[];
  /** Wakes the drain loop: a send finished, something new arrived, or the pacer's wait is over. */
  wake: (() => void) | undefined;
  timer: NodeJS.Timeout | undefined;
  wakeQueued: boolean;
  /** When the lane's last pass committed (performance.now). */
  committedAt: number;
}

/** Rows looked at per pass, per free place in flight; most passes find their rows among the first. */
const LOOK_PER_PLACE = 2;
/** Looked at when those were all held back: enough that paced group rows cannot hide a private reply. */
const DEEP_LOOK = 256;
/**
 * Least time between two passes woken by finished sends while others are in flight: a few
 * milliseconds' wait that lets several marks and claims share one commit.
 */
const PASS_GAP_MS = 4;

const chatKey = (m: DueMessage) => m.chat.chatId;

/** How long a drain loop that hit a ledger error waits before it tries again. */
const DRAIN_RETRY_MS = 1_000;
/**
 * With several processes on one ledger: how often the others ask whether the sender is gone (the
 * longest a failover waits, past the server noticing the dead connection).
 */
const SHARED_POLL_MS = 200;
/**
 * How often the sender looks for rows nothing told it of: the others' queued rows come with a
 * notification, and this catches what changed otherwise (a chat moved by another process).
 */
const SENDER_POLL_MS = 1_000;
/** How far back a new sender counts its predecessor's sends: the longest pacing window (a minute). */
const PACING_MEMORY_MS = 60_000;

/**
 * Drains the outbox, one lane per transport. A row is marked `sending` (committed) before the platform
 * call and `sent` after it, so a crash between the two resends at most that one message. Marks are
 * batched: each pass of a lane commits, in one transaction, the `sent` marks of the sends that finished
 * since the last pass and the claims of the next window of rows. Rows left `sending` at any commit are
 * therefore only those whose platform call is in flight (at most the pacer's concurrency), and a clean
 * stop commits every mark before it returns. A lane sends to several chats at once but never two
 * messages to the same chat, which keeps each chat's order: the outbox only offers the oldest unsent
 * row of a chat.
 */
export class Dispatcher {
  private readonly lanes = new Map<TransportName, Lane>();
  private stopping = false;
  private readonly idleWaiters: (() => void)[] = [];
  private readonly retry: RetryPolicy;
  private readonly clock: () => number;
  private readonly paceClock: () => number;

  constructor(
    private readonly ledger: Ledger,
    private readonly log: Logger,
    private readonly options: DispatcherOptions = {},
  ) {
    this.retry = options.retry ?? defaultRetry;
    this.clock = options.clock ?? Date.now;
    this.paceClock = options.paceClock ?? options.clock ?? (() => performance.timeOrigin + performance.now());
  }

  add(transport: Transport, pacer: Pacer = unpaced): void {
    this.lanes.set(transport.name, {
      transport,
      pacer,
      sender: false,
      running: false,
      inFlight: new Set(),
      delivered: [],
      wake: undefined,
      timer: undefined,
      wakeQueued: false,
      committedAt: 0,
    });
  }

  /** Starts draining: each lane first becomes its transport's sender (see `becomeSender`). */
  start(): void {
    this.ledger.outbox.onQueued(() => {
      if (!this.stopping) this.kick();
    });
    this.kick();
  }

  /**
   * Whether this process sends for the lane's transport, becoming its sender if no live process is:
   * then the rows its predecessor (or a crash) left in flight go again, and the pacer counts what the
   * predecessor sent lately, so the platform's limits hold for the token across the change.
   */
  private becomeSender(lane: Lane): boolean {
    if (lane.sender) return true;
    const name = lane.transport.name;
    const now = this.clock();
    const recent = this.ledger.transaction(() => {
      if (!this.ledger.outbox.becomeSender(name)) return undefined;
      const recovered = this.ledger.outbox.recoverInterrupted(name);
      if (recovered > 0)
        this.log.warn({ recovered, transport: name }, 'outbox rows interrupted mid-send will be sent again');
      return this.ledger.outbox.recentSends(name, now - PACING_MEMORY_MS, now);
    });
    if (!recent) return false;
    if (recent.length > 0) lane.pacer.seed?.(recent);
    if (this.ledger.outbox.shared) this.log.info({ transport: name }, 'this process sends for the transport');
    lane.sender = true;
    return true;
  }

  /** Something new is in the outbox. */
  kick(): void {
    for (const lane of this.lanes.values()) {
      if (lane.running) lane.wake?.();
      // Another process sends for it: its timer asks again whether that one is still there.
      else if (lane.sender || !lane.timer) void this.drain(lane);
    }
  }

  /** Resolves when no lane has a pending row that is due (used by the console at end of input). */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    // A lane's timer must keep the process alive while someone waits on it (the console at the end
    // of piped input, whose stdin no longer does).
    for (const lane of this.lanes.values()) lane.timer?.ref();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Stops taking rows; resolves once every send in flight is marked, or after `graceMs` if a platform
   * call hangs (its row stays `sending` and is sent again after the restart: the documented window).
   */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    for (const lane of this.lanes.values()) {
      if (lane.timer) clearTimeout(lane.timer);
      lane.wake?.();
    }
    const giveUpAt = Date.now() + graceMs;
    while ([...this.lanes.values()].some((l) => l.running || l.inFlight.size > 0) && Date.now() < giveUpAt)
      await new Promise((r) => setTimeout(r, 10));
    for (const lane of this.lanes.values()) this.commitDelivered(lane);
  }

  private isIdle(): boolean {
    return [...this.lanes.keys()].every((t) => this.ledger.outbox.pendingCount(t) === 0);
  }

  private async drain(lane: Lane): Promise<void> {
    if (lane.running) return;
    lane.running = true;
    try {
      if (!this.becomeSender(lane)) {
        this.lookAgainIn(lane, SHARED_POLL_MS);
        return;
      }
      while (!this.stopping) {
        const wait = this.startDue(lane);
        // Nothing in flight and nothing due now: later rows are left to the timer.
        if (lane.inFlight.size === 0 && wait === undefined) break;
        await new Promise<void>((resolve) => {
          if (wait !== undefined && this.options.sleep) {
            lane.wake = resolve;
            void this.options.sleep(wait).then(resolve);
            return;
          }
          const timer = wait === undefined ? undefined : setTimeout(resolve, wait);
          lane.wake = () => {
            if (timer) clearTimeout(timer);
            resolve();
          };
        });
        lane.wake = undefined;
      }
    } catch (err) {
      // The ledger failed under delivery (disk full, busy): nothing claimed was lost (claims and marks
      // are transactions); log it with its lane and try again shortly instead of letting it escape.
      this.log.error({ err, transport: lane.transport.name }, 'outbox drain failed; retrying');
      lane.running = false;
      this.retryLater(lane);
      return;
    } finally {
      lane.running = false;
    }
    try {
      this.commitDelivered(lane);
      this.scheduleNext(lane);
      if (this.isIdle()) for (const w of this.idleWaiters.splice(0)) w();
    } catch (err) {
      this.log.error({ err, transport: lane.transport.name }, 'outbox bookkeeping failed; retrying');
      this.retryLater(lane);
    }
  }

  private retryLater(lane: Lane): void {
    this.lookAgainIn(lane, DRAIN_RETRY_MS);
  }

  private lookAgainIn(lane: Lane, ms: number): void {
    if (this.stopping) return;
    if (lane.timer) clearTimeout(lane.timer);
    lane.timer = setTimeout(() => {
      lane.timer = undefined;
      void this.drain(lane);
    }, ms);
    if (this.idleWaiters.length === 0) lane.timer.unref();
  }

  /**
   * Starts every due row the pacer allows now, up to the lane's concurrency: the rows are claimed in
   * one transaction, together with the marks of sends finished since the last pass. The marks come
   * first, so a chat's next row (due only once the one before it is marked) is seen in this same pass
   * rather than left to a timer. Returns how long until the pacer may allow a held-back row, or
   * undefined when nothing due is held back.
   */
  private startDue(lane: Lane): number | undefined {
    let picked: { chosen: DueMessage[]; wait: number | undefined } = { chosen: [], wait: undefined };
    // Every row the pacer counted, in this pass's attempts (a deadlock runs the transaction again).
    const counted: DueMessage[] = [];
    const claimed = this.withMarks(lane, () => {
      picked = this.pickDue(lane);
      counted.push(...picked.chosen);
      return this.ledger.outbox.claim(picked.chosen.map((m) => m.id));
    });
    // A counted row not sent here leaves its place in flight, counted as sent: that errs on the slow side.
    for (const message of counted)
      if (!claimed.has(message.id) || !picked.chosen.includes(message))
        lane.pacer.answered?.(message, this.paceClock());
    lane.committedAt = performance.now();
    for (const message of picked.chosen) {
      if (!claimed.has(message.id)) continue;
      lane.inFlight.add(chatKey(message));
      void this.deliver(lane, message).finally(() => {
        lane.pacer.answered?.(message, this.paceClock());
        lane.inFlight.delete(chatKey(message));
        this.wakeAfterSends(lane);
      });
    }
    return picked.wait;
  }

  /** The due rows the pacer lets go now (counted with it as they are chosen), and the wait for the rest. */
  private pickDue(lane: Lane): { chosen: DueMessage[]; wait: number | undefined } {
    const concurrency = lane.pacer.concurrency ?? 1;
    let wait: number | undefined;
    const chosen: DueMessage[] = [];
    const free = () => concurrency - lane.inFlight.size - chosen.length;
    const chats = new Set(lane.inFlight);
    const look = LOOK_PER_PLACE * free();
    const held = lane.pacer.delayForAll?.(this.paceClock()) ?? 0;
    if (held > 0) wait = held;
    let rows =
      free() > 0 && held === 0 ? this.ledger.outbox.dueFor(lane.transport.name, this.clock(), look) : [];
    for (let deep = false; ; deep = true) {
      for (const message of rows) {
        if (free() <= 0) break;
        if (chats.has(chatKey(message))) continue;
        const now = this.paceClock();
        const delay = lane.pacer.delayFor(message, now);
        if (delay > 0) {
          wait = Math.min(wait ?? delay, delay);
          continue;
        }
        // Counted now, so the next row's delay sees it.
        lane.pacer.sent(message, now);
        chats.add(chatKey(message));
        chosen.push(message);
      }
      // All looked-at rows were held back and there may be more: look deeper once.
      if (deep || free() <= 0 || rows.length < look) break;
      rows = this.ledger.outbox.dueFor(lane.transport.name, this.clock(), DEEP_LOOK).slice(look);
    }
    return { chosen, wait };
  }

  /**
   * Sends that finish within PASS_GAP_MS of the last commit share the next pass, and its transaction
   * (each commit waits for the disk); the last send in flight wakes the lane at once (no other can
   * join it).
   */
  private wakeAfterSends(lane: Lane): void {
    if (lane.inFlight.size === 0) {
      lane.wake?.();
      return;
    }
    if (lane.wakeQueued) return;
    lane.wakeQueued = true;
    const wake = () => {
      lane.wakeQueued = false;
      lane.wake?.();
    };
    const gap = lane.committedAt + PASS_GAP_MS - performance.now();
    if (gap > 0) setTimeout(wake, gap);
    else setImmediate(wake);
  }

  /**
   * Runs `fn` in one transaction that first writes the marks of the sends finished since the last one
   * (a failed transaction leaves them for the next); tells of settled broadcasts once it committed.
   */
  private withMarks<T>(lane: Lane, fn: () => T): T {
    const done = lane.delivered.splice(0);
    let result: T;
    try {
      result = this.ledger.transactionRetried(() => {
        this.ledger.outbox.markSent(done);
        return fn();
      });
    } catch (err) {
      lane.delivered.unshift(...done);
      throw err;
    }
    if (done.some((d) => d.broadcast)) queueMicrotask(() => this.options.onBroadcastSettled?.());
    return result;
  }

  /** Commits marks left when a lane stops (its drain loop ended, or a send outlived the loop). */
  private commitDelivered(lane: Lane): void {
    if (lane.delivered.length > 0 && this.ledger.isOpen) this.withMarks(lane, () => undefined);
  }

  /** The next look: when the next row falls due, and now and then when other processes share the outbox. */
  private scheduleNext(lane: Lane): void {
    const next = this.ledger.outbox.nextDueAt(lane.transport.name);
    const wait = next === undefined ? undefined : Math.max(0, next - this.clock());
    if (this.ledger.outbox.shared) this.lookAgainIn(lane, Math.min(wait ?? SENDER_POLL_MS, SENDER_POLL_MS));
    else if (wait !== undefined) this.lookAgainIn(lane, wait);
  }

  private async deliver(lane: Lane, message: DueMessage): Promise<void> {
    try {
      const result = await lane.transport.send(message);
      // A send that outlived stop(): the ledger is closed, and the row, still `sending`, goes again.
      if (!this.ledger.isOpen) return;
      lane.delivered.push({
        id: message.id,
        platformMessageId: result.platformMessageId,
        at: this.clock(),
        broadcast: message.broadcastId !== undefined,
      });
      // No pass will come to commit it (the lane stopped draining): commit it now.
      if (!lane.running) this.commitDelivered(lane);
    } catch (err) {
      try {
        if (this.ledger.isOpen) this.failed(lane, message, err);
      } catch (ledgerErr) {
        // The row stays `sending`; the next start (or recoverInterrupted) sends it again.
        this.log.error(
          { err: ledgerErr, sendError: String(err), outbox: message.id, transport: lane.transport.name },
          'could not record a failed send',
        );
      }
    }
  }

  private failed(lane: Lane, message: DueMessage, err: unknown): void {
    const { outbox } = this.ledger;
    const error = err instanceof Error ? err.message : String(err);
    const attempts = message.attempts + 1;
    if (err instanceof TransportError && err.unreachable) {
      this.ledger.transaction(() => {
        outbox.failChat(message.chat, error);
        const actor = { id: SYSTEM, at: this.clock() };
        if (message.chat.kind === 'group') this.ledger.groups.setReachable(actor, message.chat, false);
        else
          this.ledger.people.setReachable(actor, `${message.chat.transport}:${message.chat.chatId}`, false);
      });
      this.log.warn(
        { outbox: message.id, transport: message.chat.transport },
        'chat unreachable; its messages stop',
      );
      if (message.chat.kind === 'private') this.options.onPrivateFailed?.();
      this.options.onBroadcastSettled?.();
      return;
    }
    if (err instanceof TransportError && err.movedTo !== undefined && err.movedTo !== message.chat.chatId) {
      const movedTo = err.movedTo;
      // The chat's rows (this one too) follow it to the new id and go again at once.
      this.ledger.transaction(() => {
        this.ledger.groups.migrate({ id: SYSTEM, at: this.clock() }, message.chat, movedTo);
        outbox.markThrottled(message.id, this.clock(), error);
      });
      this.log.warn({ outbox: message.id, transport: message.chat.transport }, 'chat moved; sending there');
      return;
    }
    if (err instanceof TransportError && err.retryAfterMs !== undefined) {
      // A 429 is "later", never a failure: losing messages to throttling is what RapidPro learned not to do.
      lane.pacer.throttled?.(message, err.retryAfterMs, this.clock());
      outbox.markThrottled(message.id, this.clock() + err.retryAfterMs, error);
      this.log.warn({ outbox: message.id, retryAfterMs: err.retryAfterMs }, 'platform asked to slow down');
      return;
    }
    const retryable = !(err instanceof TransportError) || err.retryable;
    if (!retryable || attempts >= this.retry.maxAttempts) {
      outbox.markFailed(message.id, error);
      this.log.error({ outbox: message.id, attempts, error }, 'outbound message failed for good');
      if (message.chat.kind === 'private') this.options.onPrivateFailed?.();
      if (message.broadcastId !== undefined) this.options.onBroadcastSettled?.();
      return;
    }
    outbox.markRetry(message.id, this.clock() + this.retry.backoffMs(attempts), error);
    this.log.warn({ outbox: message.id, attempts, error }, 'outbound message will be retried');
  }
}
