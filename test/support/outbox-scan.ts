/**
 * An independent, cruder reading than the redaction's (src/domain/redaction.ts), for checking what
 * reached groups: any 8 digits with only punctuation or spaces between them (dates and time ranges
 * aside), or a decimal degree with 3 or more decimals. `allowed` holds the digits of registered public
 * contacts, which may be published.
 */
export function leaks(text: string, allowed: ReadonlySet<string> = new Set()): string[] {
  const plain = text.normalize('NFKC').replace(/[\u200B-\u200F\u2060-\u2064\uFEFF]/g, '');
  // A number never spans lines, nor a list's `, ` or a label's `: `.
  const runs = plain.split('\n').flatMap((line) => line.match(/\d[\d \t\p{P}\p{S}]*\d/gu) ?? []);
  const published = (digits: string) =>
    [...allowed].some((a) => digits.endsWith(a.replace(/^62/, '')) || a.endsWith(digits.replace(/^0/, '')));
  const phoneLike = runs
    .flatMap((r) => r.split(/[,;:]\s+|\s{2,}/))
    .filter((r) => r.replace(/\D/g, '').length >= 8)
    .filter(
      (r) => !/^(\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?|\d{1,2}[.:]\d{2}\s*-\s*\d{1,2}[.:]\d{2})$/.test(r.trim()),
    )
    .filter((r) => !/^-?\d{1,2}\.\d{2},-?\d{1,3}\.\d{2}$/.test(r.trim()))
    .filter((r) => !published(r.replace(/\D/g, '')));
  const fine = plain.match(/\d\.\d{3,}/g) ?? [];
  return [...phoneLike, ...fine];
}
