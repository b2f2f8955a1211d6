import { wordsToDigits } from './number-words.ts';
import { redactText } from './redaction.ts';

/**
 * Reading what a person needs from free text: `20 water, 5 kg rice, diapers`, `beras 10 karung`,
 * `2 dus mie instan dan popok`. Pure: no I/O, never throws. Items outside the catalog are kept in the
 * person's words (a coordinator reads them at triage) rather than refused.
 */

/** Catalog items with the words people use for them, English and Indonesian. Labels live in the locales. */
export const ITEM_WORDS = {
  water: ['water', 'drinking water', 'clean water', 'air', 'air minum', 'air bersih', 'air mineral', 'aqua'],
  rice: ['rice', 'beras', 'nasi'],
  diapers: ['diapers', 'diaper', 'nappies', 'nappy', 'popok', 'pampers', 'popok bayi'],
  medicine: ['medicine', 'medicines', 'meds', 'medication', 'obat', 'obat obatan', 'obatan'],
  food: ['food', 'meals', 'makanan', 'nasi bungkus', 'sembako', 'logistik makanan'],
  blanket: ['blanket', 'blankets', 'selimut'],
  tarp: ['tarp', 'tarps', 'tarpaulin', 'terpal'],
  baby_milk: ['baby milk', 'formula', 'infant formula', 'baby formula', 'susu bayi', 'susu formula'],
  milk: ['milk', 'susu'],
  noodles: ['instant noodles', 'noodles', 'mie instan', 'mi instan', 'mie', 'indomie'],
  clothes: ['clothes', 'clothing', 'pakaian', 'baju', 'pakaian layak pakai'],
  hygiene_kit: [
    'hygiene kit',
    'hygiene kits',
    'hygiene',
    'kit kebersihan',
    'alat mandi',
    'perlengkapan mandi',
  ],
  mask: ['mask', 'masks', 'face mask', 'masker'],
  tent: ['tent', 'tents', 'tenda'],
  mattress: ['mattress', 'mattresses', 'kasur', 'mat', 'mats', 'tikar'],
  sanitary_pads: ['sanitary pads', 'pads', 'pembalut'],
  soap: ['soap', 'sabun'],
  flashlight: ['flashlight', 'torch', 'senter'],
  cooking_oil: ['cooking oil', 'oil', 'minyak goreng', 'minyak'],
  eggs: ['eggs', 'egg', 'telur'],
} as const satisfies Record<string, readonly string[]>;

export type ItemId = keyof typeof ITEM_WORDS;
export const ITEM_IDS = Object.keys(ITEM_WORDS) as ItemId[];

export const UNIT_WORDS = {
  kg: ['kg', 'kgs', 'kilo', 'kilos', 'kilogram', 'kilograms'],
  liter: ['l', 'ltr', 'liter', 'liters', 'litre', 'litres'],
  sack: ['sack', 'sacks', 'karung', 'bag', 'bags'],
  box: ['box', 'boxes', 'carton', 'cartons', 'dus', 'kardus', 'kotak'],
  pack: ['pack', 'packs', 'packet', 'packets', 'bungkus', 'pak', 'paket'],
  bottle: ['bottle', 'bottles', 'botol'],
  gallon: ['gallon', 'gallons', 'galon'],
  can: ['can', 'cans', 'tin', 'tins', 'kaleng'],
  piece: ['pcs', 'pc', 'piece', 'pieces', 'buah', 'biji', 'lembar', 'sheet', 'sheets'],
} as const satisfies Record<string, readonly string[]>;

export type UnitId = keyof typeof UNIT_WORDS;

/** One line of a request. `item` is a catalog id, or `other` with the person's own words in `text`. */
export interface RequestItem {
  item: ItemId | 'other';
  qty?: number;
  unit?: UnitId;
  text?: string;
}

export type ItemsProblem = 'empty' | 'too-long' | 'too-many' | 'no-name' | 'bad-quantity' | 'not-positive';
export type ItemsParse =
  | { ok: true; items: RequestItem[] }
  | { ok: false; problem: ItemsProblem; part?: string };

export const MAX_ITEMS_TEXT = 1000;
export const MAX_ITEMS = 20;
export const MAX_QUANTITY = 100_000;
const MAX_OTHER_TEXT = 60;

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

const ITEM_BY_WORD = new Map<string, ItemId>(
  ITEM_IDS.flatMap((id) => ITEM_WORDS[id].map((w) => [w, id] as const)),
);
// Longest first, so `susu bayi` wins over `susu` and `mie instan` over `mie`.
const ITEM_PHRASES = [...ITEM_BY_WORD.keys()].sort((a, b) => b.length - a.length);
const UNIT_BY_WORD = new Map<string, UnitId>(
  (Object.keys(UNIT_WORDS) as UnitId[]).flatMap((id) => UNIT_WORDS[id].map((w) => [w, id] as const)),
);
const FILLER = new Set([
  'of',
  'x',
  'isi',
  'for',
  'untuk',
  'the',
  'some',
  'please',
  'tolong',
  'butuh',
  'need',
]);

const NUMBER = /^(?:\d+(?:\.\d+)?|\d{1,3}(?:\.\d{3})+)$/;
/** Words after which a number is part of an address (`No. 5`, `RT 02`, `km 8`, `Gg. 3`), never a quantity. */
const ADDRESS_MARKERS = new Set([
  'no',
  'nomor',
  'nomer',
  'nmr',
  'rt',
  'rw',
  'gg',
  'gang',
  'km',
  'blok',
  'kav',
  'lt',
  'lantai',
  'kamar',
  'jl',
  'jln',
  'jalan',
  'dusun',
  'desa',
]);
const GLUED = /^(\d+(?:\.\d+)?|\d{1,3}(?:\.\d{3})+)([a-z]+)$/;
const TIMES = /^x(\d+(?:\.\d+)?)$/;
// In Indonesian the dot groups thousands: `1.000 liter`, `10.000` (a decimal is written with a comma).
const THOUSANDS = /^\d{1,3}(?:\.\d{3})+$/;
const quantity = (w: string) => Number(THOUSANDS.test(w) ? w.replace(/\./g, '') : w);

function lookupItem(name: string): ItemId | undefined {
  const exact = ITEM_BY_WORD.get(name) ?? ITEM_BY_WORD.get(name.replace(/s$/, ''));
  if (exact) return exact;
  const padded = ` ${name} `;
  const phrase = ITEM_PHRASES.find((p) => padded.includes(` ${p} `));
  return phrase ? ITEM_BY_WORD.get(phrase) : undefined;
}

type Piece = { item: RequestItem } | { problem: ItemsProblem } | undefined;

function parsePiece(raw: string): Piece {
  const words = fold(raw)
    .replace(/[^\p{L}\p{N}.]+/gu, ' ')
    .replace(/(?<!\d)\.|\.(?!\d)/g, ' ')
    .split(' ')
    .filter(Boolean);
  if (!words.some((w) => /\p{L}|\d/u.test(w))) return undefined;
  let qty: number | undefined;
  let unit: UnitId | undefined;
  const name: string[] = [];
  // Words a unit took, kept so an item named with a unit word (`nasi bungkus`) is still found whole.
  const whole: string[] = [];
  for (const [i, w] of words.entries()) {
    const glued = GLUED.exec(w);
    const times = TIMES.exec(w);
    const inAddress = i > 0 && ADDRESS_MARKERS.has(words[i - 1]!);
    if (inAddress && NUMBER.test(w)) {
      name.push(w);
      whole.push(w);
    } else if (qty === undefined && NUMBER.test(w)) qty = quantity(w);
    else if (qty === undefined && times) qty = quantity(times[1]!);
    else if (qty === undefined && glued && (UNIT_BY_WORD.has(glued[2]!) || glued[2] === 'x')) {
      qty = quantity(glued[1]!);
      unit = UNIT_BY_WORD.get(glued[2]!);
    } else if (unit === undefined && UNIT_BY_WORD.has(w)) {
      unit = UNIT_BY_WORD.get(w);
      whole.push(w);
    } else if (!FILLER.has(w)) {
      name.push(w);
      whole.push(w);
    }
  }
  const named = ITEM_BY_WORD.get(whole.join(' '));
  if (named && named !== lookupItem(name.join(' '))) unit = undefined;
  if (qty !== undefined && !(qty > 0)) return { problem: 'not-positive' };
  if (qty !== undefined && qty > MAX_QUANTITY) return { problem: 'bad-quantity' };
  const text = name.join(' ');
  if (!text) return { problem: 'no-name' };
  const measure = {
    ...(qty === undefined ? {} : { qty: Math.round(qty * 10) / 10 }),
    ...(unit === undefined ? {} : { unit }),
  };
  const id = named ?? lookupItem(text);
  if (id) return { item: { item: id, ...measure } };
  return { item: { item: 'other', ...measure, text: text.slice(0, MAX_OTHER_TEXT) } };
}

/** Splits a list on commas, semicolons, new lines, `+`, `&`, `and`, `dan`. */
export function splitItems(text: string): string[] {
  return text
    .split(/[,;\n+&]+|\s+(?:and|dan|serta)\s+/i)
    .map((p) => p.trim())
    .filter(Boolean);
}

// `2,5 kg`: the Indonesian decimal comma (one or two decimals; `1,000` stays a list or a thousand).
const DECIMAL_COMMA = /(?<=\d),(?=\d{1,2}(?!\d))/g;
// `-5 rice`: a minus glued to a number (a list's `- 5 rice` bullet has a space).
const NEGATIVE = /(?<![\p{L}\p{N}])[-−]\d/u;

// A quantity leading a line (`999999999 water` is refused as a quantity, not hidden as a phone number).
const LEADING_QUANTITY = /^\s*\d+(?:\.\d+)?(?=\s*\p{L})/u;

/**
 * Words outside the catalog are announced to groups as written, so a phone number or a place in them
 * goes first: `Pak Darto 0877-6655-4433` is not the item "darto 6655 4433" with quantity 877.
 */
function withoutPersonalData(part: string): string {
  const lead = LEADING_QUANTITY.exec(part)?.[0] ?? '';
  return lead + redactText(part.slice(lead.length));
}

/** Items and quantities from free text, or the reason to ask again. Never throws. */
export function parseItems(text: string): ItemsParse {
  if (text.length > MAX_ITEMS_TEXT) return { ok: false, problem: 'too-long' };
  const items: RequestItem[] = [];
  // A quantity in words is a quantity: `beras lima karung`, `empat puluh selimut`.
  for (const part of splitItems(wordsToDigits(text).replace(DECIMAL_COMMA, '.'))) {
    if (NEGATIVE.test(part)) return { ok: false, problem: 'not-positive', part: part.slice(0, 60) };
    const piece = parsePiece(withoutPersonalData(part));
    if (!piece) continue;
    if ('problem' in piece) return { ok: false, problem: piece.problem, part: part.slice(0, 60) };
    const same = items.find(
      (i) => i.item === piece.item.item && i.unit === piece.item.unit && i.text === piece.item.text,
    );
    // `20 water, 10 air` is one line of 30 water.
    if (same && same.qty !== undefined && piece.item.qty !== undefined) same.qty += piece.item.qty;
    else if (!same) items.push(piece.item);
    if (items.length > MAX_ITEMS) return { ok: false, problem: 'too-many' };
  }
  return items.length > 0 ? { ok: true, items } : { ok: false, problem: 'empty' };
}

/** Catalog items two requests have in common (`other` items compare by their words). */
export function sharedItems(a: readonly RequestItem[], b: readonly RequestItem[]): boolean {
  const key = (i: RequestItem) => (i.item === 'other' ? `other:${i.text}` : i.item);
  const keys = new Set(a.map(key));
  return b.some((i) => keys.has(key(i)));
}
