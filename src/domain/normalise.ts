/**
 * The one normaliser of what people type, applied once to every inbound text before any reader
 * (coordinates, quantities, people counts, phone numbers) sees it: NFKC folds full-width forms
 * (`－７.９１`, `２０`), and every script's decimal digits (Unicode Nd: Arabic-Indic `٢٠`, Devanagari
 * `२०`, Bengali, Thai, ...) become ASCII digits, with the Arabic decimal, thousands and comma marks, and a
 * dash before a digit is a minus (`–7.91`). Pure.
 */

const ANY_DIGIT = /\p{Nd}/gu;
const IS_DIGIT = /^\p{Nd}$/u;
const digitValues = new Map<string, string>();

/** The value of a decimal digit of any script: Unicode lays each script's digits out 0 to 9 in a run. */
export function digitValue(d: string): string {
  let v = digitValues.get(d);
  if (v === undefined) {
    const cp = d.codePointAt(0)!;
    let start = cp;
    while (start > cp - 60 && IS_DIGIT.test(String.fromCodePoint(start - 1))) start--;
    v = String((cp - start) % 10);
    digitValues.set(d, v);
  }
  return v;
}

// The Arabic decimal and thousands separators, comma and semicolon, which NFKC leaves alone: an Arabic
// keyboard types `-٧٫٩١، ١١٠٫٣٣` for `-7.91, 110.33`.
const ARABIC_MARKS: Record<string, string> = { '\u066B': '.', '\u066C': ',', '\u060C': ',', '\u061B': ';' };
// Dashes a phone keyboard or a copy-paste puts for a minus (`–7.91`, en dash; `−`, the minus sign).
const DASH_BEFORE_DIGIT = /[\u2010-\u2015\u2212\uFE58\uFE63](?=\d)/g;

/** `SOS －７.９１２３,１１０.３３５６` → `SOS -7.9123,110.3356`; `٢٠ orang` → `20 orang`. */
export function normaliseInput(text: string): string {
  return text
    .normalize('NFKC')
    .replace(ANY_DIGIT, (d) => (d >= '0' && d <= '9' ? d : digitValue(d)))
    .replace(/[\u066B\u066C\u060C\u061B]/g, (m) => ARABIC_MARKS[m]!)
    .replace(DASH_BEFORE_DIGIT, '-');
}
