import { describe, expect, it } from 'vitest';
import { formatLocal, fromLocal, nextCronRun, parseWhen } from '../../src/domain/when.ts';

const TZ = 'Asia/Jakarta';
// 2026-12-01 10:00 in Jakarta (UTC+7).
const NOW = Date.UTC(2026, 11, 1, 3, 0);

describe('schedule times', () => {
  it('reads a time today, or tomorrow once it has passed', () => {
    const evening = parseWhen('18:00 all Curfew', TZ, NOW);
    expect(evening).toMatchObject({ rest: 'all Curfew' });
    expect('at' in evening && formatLocal(evening.at, TZ)).toBe('2026-12-01 18:00');
    const morning = parseWhen('07.30 sitrep Meeting', TZ, NOW);
    expect('at' in morning && formatLocal(morning.at, TZ)).toBe('2026-12-02 07:30');
  });

  it('reads a date and time in the configured zone, and refuses the past', () => {
    const w = parseWhen('2026-12-24 07:00 rescue Check-in', TZ, NOW);
    expect(w).toEqual({ at: Date.UTC(2026, 11, 24, 0, 0), rest: 'rescue Check-in' });
    expect(parseWhen('2026-11-30 07:00 all x', TZ, NOW)).toEqual({ error: 'when-past' });
    expect(parseWhen('2026-02-30 07:00 all x', TZ, NOW)).toEqual({ error: 'when-invalid' });
    expect(parseWhen('25:00 all x', TZ, NOW)).toEqual({ error: 'when-invalid' });
    expect(parseWhen('tomorrow all x', TZ, NOW)).toEqual({ error: 'when-invalid' });
  });

  it('reads a quoted cron expression and finds its next run in the zone', () => {
    const w = parseWhen('"0 7,19 * * *" sitrep Report', TZ, NOW);
    expect(w).toMatchObject({ cron: '0 7,19 * * *', rest: 'sitrep Report' });
    expect('at' in w && formatLocal(w.at, TZ)).toBe('2026-12-01 19:00');
    expect(parseWhen('“*/15 * * * *” all x', TZ, NOW)).toMatchObject({ at: NOW + 15 * 60_000 });
    expect(parseWhen('"0 7 * *" all x', TZ, NOW)).toEqual({ error: 'when-invalid' });
    expect(parseWhen('"61 * * * *" all x', TZ, NOW)).toEqual({ error: 'when-invalid' });
  });

  it('computes cron runs with weekdays and months, strictly after the given instant', () => {
    // 2026-12-01 is a Tuesday; the next Monday 08:00 is the 7th.
    expect(formatLocal(nextCronRun('0 8 * * 1', TZ, NOW)!, TZ)).toBe('2026-12-07 08:00');
    expect(formatLocal(nextCronRun('30 6 1 1 *', TZ, NOW)!, TZ)).toBe('2027-01-01 06:30');
    const at = fromLocal({ year: 2026, month: 12, day: 1, hour: 19, minute: 0 }, TZ);
    expect(formatLocal(nextCronRun('0 7,19 * * *', TZ, at)!, TZ)).toBe('2026-12-02 07:00');
  });
});
