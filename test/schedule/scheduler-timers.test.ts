import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Job } from '../../src/engine/command.ts';
import { Outcome } from '../../src/engine/outcome.ts';
import { Scheduler } from '../../src/schedule/scheduler.ts';
import { Harness, silentLog } from '../support/harness.ts';

let h: Harness;
afterEach(() => {
  vi.useRealTimers();
  h.close();
});

describe('scheduler timers', () => {
  it('runs a job once at each minute its cron names, in the time zone, and not after stop', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    h = new Harness();
    const runs: number[] = [];
    const job = (cron: string) => ({
      name: `every ${cron}`,
      cron,
      rule: ((ctx) => {
        runs.push(ctx.now);
        return new Outcome();
      }) as Job,
    });
    const s = new Scheduler(h.core, h.ledger, 'Asia/Jakarta', silentLog, h.clock.fn);
    // 2026-12-01 00:00 UTC is 07:00 in Jakarta: '5 7 * * *' falls 5 minutes in.
    s.start([job('*/2 * * * *'), job('5 7 * * *')]);
    const step = (ms: number) => {
      for (let t = 0; t < ms; t += 250) {
        h.clock.advance(250);
        vi.advanceTimersByTime(250);
      }
    };
    step(6 * 60_000);
    const minutes = runs.map((t) => new Date(t).getUTCMinutes());
    expect(minutes).toEqual([2, 4, 5, 6]);
    s.stop();
    step(5 * 60_000);
    expect(runs).toHaveLength(4);
  });
});
