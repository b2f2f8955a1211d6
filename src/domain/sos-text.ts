import type { Areas } from './areas.ts';
import { takeContact } from './contact-text.ts';
import { readCoordinates, withoutCoordinates } from './coordinates.ts';
import { ID_UNITS, NUMBER_WORD_ALTERNATIVES, numberWord, withoutEstimate } from './number-words.ts';
import { formatRef, parseRef } from './refs.ts';

export { findPhones, parsePhone } from './contact-text.ts';

/**
 * Reads what a person in danger wrote in one breath (`SOS Jl. Imogiri Timur km 8, 4 orang, air naik`):
 * coordinates, a people count, conditions, a phone number, and what is left as the address. Pure, and
 * forgiving: whatever it cannot place stays in the address, which a coordinator reads anyway.
 */

export const RESCUE_CONDITIONS = [
  'injured',
  'children',
  'elderly',
  'disabled',
  'trapped',
  'water_rising',
] as const;
export type RescueCondition = (typeof RESCUE_CONDITIONS)[number];

export interface SosText {
  lat?: number;
  lon?: number;
  /** Written like coordinates but off the globe (`999,999`): to refuse, never an address or a phone. */
  outOfRange?: string;
  peopleCount?: number;
  conditions: RescueCondition[];
  phone?: string;
  /** The text with coordinates, counts, conditions and phone numbers taken out; undefined when nothing is left. */
  address?: string;
  /** The deepest known area named in the text. */
  area?: string;
}

// Whole words only, in English and Indonesian; `[\s-]+` lets "anak-anak" and "water  rising" match.
const CONDITION_WORDS: Record<RescueCondition, string[]> = {
  injured: [
    'injured',
    'injury',
    'injuries',
    'hurt',
    'wounded',
    'bleeding',
    'luka',
    'terluka',
    'cedera',
    'berdarah',
    'patah tulang',
  ],
  children: [
    'child',
    'children',
    'kid',
    'kids',
    'baby',
    'babies',
    'infant',
    'anak',
    'anak-anak',
    'balita',
    'bayi',
  ],
  elderly: [
    'elderly',
    'old people',
    'old man',
    'old woman',
    'lansia',
    'manula',
    'kakek',
    'nenek',
    'lanjut usia',
  ],
  disabled: [
    'disabled',
    'disability',
    'wheelchair',
    'disabilitas',
    'difabel',
    'cacat',
    'kursi roda',
    'lumpuh',
  ],
  trapped: [
    'trapped',
    'stuck',
    'stranded',
    'cannot get out',
    "can't get out",
    'terjebak',
    'terjepit',
    'tertimbun',
    'terkurung',
    'terisolasi',
    'tidak bisa keluar',
  ],
  water_rising: [
    'water rising',
    'rising water',
    'water is rising',
    'flood rising',
    'air naik',
    'air terus naik',
    'air meninggi',
    'air makin tinggi',
    'air semakin tinggi',
    'banjir naik',
  ],
};

/** More than this many people in one rescue report is a misreading (a phone or house number): asked back. */
const MAX_PEOPLE = 10_000;

const PEOPLE_WORDS = ['orang', 'org', 'orng', 'jiwa', 'wong', 'warga', 'people', 'persons', 'person', 'ppl'];

// Words that carry no place: a segment made only of these (after counts and conditions are taken out) is dropped.
const FILLER = new Set([
  ...'ada dan and with dengan kami saya we i am are is there yang sudah masih please tolong help bantu'.split(
    ' ',
  ),
  ...'segera cepat sos darurat here di sini disini of the a an at ini itu juga also'.split(' '),
  // Where in a house people wait is no address: `kami terjebak di atap` still needs "where are you?".
  ...'atap loteng genteng lantai roof upstairs inside dalam on in masih terus naik semua all'.split(' '),
]);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const words = (list: string[]) => list.map((w) => escapeRegExp(w).replace(/[\s-]+/g, '[\\s-]+')).join('|');
const bounded = (alternatives: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'giu');

const CONDITION_RE = Object.fromEntries(
  Object.entries(CONDITION_WORDS).map(([c, list]) => [c, bounded(words(list))]),
) as Record<RescueCondition, RegExp>;

// A count as Indonesians write it (`1.500`: the dot groups thousands); the end of a decimal (`2,5
// orang`) or of a longer number is no count.
const COUNT = String.raw`\d{1,3}(?:\.\d{3})+|\d{1,5}`;
const PEOPLE_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}]|\d[.,])(${COUNT}|${NUMBER_WORD_ALTERNATIVES})\s*(?:${words(PEOPLE_WORDS)})(?![\p{L}\p{N}])`,
  'giu',
);
/** `kami berlima`, `ber-5`: "we are five", the number in words (berdua to bersepuluh) or digits. */
const TOGETHER_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])ber-?(\d{1,2}|${[...ID_UNITS.slice(1), 'sepuluh'].join('|')})(?![\p{L}\p{N}])`,
  'iu',
);

// A map link without a readable point (a short link) is no address either.
const URL_RE = /\bhttps?:\/\/\S+/gi;

function numberOf(word: string): number | undefined {
  if (/^\d{1,3}(?:\.\d{3})*$|^\d+$/.test(word)) return Number(word.replace(/\./g, ''));
  return numberWord(word);
}

const plausible = (n: number | undefined) => (n !== undefined && n >= 1 && n <= MAX_PEOPLE ? n : undefined);

/** The first people count written with a people word (`4 orang`, `lima jiwa`) or as `kami berlima`. */
function countIn(text: string): number | undefined {
  const counted = [...text.matchAll(PEOPLE_RE)].map((m) => numberOf(m[1]!)).find((n) => n !== undefined);
  if (counted !== undefined) return plausible(counted);
  const together = TOGETHER_RE.exec(text);
  return together ? plausible(numberOf(together[1]!)) : undefined;
}

/** A people count: a bare number ("4", "empat") or one written with a people word ("4 orang", "four people"). */
export function parsePeopleCount(text: string): number | undefined {
  const bare = numberOf(withoutEstimate(text));
  return bare !== undefined ? plausible(bare) : countIn(text);
}

export function parseConditions(text: string): RescueCondition[] {
  return RESCUE_CONDITIONS.filter((c) => {
    CONDITION_RE[c].lastIndex = 0;
    return CONDITION_RE[c].test(text);
  });
}

function addressOf(text: string): string | undefined {
  const placeText = takeContact(withoutCoordinates(text).replace(URL_RE, ' ')).rest;
  const segments = placeText
    .split(/[,;\n]+/)
    .map((segment) => segment.replace(/\s+/g, ' ').trim())
    .filter((segment) => {
      // A count too large to be people (`50000 orang`) stays for the coordinator to read.
      let rest = segment.replace(PEOPLE_RE, (m, n: string) => (plausible(numberOf(n)) ? ' ' : m));
      for (const re of Object.values(CONDITION_RE)) rest = rest.replace(re, ' ');
      return rest
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .some((w) => w && !FILLER.has(w));
    });
  const address = segments.join(', ');
  return address === '' ? undefined : address.slice(0, 500);
}

export function parseSosText(text: string, areas?: Pick<Areas, 'mentionedIn'>): SosText {
  const read = readCoordinates(text);
  const coordinates =
    read?.kind === 'point' ? { lat: read.lat, lon: read.lon } : read ? { outOfRange: read.written } : {};
  // The contact first: `0812-3456-7000 orang` is a phone number, not 7,000 people.
  const { rest, phone } = takeContact(withoutCoordinates(text));
  const peopleCount = countIn(rest);
  const address = addressOf(text);
  const area = address && areas?.mentionedIn(address)[0]?.path;
  return {
    ...coordinates,
    ...(peopleCount !== undefined ? { peopleCount } : {}),
    conditions: parseConditions(text),
    ...(phone ? { phone } : {}),
    ...(address ? { address } : {}),
    ...(area ? { area } : {}),
  };
}

/** `S-3`, `s3`, `#3` or `3` → 3. */
export function parseRescueRef(text: string): number | undefined {
  const bare = /^#?(\d{1,9})$/.exec(text.trim());
  if (bare) return Number(bare[1]);
  const ref = parseRef(text);
  return ref?.kind === 'S' ? ref.id : undefined;
}

export const rescueRef = (id: number) => formatRef('S', id);
