/**
 * Signs that a text meant for groups (a broadcast) speaks of a person: a house address (a street with
 * a house number, RT/RW or block, or "rumah Bu ..."), a person named with an honorific, an e-mail
 * address. Not a redaction (nothing is removed): the author is shown the text and confirms it before
 * it goes. A road alone ("Jl. Parangtritis ditutup") is public news and no sign.
 */
export type PersonalHint = 'address' | 'name' | 'email';

const B = String.raw`(?:^|[^\p{L}\p{N}])`;
const HOUSE = new RegExp(
  `${B}(?:no|nomor|nomer|rt|rw|kav)\\.?\\s*\\d|${B}blok\\s*\\p{L}?\\d|${B}rumah\\s+(?:bu|pak|ibu|bapak|mbak|mas|mbah|keluarga)\\b`,
  'iu',
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
  if (HOUSE.test(text)) hints.push('address');
  if (NAME.test(text)) hints.push('name');
  if (EMAIL.test(text)) hints.push('email');
  return hints;
}
