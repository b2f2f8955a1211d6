/**
 * The one reader of coordinates written in text, for every place they come in (SOS text, `/need @`,
 * `/locate`, `/available`, dialogs) and for the privacy redaction.
 *
 * API (stable):
 * - `readCoordinates(text)`: the first coordinate-shaped thing in the text, in text order, or undefined:
 *   `{ kind: 'point', lat, lon, start, end }`, or `{ kind: 'out-of-range', written, start, end }` when it
 *   is written like coordinates but lies off the globe (`999,999`, `95.1,110.2`, `7°75'00"S ...`). An
 *   out-of-range verdict is a refusal to show the person; its text must never become an address or a phone.
 * - `findCoordinates(text)`: every point in the text as `{ start, end, lat, lon }` (spans into `text`, in
 *   order, not overlapping; a map link's span is the whole link). Points only, for redaction.
 * - `withoutCoordinates(text)`: the text with every coordinate-shaped span (out-of-range ones too) blanked.
 *
 * Shapes read: decimal pairs separated by a comma, space or semicolon (optionally labelled `lat`/`lon`),
 * with any punctuation after them (`-7.912345,110.335678.`); a decimal comma (`-7,9123 110,3356`);
 * degrees-minutes-seconds or decimal degrees with hemisphere letters, English (N/S/E/W) or Indonesian
 * (LU/LS/BT/BB), in either position (`7°54'44.4"S 110°20'08.4"E`, `S 7° 54′ 44.4″, E 110° 20′ 8.4″`,
 * `LS 7.9123 BT 110.3356`); a slash between a decimal pair (`-7.9123/110.3356`);
 * `geo:` URIs; Google Maps (`?q=`, `query=`, `ll=`, `/@lat,lon,15z`, `/place/.../@`, `!3d..!4d..`),
 * OpenStreetMap (`#map=z/lat/lon`, `mlat=&mlon=`) and Apple Maps (`ll=`, `q=`) links; full plus codes
 * (`6P5G2QQV+W7`; short codes need a town to resolve and are left alone).
 * Latitude comes first, as every map app writes it; nothing is swapped on a guess.
 */

export interface CoordinateSpan {
  start: number;
  end: number;
  lat: number;
  lon: number;
}

export type CoordinateReading =
  | { kind: 'point'; lat: number; lon: number; start: number; end: number }
  | { kind: 'out-of-range'; written: string; start: number; end: number };

interface Candidate {
  start: number;
  end: number;
  lat: number;
  lon: number;
}

const inRange = (lat: number, lon: number) =>
  Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;

// `−` (U+2212) is what some keyboards and copy-pastes give for a minus.
const num = (s: string) => Number(s.replace('−', '-').replace(',', '.').replace(/\s+/g, ''));

// Not glued to a word or a longer number on either side; punctuation around is fine (`110.33.`,
// `SOS,-7.91,110.33`), but not a number's own decimal point or comma before (`1.5,-7.91`).
const BEFORE = String.raw`(?<![\p{L}\p{N}+\-−_])(?<!\p{N}[.,])`;
const AFTER = String.raw`(?![\p{L}\p{N}_]|[.,]\d)`;
const SIGN = '[-+−]?';
const LAT_LABEL = String.raw`(?:(?:lat(?:itude)?|lintang)\s*[:=]?\s*)?`;
const LON_LABEL = String.raw`(?:(?:lon(?:g(?:itude)?)?|lng|bujur)\s*[:=]?\s*)?`;

// Both parts need decimals, so "4, 5 orang" is no place.
const DOT_PAIR = new RegExp(
  `${BEFORE}${LAT_LABEL}(${SIGN}\\d{1,3}\\.\\d+)(?:\\s*[,;/]\\s*|\\s+)${LON_LABEL}(${SIGN}\\d{1,3}\\.\\d+)${AFTER}`,
  'giu',
);
// Decimal commas: the separator must then be a space or a semicolon (`-7,9123, 110,3356` too), and at
// least two decimals each, so "2,5 kg" next to a number is not read as a place.
const COMMA_PAIR = new RegExp(
  `${BEFORE}${LAT_LABEL}(${SIGN}\\d{1,3},\\d{2,})(?:\\s*;\\s*|,?\\s+)${LON_LABEL}(${SIGN}\\d{1,3},\\d{2,})${AFTER}`,
  'giu',
);
// Whole numbers are read only to refuse them (`SOS 999,999`): in range they are counts, not places.
const INTEGER_PAIR = new RegExp(
  `${BEFORE}(${SIGN}\\d{2,3})\\s*[,;]\\s*(${SIGN}\\d{2,3})(?![\\p{L}\\p{N}_]|[.,]?\\s?\\d)`,
  'giu',
);

const LAT_HEMI = '(N|S|LU|LS)';
const LON_HEMI = '(E|W|BT|BB)';
const NUMBER = String.raw`\d{1,3}(?:[.,]\d+)?`;
const SMALL = String.raw`\d{1,2}(?:[.,]\d+)?`;
// Degrees, then optional minutes and seconds; the marks people type vary (° º ˚, ' ′ ’, " ″ '' ”).
const ANGLE = String.raw`(${SIGN}${NUMBER})\s*[°º˚]\s*(?:(${SMALL})\s*(?:['′’‘´](?!['′’])))?\s*(?:(${SMALL})\s*(?:"|″|”|“|''|′′|’’))?`;
const angleWith = (hemi: string) => String.raw`(?:(?<![\p{L}])${hemi}\s*)?${ANGLE}\s*(?:${hemi}(?![\p{L}]))?`;
const DMS_PAIR = new RegExp(`${BEFORE}${angleWith(LAT_HEMI)}\\s*[,;/]?\\s*${angleWith(LON_HEMI)}`, 'giu');
// Decimal degrees with hemisphere letters and no degree sign: `7.9123 S 110.3356 E`.
const HEMI_PAIR = new RegExp(
  `${BEFORE}(\\d{1,3}[.,]\\d+)\\s*${LAT_HEMI}\\s*[,;/]?\\s*(\\d{1,3}[.,]\\d+)\\s*${LON_HEMI}(?![\\p{L}])`,
  'giu',
);

// The hemisphere first, as Indonesian documents write it: `LS 7.9123 BT 110.3356`, `S7.9123 E110.3356`.
const HEMI_FIRST_PAIR = new RegExp(
  `(?<![\\p{L}\\p{N}])${LAT_HEMI}\\s*(\\d{1,3}[.,]\\d+)\\s*[,;/]?\\s*${LON_HEMI}\\s*(\\d{1,3}[.,]\\d+)${AFTER}`,
  'giu',
);

const LINK = /(?:\bhttps?:\/\/|\bwww\.|\bmaps\.apple\.com\/|\bgeo:)[^\s<>]+/giu;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}'"»”’]$/u;

/** A link without the sentence's punctuation after it; a `)` closing a `(label)` inside the link stays. */
function trimLink(link: string): string {
  let out = link;
  while (TRAILING_PUNCTUATION.test(out)) {
    const opens = out.split('(').length;
    if (out.endsWith(')') && opens > out.split(')').length - 1) break;
    out = out.slice(0, -1);
  }
  return out;
}

const U = String.raw`[-+]?\d{1,3}(?:\.\d+)?`;
// In a link the context is explicit, so whole numbers count; the marked pin (!3d!4d, q=) before the view (@).
const LINK_POINTS: RegExp[] = [
  new RegExp(`!3d(${U})!4d(${U})`),
  new RegExp(
    `[?&;](?:q|query|ll|sll|daddr|destination|center|coordinates|point|loc)=(?:loc:)?(${U})\\s*,\\s*(${U})`,
    'i',
  ),
  new RegExp(`[?&]m?lat=(${U})&m?(?:lon|lng)=(${U})`, 'i'),
  new RegExp(`/@(${U}),(${U})`),
  new RegExp(`#map=\\d+(?:\\.\\d+)?/(${U})/(${U})`),
  new RegExp(`^geo:(${U}),(${U})`, 'i'),
  // /maps/place/-7.9,110.3, /dir//-7.9,110.3, /search/-7.9,+110.3
  new RegExp(`/(${U}),\\s*(${U})(?:[/?,]|$)`),
];

function decodeLink(link: string): string {
  try {
    return decodeURIComponent(link.replace(/\+/g, ' '));
  } catch {
    return link.replace(/\+/g, ' ').replace(/%2C/gi, ',');
  }
}

function pointInLink(link: string): { lat: number; lon: number } | undefined {
  const decoded = decodeLink(link);
  // geo:0,0?q=-7.9,110.3 puts the point in the query.
  const geoQuery = /^geo:0(?:\.0*)?,0(?:\.0*)?[;?]/i.test(decoded);
  const order = geoQuery ? [...LINK_POINTS.slice(0, -2), LINK_POINTS.at(-1)!] : LINK_POINTS;
  for (const re of order) {
    const m = re.exec(decoded);
    if (m) return { lat: Number(m[1]), lon: Number(m[2]) };
  }
  return geoQuery ? { lat: 0, lon: 0 } : undefined;
}

function links(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(LINK)) {
    const link = trimLink(m[0]);
    const point = pointInLink(link);
    if (point) found.push({ start: m.index, end: m.index + link.length, ...point });
  }
  return found;
}

function pairs(text: string, re: RegExp, accept: (lat: number, lon: number) => boolean): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(re)) {
    const lat = num(m[1]!);
    const lon = num(m[2]!);
    if (accept(lat, lon)) found.push({ start: m.index, end: m.index + m[0].length, lat, lon });
  }
  return found;
}

const signFor = (hemisphere: string | undefined) =>
  hemisphere && /^(S|LS|W|BB)$/i.test(hemisphere) ? -1 : 1;

/** Degrees, minutes, seconds → decimal degrees; NaN when minutes or seconds are 60 or more. */
function angle(
  deg: string,
  min: string | undefined,
  sec: string | undefined,
  hemi: string | undefined,
): number {
  const d = num(deg);
  const m = min === undefined ? 0 : num(min);
  const s = sec === undefined ? 0 : num(sec);
  if (m >= 60 || s >= 60 || (sec !== undefined && min === undefined)) return Number.NaN;
  const value = Math.abs(d) + m / 60 + s / 3600;
  return (/^[-−]/.test(deg) ? -value : value) * signFor(hemi);
}

function dms(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(DMS_PAIR)) {
    const [, latPre, latD, latM, latS, latPost, lonPre, lonD, lonM, lonS, lonPost] = m;
    if (latPre && latPost) continue;
    if (lonPre && lonPost) continue;
    const lat = angle(latD!, latM, latS, latPre ?? latPost);
    const lon = angle(lonD!, lonM, lonS, lonPre ?? lonPost);
    // NaN (minutes ≥ 60) still marks the text as an attempt at coordinates: it is refused, not an address.
    found.push({ start: m.index, end: m.index + m[0].length, lat, lon });
  }
  for (const m of text.matchAll(HEMI_PAIR)) {
    const lat = num(m[1]!) * signFor(m[2]);
    const lon = num(m[3]!) * signFor(m[4]);
    found.push({ start: m.index, end: m.index + m[0].length, lat, lon });
  }
  for (const m of text.matchAll(HEMI_FIRST_PAIR)) {
    const lat = num(m[2]!) * signFor(m[1]);
    const lon = num(m[4]!) * signFor(m[3]);
    found.push({ start: m.index, end: m.index + m[0].length, lat, lon });
  }
  return found;
}

function candidates(text: string): Candidate[] {
  const all = [
    ...links(text),
    ...plusCodes(text),
    ...dms(text),
    ...pairs(text, DOT_PAIR, () => true),
    ...pairs(text, COMMA_PAIR, () => true),
    ...pairs(text, INTEGER_PAIR, (lat, lon) => !inRange(lat, lon)),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Candidate[] = [];
  for (const c of all) {
    const last = kept.at(-1);
    if (!last || c.start >= last.end) kept.push(c);
  }
  return kept;
}

export function readCoordinates(text: string): CoordinateReading | undefined {
  const first = candidates(text)[0];
  if (!first) return undefined;
  const { start, end, lat, lon } = first;
  return inRange(lat, lon)
    ? { kind: 'point', lat, lon, start, end }
    : { kind: 'out-of-range', written: text.slice(start, end), start, end };
}

export function findCoordinates(text: string): CoordinateSpan[] {
  return candidates(text).filter((c) => inRange(c.lat, c.lon));
}

export function withoutCoordinates(text: string, replacement = ' '): string {
  let out = '';
  let at = 0;
  for (const c of candidates(text)) {
    out += text.slice(at, c.start) + replacement;
    at = c.end;
  }
  return out + text.slice(at);
}

// Open Location Code (plus codes), full codes only: https://github.com/google/open-location-code
// No npm package for it is on this machine's approved list, and decoding is a short, specified algorithm.
const OLC_ALPHABET = '23456789CFGHJMPQRVWX';
const PLUS_CODE =
  /(?<![\p{L}\p{N}+])([23456789CFGHJMPQRVWX]{8})\+([23456789CFGHJMPQRVWX]{2,})(?![\p{L}\p{N}])/giu;

/** The centre of a full plus code's area, or undefined when the code is not a valid full code. */
export function decodePlusCode(code: string): { lat: number; lon: number } | undefined {
  const digits = code.toUpperCase().replace('+', '');
  const first = OLC_ALPHABET.indexOf(digits[0] ?? '');
  const second = OLC_ALPHABET.indexOf(digits[1] ?? '');
  if (digits.length < 10 || first < 0 || first > 8 || second < 0 || second > 17) return undefined;
  let lat = -90;
  let lon = -180;
  let resolution = 400;
  for (let i = 0; i < 10; i += 2) {
    resolution /= 20;
    lat += OLC_ALPHABET.indexOf(digits[i]!) * resolution;
    lon += OLC_ALPHABET.indexOf(digits[i + 1]!) * resolution;
  }
  let latStep = resolution;
  let lonStep = resolution;
  for (const ch of digits.slice(10, 15)) {
    latStep /= 5;
    lonStep /= 4;
    const index = OLC_ALPHABET.indexOf(ch);
    lat += Math.floor(index / 4) * latStep;
    lon += (index % 4) * lonStep;
  }
  return { lat: lat + latStep / 2, lon: lon + lonStep / 2 };
}

function plusCodes(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(PLUS_CODE)) {
    const point = decodePlusCode(m[0]);
    if (point) found.push({ start: m.index, end: m.index + m[0].length, ...point });
  }
  return found;
}
