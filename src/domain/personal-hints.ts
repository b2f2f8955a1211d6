/**
 * Signs that a text meant for groups (a broadcast) speaks of a person: a house address (a street with
 * a house number, RT/RW or block, or "rumah Bu ..."), a person named with an honorific, an e-mail
 * address. Not a redaction (nothing is removed): the author is shown the text and confirms it before
 * it goes. A road alone ("Jl. Parangtritis ditutup") is public news and no sign.
 */
export type PersonalHint = 'address' | 'name' | 'email';

const B = String.raw`(?:^|[^\p{L}\p{N}])`;
const HOUSE = new RegExp(
  `${B}(?:no|nomor|nomer|rt|rw|kav)\\.?\\s*\\d|${B}blok\\s*\\p{L}?[\\s/.-]?\\d|${B}rumah\\s+(?:bu|pak|ibu|bapak|mbak|mas|mbah|keluarga)\\b`,
  'iu',
);
/** A word in any case, for a pattern that must tell capitals apart elsewhere (so without the `i` flag). */
const anyCase = (words: string) => words.replace(/\p{Ll}/gu, (c) => `[${c}${c.toUpperCase()}]`);
const STREET_WORD = anyCase('jalan|gang|lorong|komplek|kompleks|perum|perumahan');
/** Abbreviations are written only before a street's name, so its later words may be in any case. */
const STREET_ABBREVIATION = anyCase('jl|jln|gg|lr');
const KM = `${anyCase('km')}\\b`;
/**
 * A street, lane or housing estate and then a house number, with or without "No." (`Jl. Mawar 5`,
 * `Gg. Melati 3`, `Jalan Kenanga 17A`, `Perum Griya Asri C-7`, `Jl. Mawar #5`); a road's kilometre post
 * (`Jl. Parangtritis km 7 ditutup`) is public news, not a house. After `jalan` or `gang`, words of their
 * own, a name's later words are capitalised, so that `Jalan Parangtritis ditutup sampai 12 Desember` is
 * not read as one; after `Jl.` or `Gg.` they may be in any case (`jl. mawar merah 5`).
 */
const NAME_WORD = (first: string) => `(?!${KM})${first}[\\p{L}'-]*\\.?\\s*`;
const HOUSE_NUMBER = `(?:${anyCase('no|nr')}\\.?|#)?\\s*(?:\\p{L}[-/])?\\d`;
const STREET = new RegExp(
  `${B}(?:(?:${STREET_WORD})\\.?\\s*${NAME_WORD('\\p{L}')}(?:${NAME_WORD('\\p{Lu}')}){0,3}|(?:${STREET_ABBREVIATION})\\.?\\s*(?:${NAME_WORD('\\p{L}')}){1,4})${HOUSE_NUMBER}`,
  'u',
);
/** A household named after a person: `rumah Siti`, `keluarga Darto` (not `Rumah Sakit`, a public place). */
const HOUSEHOLD = new RegExp(
  `${B}(?:[Rr]umah|[Kk]eluarga)\\s+(?!Sakit|Makan|Ibadah|Singgah|Susun|Adat|Dinas)\\p{Lu}\\p{Ll}+`,
  'u',
);
// The honorific in any case, the name after it capitalised: "pak Darto", "Bu Siti".
const NAME = new RegExp(
  `${B}(?:[Bb]u|[Pp]ak|[Ii]bu|[Bb]apak|[Mm]bak|[Mm]as|[Mm]bah|[Ss]dri?|[Mm]rs?|[Mm]s)\\.?\\s+\\p{Lu}\\p{Ll}+`,
  'u',
);
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+\.\p{L}{2,}/u;

/** Which kinds of personal detail a text seems to hold, in a fixed order; empty when none. */
export function personalHints(text: string): PersonalHint[] {
  const hints: PersonalHint[] = [];
  if (HOUSE.test(text) || STREET.test(text) || HOUSEHOLD.test(text)) hints.push('address');
  if (NAME.test(text)) hints.push('name');
  if (EMAIL.test(text)) hints.push('email');
  return hints;
}
