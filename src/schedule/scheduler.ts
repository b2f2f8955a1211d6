import type { Logger } from 'pino';
import { nextCronRun } from '../domain/when.ts';
import type { Job } from '../engine/command.ts';
import type { Core } from '../engine/engine.ts';
import { Outcome } from '../engine/outcome.ts';
import type { Ledger } from '../ledger/index.ts';

export interface ScheduledJob {
  name: string;
  /** Five-field cron expression, in the scheduler's time zone. */
  cron: string;
  rule: Job;
}

/** The longest wait Node's timers keep (about 24.8 days); a later run is reached in several waits. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Runs each job's rule on its cron schedule through `Core.runJob` (one transaction, replies rendered
 * into the outbox). The run's time is recorded in that same transaction, so a restart runs a job
 * that fell due while the bot was down once, at start, however many ticks it missed.
 */
export class Scheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private stopped = false;
  private readonly running = new Set<string>();

  constructor(
    private readonly core: Pick<Core, 'runJob'>,
    private readonly ledger: Ledger,
    private readonly tz: string,
    private readonly log: Logger,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Runs what was missed, then schedules every job. */
  start(jobs: readonly ScheduledJob[]): void {
    for (const { job, due } of this.dueAtStart(jobs)) this.run(job, due);
    // Every minute a cron names starts a whole minute of UTC (zones are whole minutes apart), so the
    // first timer waits for the next one and asks the time zone only then: its data takes 20 ms to
    // load, which a start (answering what waits) need not pay first.
    const minute = Math.floor(this.clock() / 60_000) * 60_000 + 60_000;
    for (const job of jobs) this.arm(job, minute, { unlessOffCron: true });
  }

  /**
   * Waits for the job's next minute, runs it, and waits for the one after. The times come from
   * nextCronRun (what the ledger's missed-run check uses too), one timer per job: cheaper at start
   * than a per-minute cron ticker, and the same minutes.
   */
  private arm(job: ScheduledJob, next: number | undefined, options: { unlessOffCron?: boolean } = {}): void {
    if (next === undefined || this.stopped) return;
    const wait = next - this.clock();
    const timer = setTimeout(
      () => {
        this.timers.delete(job.name);
        if (wait > MAX_TIMER_MS) return this.arm(job, next, options);
        if (!options.unlessOffCron || nextCronRun(job.cron, this.tz, next - 60_000) === next)
          this.run(job, next);
        // From `next` at least: a timer that fires a moment early must not run the same minute twice.
        this.arm(job, nextCronRun(job.cron, this.tz, Math.max(this.clock(), next)));
      },
      Math.min(Math.max(0, wait), MAX_TIMER_MS),
    );
    timer.unref();
    this.timers.set(job.name, timer);
  }

  /**
   * The jobs whose next run after their last recorded one is already past, with that due time. A job
   * never run before starts counting now (a fresh install sends no report at its first start).
   */
  dueAtStart(jobs: readonly ScheduledJob[]): { job: ScheduledJob; due: number }[] {
    const now = this.clock();
    const firstSeen: string[] = [];
    const due: { job: ScheduledJob; due: number }[] = [];
    for (const job of jobs) {
      const last = this.ledger.jobs.lastRun(job.name);
      if (last === undefined) {
        firstSeen.push(job.name);
        continue;
      }
      const next = nextCronRun(job.cron, this.tz, last);
      if (next !== undefined && next <= now) due.push({ job, due: next });
    }
    // One commit for all of them: a fresh install's first start waits for the disk once, not per job.
    if (firstSeen.length > 0)
      this.ledger.transaction(() => {
        for (const name of firstSeen) this.ledger.jobs.record(name, now);
      });
    return due;
  }

  /**
   * One run, for the due time `due` (unset: now, whatever ran before). Several processes on one
   * PostgreSQL ledger each arm every job: the first to take the jobs' lock runs a due time, and the
   * others find it recorded and do nothing. A run still going in this process (never, with
   * synchronous rules, but cheap to keep true) is not doubled.
   */
  run(job: ScheduledJob, due?: number): number {
    if (this.running.has(job.name) || !this.ledger.isOpen) return 0;
    this.running.add(job.name);
    try {
      return this.core.runJob(job.name, (ctx) => {
        if (due !== undefined && (ctx.ledger.jobs.lastRun(job.name) ?? Number.NEGATIVE_INFINITY) >= due)
          return new Outcome();
        // Never before the due time, so a process whose clock runs behind finds this run as done.
        ctx.ledger.jobs.record(job.name, Math.max(ctx.now, due ?? ctx.now));
        return job.rule(ctx);
      });
    } catch (err) {
      this.log.error({ err, job: job.name }, 'scheduled job failed; it changed nothing');
      return 0;
    } finally {
      this.running.delete(job.name);
    }
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
