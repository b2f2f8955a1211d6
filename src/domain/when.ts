import { parse as parseCron, validate as validCron } from 'node-cron';

/** Times as people in the configured time zone read them. Pure functions: callers pass the clock. */

interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function localTime(ms: number, tz: string): LocalTime {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    formatters.set(tz, f);
  }
  const parts = Object.fromEntries(f.formatToParts(ms).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: WEEKDAYS.indexOf(parts.weekday ?? ''),
  };
}

/** The instant a wall-clock time in `tz` stands for (two passes absorb a DST change). */
export function fromLocal(t: Omit<LocalTime, 'weekday'>, tz: string): number {
  const wanted = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute);
  let guess = wanted;
  for (let i = 0; i < 2; i++) {
    const l = localTime(guess, tz);
    guess += wanted - Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute);
  }
  return guess;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-12-01 07:00`, in `tz`. */
export function formatLocal(ms: number, tz: string): string {
  const l = localTime(ms, tz);
  return `${l.year}-${pad(l.month)}-${pad(l.day)} ${pad(l.hour)}:${pad(l.minute)}`;
}

/** A five-field cron expression node-cron accepts (minute hour day month weekday). */
export const isCron = (expr: string) => expr.trim().split(/\s+/).length === 5 && validCron(expr);

const parsedCrons = new Map<string, ReturnType<typeof parseCron>>();

/** The least value in `allowed` greater than `current`, if any. */
function nextAllowed(allowed: readonly number[], current: number): number | undefined {
  let best: number | undefined;
  for (const v of allowed) if (v > current && (best === undefined || v < best)) best = v;
  return best;
}

/**
 * The first minute strictly after `after` that `expr` matches in `tz` (day of month and weekday must
 * both match), or undefined when none comes within about a year. It jumps to the next wall-clock time
 * that could match (next day, allowed hour or minute) instead of stepping through minutes: a daily job
 * is found in a few steps, not hundreds.
 */
export function nextCronRun(expr: string, tz: string, after: number): number | undefined {
  let f = parsedCrons.get(expr);
  if (!f) {
    f = parseCron(expr);
    parsedCrons.set(expr, f);
  }
  let t = Math.floor(after / 60_000) * 60_000 + 60_000;
  const limit = after + 400 * 86_400_000;
  while (t < limit) {
    const l = localTime(t, tz);
    const toMidnight = (23 - l.hour) * 60 + (60 - l.minute);
    let minutes: number;
    if (!f.month.includes(l.month) || !f.dayOfMonth.includes(l.day) || !f.dayOfWeek.includes(l.weekday))
      minutes = toMidnight;
    else if (!f.hour.includes(l.hour)) {
      const hour = nextAllowed(f.hour, l.hour);
      minutes = hour === undefined ? toMidnight : (hour - l.hour) * 60 - l.minute;
    } else if (!f.minute.includes(l.minute)) minutes = (nextAllowed(f.minute, l.minute) ?? 60) - l.minute;
    else return t;
    // Across a DST change one way of moving on overshoots: that many minutes later jumps past a clock
    // moved forward, the wall-clock time's instant past an hour the clock repeats. The earlier never
    // skips a match; a wall-clock time the clock skips may map before `t`, hence a minute at least.
    const wall = fromLocal({ ...l, minute: l.minute + minutes }, tz);
    t = Math.max(t + 60_000, Math.min(t + minutes * 60_000, wall));
  }
  return undefined;
}

export type When = { at: number; cron?: string; rest: string } | { error: 'when-invalid' | 'when-past' };

/**
 * Reads the WHEN at the start of `/schedule WHEN TARGET TEXT`: `18:00` (today, or tomorrow once it has
 * passed), `2026-12-01 07:00`, or a cron expression in quotes for a repeating notice.
 */
export function parseWhen(text: string, tz: string, now: number): When {
  const s = text.trim();
  const quoted = /^["'“”‘’]([^"'“”‘’]+)["'“”‘’]\s*([\s\S]*)$/.exec(s);
  if (quoted) {
    const expr = quoted[1]!.trim();
    const at = isCron(expr) ? nextCronRun(expr, tz, now) : undefined;
    return at === undefined ? { error: 'when-invalid' } : { at, cron: expr, rest: quoted[2]! };
  }
  const dated = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2})[:.](\d{2})(?:\s+([\s\S]*))?$/.exec(s);
  if (dated) {
    const [year, month, day, hour, minute] = dated.slice(1, 6).map(Number) as [
      number,
      number,
      number,
      number,
      number,
    ];
    if (!validClock(hour, minute) || month < 1 || month > 12 || day < 1 || day > 31)
      return { error: 'when-invalid' };
    const at = fromLocal({ year, month, day, hour, minute }, tz);
    if (localTime(at, tz).day !== day) return { error: 'when-invalid' };
    return at <= now ? { error: 'when-past' } : { at, rest: dated[6] ?? '' };
  }
  const timed = /^(\d{1,2})[:.](\d{2})(?:\s+([\s\S]*))?$/.exec(s);
  if (timed) {
    const hour = Number(timed[1]);
    const minute = Number(timed[2]);
    if (!validClock(hour, minute)) return { error: 'when-invalid' };
    const today = localTime(now, tz);
    let at = fromLocal({ ...today, hour, minute }, tz);
    if (at <= now) {
      const tomorrow = localTime(at + 86_400_000, tz);
      at = fromLocal({ ...tomorrow, hour, minute }, tz);
    }
    return { at, rest: timed[3] ?? '' };
  }
  return { error: 'when-invalid' };
}

const validClock = (h: number, m: number) => h >= 0 && h <= 23 && m >= 0 && m <= 59;
