import { takeContact } from './contact-text.ts';
import { withoutEstimate, wordsToDigits } from './number-words.ts';

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
// A count as Indonesians write it: `6`, `1.000` (the dot groups thousands).
const COUNT = String.raw`\d{1,3}(?:\.\d{3})+|\d{1,6}`;
// `untuk 6 orang`, `for 6 people`, `6 jiwa`, `6 KK`, `utk 6`: the number is the people count.
const PEOPLE = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,\-])(?:(?:untuk|utk|buat|for)\s+)?(${COUNT})\s*(?:${PEOPLE_WORDS})(?![\p{L}\p{N}])` +
    String.raw`|(?<![\p{L}\p{N}])(?:untuk|utk|buat|for)\s+(${COUNT})\s*$`,
  'giu',
);

/** `1.000` → 1000, `12` → 12: a whole number with Indonesian thousands dots. */
export const wholeNumber = (written: string) => Number(written.replace(/\./g, ''));

/** A whole answer that is only a count (`20`, `1.000`), as asked "for how many people?". */
export function bareCount(text: string): number | undefined {
  const m = new RegExp(`^\\s*(${COUNT})\\s*[.!]?\\s*$`).exec(wordsToDigits(withoutEstimate(text)));
  return m ? wholeNumber(m[1]!) : undefined;
}

// A part that starts with a contact word and has no number (`hubungi saya`, `kontak Bu Sri`, `wa aja`)
// says how to reach the person, never what they need: it is no item (and no name goes to the groups).
// Not `hp`: a phone is also a thing people ask for (`hp charger`).
const CONTACT_PART =
  /(?:^|(?<=[,;\n]))[^,;\n\p{L}]*(?:hubungi|hub|kontak|kontek|contact|call|telp|telpon|telepon|tlp|tlpn|wa|whatsapp)(?![\p{L}])[^,;\n\d]*(?=[,;\n]|$)/giu;

export function readSupplyText(text: string): SupplyText {
  // The contact first: `untuk 0812-3456-7000 orang` is a phone number, not 7,000 people.
  // Counts in words are counts: `untuk lima orang`, `beras dua karung`.
  const contact = takeContact(wordsToDigits(text));
  let people: number | undefined;
  const rest = contact.rest.replace(PEOPLE, (_m, a: string | undefined, b: string | undefined) => {
    const n = wholeNumber(a ?? b ?? '');
    if (people === undefined && n >= 1 && n <= MAX_PEOPLE) people = n;
    return ' ';
  });
  return {
    itemsText: rest
      .replace(CONTACT_PART, ' ')
      .replace(/[ \t]+/g, ' ')
      .trim(),
    ...(people === undefined ? {} : { people }),
    ...(contact.phone ? { phone: contact.phone } : {}),
  };
}
