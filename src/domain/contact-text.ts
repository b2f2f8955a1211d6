import { findCoordinates } from './coordinates.ts';

/**
 * Phone numbers in what people write, and the contact a message gives: read out before items, counts
 * and addresses, so a number is never a quantity, a people count or part of an address. Pure.
 */

// An area code in brackets is part of the number: `(0274) 512345`.
const PHONE_RE = /(?<![\w+])(?:\+|00)?\(?\d(?:[\s.-]?\d|\)\s?\d){7,14}(?!\w)/;
const all = (re: RegExp) => new RegExp(re.source, 'gu');
// People group a number in 3s and 4s, and an Indonesian phone number has 10 to 13 digits: a last
// group after a space that is one or two digits, or that a people word follows (`0812-3456-7890 100
// jiwa`), is the next thing said, not the number's end.
const TAIL = /\s(\d{1,4})$/;
const PEOPLE_NEXT = /^\s*(?:orang|org|jiwa|people|persons?|ppl|pax|kk|keluarga|families|family)(?!\p{L})/iu;
function trimmed(written: string, after: string): string {
  const tail = TAIL.exec(written);
  if (!tail || !(tail[1]!.length <= 2 || PEOPLE_NEXT.test(after))) return written;
  const cut = written.slice(0, tail.index);
  return cut.replace(/\D/g, '').length >= 10 ? cut : written;
}

/** A phone number as written, digits and a leading + only. */
export function parsePhone(text: string): string | undefined {
  const m = PHONE_RE.exec(text);
  if (!m) return undefined;
  const digits = trimmed(m[0], text.slice(m.index + m[0].length)).replace(/[^\d+]/g, '');
  return digits.replace(/\+/g, '').length >= 8 ? digits : undefined;
}

/** Every phone number in the text, as spans with its digits (and a leading +). */
export function findPhones(text: string): { start: number; end: number; digits: string }[] {
  return [...text.matchAll(all(PHONE_RE))]
    .map((m) => ({ start: m.index, written: trimmed(m[0], text.slice(m.index + m[0].length)) }))
    .map(({ start, written }) => ({
      start,
      end: start + written.length,
      digits: written.replace(/[^\d+]/g, ''),
    }))
    .filter((p) => p.digits.replace(/\+/g, '').length >= 8);
}

/**
 * Words that say "the number after me is how to reach us", wherever they stand: `hubungi Bu Sri 0812...`,
 * `kontak: 0812...`, `telp 0274 123456`, `WA 0812...`, `HP 0812...`, `call 0812...`.
 */
const CONTACT_CUE = String.raw`(?<![\p{L}\p{N}])(?:hubungi|hub|kontak|kontek|contact|call|telp|telpon|telepon|tlp|tlpn|tel|phone|hp|no\.?\s*hp|nomor|no\.?\s*wa|wa|whatsapp)(?![\p{L}])\.?\s*:?\s*`;
// The cue, up to three words of a name (`Bu Sri`), then a number of at least 6 digits.
const CUED_PHONE = new RegExp(
  String.raw`${CONTACT_CUE}(?:(?:ke|di|at|to)\s+)?(?:[\p{L}.']+\s+){0,3}?(\+?\(?\d(?:[\s.\-()]?\d|\)\s\d){5,14})(?![\p{N}])(?:\s*\([^()\d]{1,40}\))?`,
  'giu',
);

/**
 * The contact a text gives, taken out of it: a number after a cue word (with the cue and the name
 * between them), or else any number of 8 or more digits outside coordinates. Never read as an item, a
 * quantity, a people count or part of an address.
 */
export function takeContact(text: string): { rest: string; phone?: string } {
  let phone: string | undefined;
  let rest = text.replace(CUED_PHONE, (m: string, number: string, at: number) => {
    const kept = trimmed(number, text.slice(at + m.length));
    phone ??= kept.replace(/[^\d+]/g, '');
    return ` ${number.slice(kept.length)}`;
  });
  const points = findCoordinates(rest);
  const phones = findPhones(rest).filter((p) => !points.some((c) => p.start < c.end && c.start < p.end));
  for (const p of [...phones].reverse()) rest = `${rest.slice(0, p.start)} ${rest.slice(p.end)}`;
  phone ??= phones[0]?.digits;
  return { rest: rest.replace(/[ \t]+/g, ' ').trim(), ...(phone ? { phone } : {}) };
}
