import { findPhones } from './sos-text.ts';

/**
 * What a one-shot supply request says besides its items: `/butuh air dan beras untuk 6 orang`,
 * `6 orang: 20 air`, `obat untuk Bu Sri 0812-3456-7000, 2 selimut`. The people count and phone numbers
 * are taken out before the items are read, so neither ever becomes a quantity. Pure.
 */
export interface SupplyText {
  /** The text left for the items. */
  itemsText: string;
  people?: number;
  /** The first phone number, digits and a leading + only. */
  phone?: string;
}

const MAX_PEOPLE = 100_000;
const PEOPLE_WORDS = String.raw`orang|org|jiwa|people|persons|person|ppl|pax|kk|kepala\s+keluarga|keluarga|families|family|households?`;
// `untuk 6 orang`, `for 6 people`, `6 jiwa`, `6 KK`, `utk 6`: the number is the people count.
const PEOPLE = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,])(?:(?:untuk|utk|buat|for)\s+)?(\d{1,6})\s*(?:${PEOPLE_WORDS})(?![\p{L}\p{N}])` +
    String.raw`|(?<![\p{L}\p{N}])(?:untuk|utk|buat|for)\s+(\d{1,6})\s*$`,
  'giu',
);

export function readSupplyText(text: string): SupplyText {
  let people: number | undefined;
  let rest = text.replace(PEOPLE, (_m, a: string | undefined, b: string | undefined) => {
    const n = Number(a ?? b);
    if (people === undefined && n >= 1 && n <= MAX_PEOPLE) people = n;
    return ' ';
  });
  const phones = findPhones(rest);
  for (const p of [...phones].reverse()) rest = `${rest.slice(0, p.start)} ${rest.slice(p.end)}`;
  const phone = phones[0]?.digits;
  return {
    itemsText: rest.replace(/[ \t]+/g, ' ').trim(),
    ...(people === undefined ? {} : { people }),
    ...(phone ? { phone } : {}),
  };
}
