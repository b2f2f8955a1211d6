import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatLocal, fromLocal, localTime, nextCronRun, parseWhen } from '../../src/domain/when.ts';

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

  it('neither jumps over a clock moved forward nor over an hour the clock repeats', () => {
    const ny = 'America/New_York';
    // 2026-03-08 02:00 EST becomes 03:00 EDT (07:00 UTC): from 01:30, 03:00 comes 30 minutes later.
    expect(nextCronRun('0 3 * * *', ny, Date.UTC(2026, 2, 8, 6, 30))).toBe(Date.UTC(2026, 2, 8, 7, 0));
    // 2026-11-01 02:00 EDT becomes 01:00 EST (06:00 UTC): 01:00 comes again, as minute-by-minute finds.
    expect(nextCronRun('0 1 * * *', ny, Date.UTC(2026, 10, 1, 5, 30))).toBe(Date.UTC(2026, 10, 1, 6, 0));
  });

  it('finds the same minute as stepping through every minute, across DST changes in any zone', () => {
    // The definition, minute by minute: slow, and obviously right.
    const stepped = (fields: number[][], tz: string, after: number) => {
      const [minute, hour, weekday] = fields as [number[], number[], number[]];
      for (let t = Math.floor(after / 60_000) * 60_000 + 60_000; t < after + 9 * 86_400_000; t += 60_000) {
        const l = localTime(t, tz);
        if (minute.includes(l.minute) && hour.includes(l.hour) && weekday.includes(l.weekday)) return t;
      }
      return undefined;
    };
    const set = (min: number, max: number) =>
      fc.uniqueArray(fc.integer({ min, max }), { minLength: 1, maxLength: 4 });
    // Hours around the changes (they happen between midnight and 03:00 local) come up often.
    const hours = fc.oneof(set(0, 23), set(0, 4));
    // Instants near the 2026 DST changes of New York and Lord Howe (half an hour), and anywhere.
    const changes = [
      Date.UTC(2026, 2, 8, 7),
      Date.UTC(2026, 10, 1, 6),
      Date.UTC(2026, 3, 4, 15),
      Date.UTC(2026, 9, 3, 16),
    ];
    const instant = fc.oneof(
      fc
        .tuple(fc.constantFrom(...changes), fc.integer({ min: -8 * 3_600_000, max: 2 * 3_600_000 }))
        .map(([c, d]) => c + d),
      fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }),
    );
    const zone = fc.constantFrom('Asia/Jakarta', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu');
    fc.assert(
      fc.property(set(0, 59), hours, set(0, 6), zone, instant, (minute, hour, weekday, tz, after) => {
        const expr = `${minute.join(',')} ${hour.join(',')} * * ${weekday.join(',')}`;
        expect(nextCronRun(expr, tz, after), expr).toBe(stepped([minute, hour, weekday], tz, after));
      }),
      { numRuns: 200 },
    );
  });
});
