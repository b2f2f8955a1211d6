/**
 * The one redaction (SPEC 4): whatever a template or a person wrote, no phone number, no coordinate
 * finer than 2 decimals (about 1 km) and no link to a private page reaches a group, a public page, a
 * default export or the logs. It reads text the way a person reads it: normalised first, so that
 * full-width or Arabic-Indic digits, zero-width characters and glued words do not hide a number. It is
 * the second line of defence (DESIGN "Privacy by construction"): outputs for many readers are built
 * from fields, and this catches what a person typed into the one free text meant for groups.
 */
import { findPrivateLinks } from './links.ts';
import { findLocations, type LocationSpan } from './locations.ts';
// The one reading of every script's digits, shared with the normaliser every reader gets its text from.
import { digitValue } from './normalise.ts';

export interface Redacted {
  text: string;
  /** Phone numbers removed (registered public contacts are not counted: they stay). */
  phones: number;
  /** Locations finer than about 1 km that were rounded or, for an unreadable map link, removed. */
  locations: number;
  /** Links to a host that is not an allow-listed public site, removed whole. */
  links: number;
}

export interface RedactOptions {
  /** Canonical digits (see `phoneKey`) of numbers registered as public: they pass through. */
  publicContacts?: ReadonlySet<string>;
}

// ASCII, so that redacting twice (stored, then rendered) changes nothing.
export const PHONE_PLACEHOLDER = '[...]';
export const LOCATION_PLACEHOLDER = '[📍]';
export const LINK_PLACEHOLDER = '[🔗]';

// Zero-width, joiners, bidi controls, soft hyphen, BOM, Mongolian vowel separator, tags; private-use characters
// are dropped too because redaction uses them as placeholders of its own.
const INVISIBLE =
  /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uE000-\uF8FF\u{E0000}-\u{E007F}]/gu;
/** Marks drawn on a digit (the keycap of `0️⃣`, an accent): the digit is what a reader reads. */
const MARKED_DIGIT = /(\p{Nd})\p{M}+/gu;
const ANY_DIGIT = /\p{Nd}/gu;
/**
 * NFKC, except for punctuation and symbols it would turn into something else (`™` → `TM`, `㏠` → `1日`,
 * `῟` → a space and combining marks): between digit groups they are separators, and as letters or
 * marks they would split a number in two.
 */
function nfkc(text: string): string {
  return text.replace(/[\p{P}\p{S}\p{Lm}]|[^\p{P}\p{S}\p{Lm}]+/gu, (part) => {
    // A modifier letter is drawn as a mark (`ʲ`, `ˡ`): NFKC would make it a plain letter inside a number.
    if (/^\p{Lm}$/u.test(part)) return part;
    const n = part.normalize('NFKC');
    // One separator stays one (`⁗` would become four primes and stretch the gap past what is read).
    return /^[\p{P}\p{S}]$/u.test(part) && !/^[\p{P}\p{S}]$/u.test(n) ? part : n;
  });
}

/** NFKC (full-width forms, ligatures), every script's digits as ASCII, invisible characters removed. */
export function normalise(text: string): string {
  return nfkc(text)
    .replace(INVISIBLE, '')
    .replace(MARKED_DIGIT, '$1')
    .replace(ANY_DIGIT, (d) => (d >= '0' && d <= '9' ? d : digitValue(d)));
}

/**
 * A digit run as people write numbers, and as people hiding a number write them: digit groups joined by
 * up to 8 spaces, punctuation or symbols of any kind (`~`, `*`, `|`, ` + `, ` , `, `•`, `™`), or by one
 * letter (alone or glued) that stands for a digit or a stroke (`o`, `O`, `l`, `I`, `x`; `S`, `B`, `Z` glued)
 * or is a modifier letter (`ʼ`, `ˉ`, the Arabic tatweel `ـ`, which are drawn as marks), led by any
 * number of `+`. No word boundary is required, so `HP081234567890` and `081234567890ya` are read.
 */
const SEP_CHAR = String.raw`[\p{P}\p{S}\p{Z}\s]`;
const SEP_LETTER = String.raw`[oOlIiLxX\p{Lm}]`;
// `S`, `B` and `Z` stand for 5, 8 and 2 only glued between digits: with a gap they start a reference (`S-3`).
const SEP = `(?:${SEP_CHAR}{0,8}|${SEP_CHAR}{0,4}${SEP_LETTER}${SEP_CHAR}{0,4}|[SsBZz])`;
const DIGIT_RUN = new RegExp(String.raw`(?:\+[+\s]*)?\d(?:${SEP}\d)*`, 'gu');

/** Shapes with 8 or more digits that are not phone numbers: dates, times and ranges of them, money. */
const DATE = String.raw`(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})`;
const TIME = String.raw`(?:[01]?\d|2[0-3])[.:][0-5]\d`;
const WHEN = `(?:${DATE}(?:\\s+${TIME})?|${TIME})`;
const BENIGN = new RegExp(`^${WHEN}(?:\\s*[-\u2010-\u2015/]\\s*${WHEN})?$`);
const MONEY_BEFORE = /(?:rp\.?|idr|usd|us\$|\$|€)\s*$/i;
const THOUSANDS = /^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*$/;
/** Words after which even a short number is a phone number. */
const PHONE_CUE = /(?:telp?|tlp|phone|hp|wa|whatsapp|hubungi|call|kontak|contact|nomor|no)\.?\s*:?\s*$/i;

/**
 * A list of numbers (`Rp 15.000.000, 1.500 kg`, `20, 30, 40`) is not a phone number whose groups are
 * joined by a comma: it is one when every item reads as a quantity, a date or a time on its own.
 */
const LIST_SEPARATOR = /\s*[,;]\s+|\s+[,;]\s*/;
const QUANTITY = /^(?:0|[1-9]\d{0,2}(?:\.\d{3})*|[1-9]\d{0,2}(?:,\d{3})+)(?:[.,]\d{1,2})?$/;

/**
 * Digits that read as an Indonesian number once joined: 62 or the trunk 0, then a mobile (8…) or an
 * area code (2… to 7…), with enough digits after it. A "list" of bare digit groups that joins into one
 * (`62 , 812 , 3 , 4 …`) is a number cut up to pass as counts, not counts.
 */
const PHONE_SHAPED = /^(?:62|0)(?:8\d{8,11}|[2-7]\d{8,10})$/;

function isListOfQuantities(run: string): boolean {
  const items = run.split(LIST_SEPARATOR);
  if (items.every((i) => /^\d+$/.test(i)) && PHONE_SHAPED.test(items.join(''))) return false;
  return items.length > 1 && items.every((i) => QUANTITY.test(i) || BENIGN.test(i));
}

const MIN_DIGITS = 8;
const MIN_DIGITS_AFTER_CUE = 6;

/**
 * The digits that identify a number however it was written: `+62 812-3456`, `0062812...` and
 * `0812...` all read `62812...` (Indonesia's trunk 0 stands for +62, the default country).
 */
export function phoneKey(number: string): string {
  const digits = normalise(number).replace(/\D/g, '');
  if (/^\s*\+/.test(normalise(number))) return digits;
  if (digits.startsWith('00')) return digits.slice(2);
  if (digits.startsWith('0')) return `62${digits.slice(1)}`;
  return digits;
}

function isPhone(run: string, before: string): boolean {
  const digits = run.replace(/\D/g, '').length;
  const cue = PHONE_CUE.test(before);
  if (digits < (cue ? MIN_DIGITS_AFTER_CUE : MIN_DIGITS)) return false;
  if (run.startsWith('+') || cue) return true;
  const trimmed = run.trim();
  if (BENIGN.test(trimmed)) return false;
  if (THOUSANDS.test(trimmed) && MONEY_BEFORE.test(before)) return false;
  return !isListOfQuantities(trimmed);
}

/**
 * Whether a coarse "coordinate" is only part of a number: `+62°21°5551234` reads `62°21` as a point, yet
 * the digits run on past it, joined the same way; `0 8 1 2 3 4 5 6 7 8 9 0` reads as two spaced DMS
 * points. Such a span is left to the phone scan. Any other point is rounded wherever it stands, and a
 * decimal pair stays (`~-7.91,110.34 · 4 orang`).
 */
function insideLongerNumber(text: string, span: LocationSpan): boolean {
  // Spaced degrees (`7 54 44 110 20 8`) with yet more digits after a space: digits read out one by one.
  if (span.spaced) return /^\s+\d/.test(text.slice(span.end)) || /\d\s+$/.test(text.slice(0, span.start));
  if (span.exact || !/[°º˚]/.test(text.slice(span.start, span.end))) return false;
  for (const m of text.matchAll(DIGIT_RUN)) {
    const end = m.index + m[0].length;
    if (m.index < span.end && end > span.start) return m.index < span.start || end > span.end;
  }
  return false;
}

/**
 * Digits spelt out as words, as a number is read aloud (`nol delapan satu dua ...`, `zero eight one
 * ...`), alone or mixed with digits: 8 or more of them are a phone number too.
 */
const DIGIT_WORD =
  'nol|kosong|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|zero|oh|one|two|three|four|five|six|seven|eight|nine';
const SPELT_RUN = new RegExp(
  String.raw`(?<![\p{L}\d])(?:${DIGIT_WORD}|\d+)(?:${SEP_CHAR}{1,8}(?:${DIGIT_WORD}|\d+))+(?![\p{L}\d])`,
  'giu',
);
const SPELT_WORD = new RegExp(`^(?:${DIGIT_WORD})$`, 'i');

function isSpeltPhone(run: string): boolean {
  const tokens = run.split(/[^\p{L}\d]+/u).filter(Boolean);
  const words = tokens.filter((t) => SPELT_WORD.test(t)).length;
  const digits = tokens.reduce((n, t) => n + (SPELT_WORD.test(t) ? 1 : t.length), 0);
  return words > 0 && digits >= MIN_DIGITS;
}

/** Rounds to 2 decimals, the precision groups may see; `-0.00` reads as `0.00`. */
const coarse = (v: number) => (Math.abs(v) < 0.005 ? 0 : v).toFixed(2);

function locationText(span: LocationSpan): string {
  if (span.lat === undefined) return LOCATION_PLACEHOLDER;
  if (span.lon === undefined) return coarse(span.lat);
  return `${coarse(span.lat)},${coarse(span.lon)}`;
}

/**
 * Redacts text bound for a group, a public page, a default export or the logs. Coordinates come first (a
 * coordinate pair has as many digits as a phone number), then links (a link may hold a number), and what
 * they become is kept out of the phone scan.
 */
export function redact(text: string, options: RedactOptions = {}): Redacted {
  const kept: string[] = [];
  const keep = (s: string) => {
    kept.push(s);
    return `\uE000${String.fromCharCode(0xe100 + kept.length - 1)}`;
  };
  let locations = 0;
  let phones = 0;
  let out = normalise(text);
  // First, so that digits read out among the words are not taken for spaced degrees.
  out = out.replace(SPELT_RUN, (run: string) => {
    if (!isSpeltPhone(run)) return run;
    phones++;
    return PHONE_PLACEHOLDER;
  });
  const spans = findLocations(out).filter((s) => !insideLongerNumber(out, s));
  for (let i = spans.length - 1; i >= 0; i--) {
    const s = spans[i]!;
    if (s.exact) locations++;
    const replacement = s.exact ? locationText(s) : out.slice(s.start, s.end);
    out = out.slice(0, s.start) + keep(replacement) + out.slice(s.end);
  }
  const links = findPrivateLinks(out);
  for (let i = links.length - 1; i >= 0; i--) {
    const s = links[i]!;
    out = out.slice(0, s.start) + keep(LINK_PLACEHOLDER) + out.slice(s.end);
  }
  out = out.replace(DIGIT_RUN, (run: string, offset: number, whole: string) => {
    if (!isPhone(run, whole.slice(Math.max(0, offset - 16), offset))) return run;
    if (options.publicContacts?.has(phoneKey(run))) return keep(run);
    phones++;
    return PHONE_PLACEHOLDER;
  });
  out = out.replace(/\uE000([\uE100-\uF8FF])/g, (_m, c: string) => kept[c.charCodeAt(0) - 0xe100] ?? '');
  return { text: out, phones, locations, links: links.length };
}

/** The redacted text alone, for callers that do not report what was removed. */
export const redactText = (text: string, options?: RedactOptions) => redact(text, options).text;

/**
 * The redacted text and how many things were taken out of it (phone numbers, exact locations, private
 * links), for an author who confirms what a group will read.
 */
export function redactReport(text: string, options?: RedactOptions): { text: string; removed: number } {
  const r = redact(text, options);
  return { text: r.text, removed: r.phones + r.locations + r.links };
}

/** Coordinates of a person in need as groups may see them. */
export { coarse };
