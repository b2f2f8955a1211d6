import { fromLocal, localTime } from './when.ts';

/**
 * How long an offer stands, as donors write it: `Friday` / `Jumat`, `tomorrow` / `besok`, `lusa`,
 * `3 days` / `3 hari`, `2 weeks` / `2 minggu`, `2026-12-10`, `10/12` (day first, as Indonesians write
 * dates). Answers the end of that day in `tz`, or undefined when the text names no day ahead.
 */

const WEEKDAY_WORDS: Record<string, number> = {
  sunday: 0,
  sun: 0,
  minggu: 0,
  ahad: 0,
  monday: 1,
  mon: 1,
  senin: 1,
  tuesday: 2,
  tue: 2,
  selasa: 2,
  wednesday: 3,
  wed: 3,
  rabu: 3,
  thursday: 4,
  thu: 4,
  kamis: 4,
  friday: 5,
  fri: 5,
  jumat: 5,
  saturday: 6,
  sat: 6,
  sabtu: 6,
};

const DAYS_AHEAD: Record<string, number> = {
  today: 0,
  tonight: 0,
  'hari ini': 0,
  'malam ini': 0,
  tomorrow: 1,
  besok: 1,
  lusa: 2,
};

const DAY_UNITS: Record<string, number> = {
  day: 1,
  days: 1,
  hari: 1,
  week: 7,
  weeks: 7,
  minggu: 7,
  pekan: 7,
};

/** The longest an offer may stand: a donor's goods rarely wait longer, and a stale offer misleads. */
export const MAX_OFFER_DAYS = 60;

/** A word's entry in a table of words, never a property every object has (`constructor`, `__proto__`). */
export const wordValue = <T>(table: Readonly<Record<string, T>>, word: string): T | undefined =>
  Object.hasOwn(table, word) ? table[word] : undefined;

const endOfDay = (y: number, m: number, d: number, tz: string) =>
  fromLocal({ year: y, month: m, day: d, hour: 23, minute: 59 }, tz);

export function readUntil(text: string, tz: string, now: number): number | undefined {
  const s = text
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/^(until|till|til|sampai|hingga|s\/d|sd)\s+/, '')
    .replace(/^(tanggal|tgl)\.?\s+/, '')
    .replace(/^hari\s+(?!ini$)/, '')
    .replace(/[.,!]+$/, '')
    .trim();
  const today = localTime(now, tz);
  const daysFromToday = (n: number) => {
    const t = localTime(fromLocal({ ...today, hour: 12, minute: 0 }, tz) + n * 86_400_000, tz);
    return endOfDay(t.year, t.month, t.day, tz);
  };
  const within = (at: number | undefined) =>
    at !== undefined && at > now && at <= now + (MAX_OFFER_DAYS + 1) * 86_400_000 ? at : undefined;
  const ahead = wordValue(DAYS_AHEAD, s);
  if (ahead !== undefined) return daysFromToday(ahead);
  const weekday = wordValue(WEEKDAY_WORDS, s);
  if (weekday !== undefined) return daysFromToday((weekday - today.weekday + 7) % 7 || 7);
  const span = /^(\d{1,3})\s*(\p{L}+)$/u.exec(s);
  const unit = span ? wordValue(DAY_UNITS, span[2]!) : undefined;
  if (span && unit !== undefined) return within(daysFromToday(Number(span[1]) * unit));
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (iso) return within(validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]), tz));
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$/.exec(s);
  if (dayFirst) {
    const year = dayFirst[3] ? Number(dayFirst[3].padStart(4, '20')) : today.year;
    const at = validDate(year, Number(dayFirst[2]), Number(dayFirst[1]), tz);
    // `5/1` written in December means the coming January.
    if (at !== undefined && at <= now && !dayFirst[3])
      return within(validDate(year + 1, Number(dayFirst[2]), Number(dayFirst[1]), tz));
    return within(at);
  }
  return undefined;
}

function validDate(year: number, month: number, day: number, tz: string): number | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const at = endOfDay(year, month, day, tz);
  return localTime(at, tz).day === day ? at : undefined;
}

/** `… @ Sleman until Friday` → the place and the until-words, split at the last until-word. */
export function splitUntil(text: string): { before: string; until?: string } {
  const m = /^([\s\S]*?)\s+((?:until|till|sampai|hingga|s\/d)\s+[\s\S]+)$/i.exec(text.trim());
  return m ? { before: m[1]!.trim(), until: m[2]!.trim() } : { before: text.trim() };
}
