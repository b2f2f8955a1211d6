/**
 * Whether two names people typed may be the same person, as Indonesian names are spelled: `Muhammad`,
 * `Muhamad`, `Moh.`, `Mohd`; `Siti` and `Sitti`; the old spelling `Soekarno` for `Sukarno`, `Djoko` for
 * `Joko`, `Tjipto` for `Cipto`; titles (`Bu`, `Pak`, `Mbah`...) dropped. A match is a hint for a
 * coordinator to check, never a conclusion: it errs towards showing a possible match.
 */

const TITLES = new Set([
  'bu',
  'ibu',
  'pak',
  'bapak',
  'bpk',
  'mbak',
  'mba',
  'mas',
  'mbah',
  'nenek',
  'kakek',
  'adik',
  'dik',
  'dek',
  'kak',
  'om',
  'tante',
  'haji',
  'hj',
  'h',
  'ny',
  'nyonya',
  'tn',
  'sdr',
  'sdri',
  'mr',
  'mrs',
  'ms',
  'bin',
  'binti',
]);

const SAME_NAME: Record<string, string> = {
  moh: 'muhammad',
  mohd: 'muhammad',
  muh: 'muhammad',
  md: 'muhammad',
  mhd: 'muhammad',
  muhamad: 'muhammad',
  mohammad: 'muhammad',
  mohamad: 'muhammad',
  mohammed: 'muhammad',
  muhammed: 'muhammad',
  m: 'muhammad',
};

/** The spelling a name part is compared in: old Dutch-era spellings modernised, doubled letters single. */
function canonicalPart(part: string): string {
  const known = SAME_NAME[part];
  if (known) return known;
  return part
    .replace(/oe/g, 'u')
    .replace(/dj/g, 'j')
    .replace(/tj/g, 'c')
    .replace(/sj/g, 'sy')
    .replace(/ch/g, 'kh')
    .replace(/(.)\1+/g, '$1');
}

/** A name's comparable parts: lowercase letters only, titles out, each part in its canonical spelling. */
export function nameParts(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((p) => p.length > 0 && !TITLES.has(p))
    .map(canonicalPart)
    .filter((p) => p.length > 1 || p === 'muhammad');
}

/** Levenshtein distance, stopped early past `max`. */
function within(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    if (Math.min(...row) > max) return false;
    prev = row;
  }
  return prev[b.length]! <= max;
}

const partsMatch = (a: string, b: string) => a === b || (a.length >= 5 && b.length >= 5 && within(a, b, 1));

/**
 * True when the names share a distinctive part (not `muhammad` alone, which half a village shares),
 * allowing one typo in a part of five letters or more.
 */
export function similarNames(a: string, b: string): boolean {
  const pa = nameParts(a);
  const pb = nameParts(b);
  const distinctive = pa.filter((p) => p !== 'muhammad');
  if (distinctive.length === 0) return pa.length > 0 && pa.join(' ') === pb.join(' ');
  return distinctive.some((x) => pb.some((y) => y !== 'muhammad' && partsMatch(x, y)));
}
