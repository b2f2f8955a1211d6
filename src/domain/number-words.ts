/**
 * Numbers written in words, 1 to 100, as people write counts and quantities: `lima`, `tiga belas`,
 * `empat puluh dua`, `seratus`, `forty-two`. One table for the people count (SOS and supply) and the
 * item quantities, so `beras lima karung` is 5 sacks and `untuk lima orang` 5 people. Pure.
 */

export const ID_UNITS = ['satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'];
const EN_UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const EN_TEENS = 'ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(' ');
const EN_TENS = 'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ');

export const NUMBER_WORDS: Readonly<Record<string, number>> = Object.fromEntries([
  ...ID_UNITS.map((w, i) => [w, i + 1]),
  ['sepuluh', 10],
  ['sebelas', 11],
  ...ID_UNITS.slice(1).map((w, i) => [`${w} belas`, i + 12]),
  ...ID_UNITS.slice(1).flatMap((t, i) => [
    [`${t} puluh`, (i + 2) * 10],
    ...ID_UNITS.map((u, j) => [`${t} puluh ${u}`, (i + 2) * 10 + j + 1]),
  ]),
  ['seratus', 100],
  ...EN_UNITS.map((w, i) => [w, i + 1]),
  ...EN_TEENS.map((w, i) => [w, i + 10]),
  ...EN_TENS.flatMap((t, i) => [
    [t, (i + 2) * 10],
    ...EN_UNITS.map((u, j) => [`${t} ${u}`, (i + 2) * 10 + j + 1]),
  ]),
  ['hundred', 100],
  ['a hundred', 100],
  ['one hundred', 100],
]);

/** A regex alternation of the words, longest first so `dua belas` wins over `dua`; spaces match `-` too. */
export const NUMBER_WORD_ALTERNATIVES = Object.keys(NUMBER_WORDS)
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(/ /g, String.raw`[\s-]+`))
  .join('|');

/** `dua belas` → 12, `Forty-Two` → 42; undefined for anything else. */
export const numberWord = (written: string): number | undefined =>
  NUMBER_WORDS[written.toLowerCase().replace(/[\s-]+/g, ' ')];

const IN_TEXT = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${NUMBER_WORD_ALTERNATIVES})(?![\p{L}\p{N}])`,
  'giu',
);

/** `beras lima karung untuk dua puluh orang` → `beras 5 karung untuk 20 orang`. */
export const wordsToDigits = (text: string): string =>
  text.replace(IN_TEXT, (w) => String(numberWord(w) ?? w));

// An estimate is a count: `sekitar 20`, `kurang lebih 15`, `±30`, `20an`, `about 40`.
const ESTIMATE =
  /^(?:sekitar|kira[\s-]?kira|kira2|kurang\s+lebih|kurleb|lebih\s+dari|hampir|about|around|approx\.?|approximately|more\s+than|±|\+-|\+\/-|~)?\s*(.+?)(?:\s*-?an)?\s*[.!]?$/iu;

/** `sekitar 20an` → `20`, `kurang lebih lima` → `lima`: a whole answer that estimates, as the number. */
export const withoutEstimate = (text: string): string => ESTIMATE.exec(text.trim())?.[1] ?? text.trim();
