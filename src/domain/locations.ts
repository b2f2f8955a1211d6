import { findCoordinates } from './coordinates.ts';

/**
 * Where a text names a point on the earth, for the redaction: every shape the coordinate reader reads
 * (coordinates.ts), and what the redaction must catch beyond it: a lone fine decimal, a map link whose
 * point cannot be read. Works on normalised text (see redaction.ts). A span is `exact` when it is finer
 * than 2 decimals (about 1 km), the precision groups may see.
 */
export interface LocationSpan {
  start: number;
  end: number;
  /** Both absent for a map link whose point cannot be read (a short link): it is removed whole. */
  lat?: number;
  /** Absent for a lone decimal degree, which may be either. */
  lon?: number;
  exact: boolean;
}

const MAP_HOSTS =
  /^(?:[\w-]+\.)*(?:google\.[a-z.]+|goo\.gl|maps\.app\.goo\.gl|g\.co|openstreetmap\.org|osm\.org|waze\.com|bing\.com|here\.com|apple\.com|what3words\.com|w3w\.co|mapcarta\.com|wikimapia\.org|geohack\.toolforge\.org|plus\.codes)$/i;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"]+/gi;
const GEO_URI = /\bgeo:\s*([-+]?\d{1,2}(?:\.\d+)?)\s*,\s*([-+]?\d{1,3}(?:\.\d+)?)[^\s]*/gi;

const MIN_SEC = String.raw`\d{1,2}(?:[.,]\d+)?`;
/** 7°54'44.4"S, 7° 54.74' LS, -7°54′44″: degrees with minutes and maybe seconds, a sign or a hemisphere. */
const DMS_ONE = String.raw`(?:([-+\u2212])\s*)?(\d{1,3})\s*[°º˚]\s*(?:(${MIN_SEC})\s*(?:['′’]|m\b)\s*(?:(${MIN_SEC})\s*(?:["″”]|''|′′|’’|s\b)?)?)?\s*(LS|LU|BT|BB|[NSEWnsew](?![a-z]))?`;
const DMS_PAIR = new RegExp(
  `(?:([NSns]|LS|LU)\\s*)?${DMS_ONE}\\s*[,;/]?\\s*(?:([EWew]|BT|BB)\\s*)?${DMS_ONE}`,
  'g',
);
const DMS_SINGLE = new RegExp(DMS_ONE, 'g');

const HEMI_BEFORE = String.raw`(?:([NSns]|LS|LU)\s*)?`;
const HEMI_AFTER = String.raw`\s*°?\s*(LS|LU|BT|BB|[NSEWnsew](?![a-zA-Z]))?`;
/** A decimal pair: `-7.912345,110.335678`, `-7,912345 110,335678` (decimal comma), `7.91 S 110.33 E`. */
const decimalPair = (fraction: string) =>
  new RegExp(
    String.raw`(?<!\d|\d[.,])${HEMI_BEFORE}([-+\u2212]?\d{1,2}${fraction})(?!\d)${HEMI_AFTER}\s*[,;/]?\s*(?:([EWew]|BT|BB)\s*)?([-+\u2212]?\d{1,3}${fraction})${HEMI_AFTER}(?!\d)`,
    'g',
  );
// Both halves with decimals first, so that `10 -7.912345,110.335678` pairs the coordinates, not 10.
const DECIMAL_PAIRS = [decimalPair(String.raw`[.,]\d+`), decimalPair(String.raw`(?:[.,]\d+)?`)];
/** A lone decimal degree finer than 1 km: `-7.9123` or `110.33567` (not `1.500`, a thousand). */
const LONE_FINE = /(?<!\d|\d[.,])([-\u2212]\d{1,3}[.,]\d{3,}|\d{1,3}[.,]\d{4,})(?![.,]?\d)/g;

const decimals = (s: string) => /[.,](\d+)$/.exec(s)?.[1]?.length ?? 0;
const num = (s: string) => Number(s.replace('\u2212', '-').replace(',', '.'));
const SOUTH_WEST = /^(?:s|w|ls|bb)$/i;

function signed(value: number, hemisphere: string | undefined, sign: string | undefined): number {
  const negative =
    (sign !== undefined && sign !== '+') || (hemisphere !== undefined && SOUTH_WEST.test(hemisphere));
  return negative ? -Math.abs(value) : value;
}

const inRange = (lat: number, lon: number) => Math.abs(lat) <= 90 && Math.abs(lon) <= 180;

/** Reads the point of a map link: `@lat,lon`, `q=`, `ll=`, `mlat=&mlon=`, `#map=z/lat/lon`, `!3d!4d`. */
function pointOfMapLink(url: string): { lat: number; lon: number } | undefined {
  let s = url;
  try {
    s = decodeURIComponent(url);
  } catch {}
  const patterns = [
    /!3d(-?\d+\.\d+)!4d(-?\d+\.\d+)/,
    /[?&]mlat=(-?\d+\.?\d*)&mlon=(-?\d+\.?\d*)/,
    /[?&#](?:map=\d+(?:\.\d+)?\/)(-?\d+\.?\d*)\/(-?\d+\.?\d*)/,
    /[@=/,](-?\d{1,2}\.\d+)\s*,\s*(-?\d{1,3}\.\d+)/,
    /[?&]lat=(-?\d+\.?\d*)&(?:lon|lng)=(-?\d+\.?\d*)/,
  ];
  for (const p of patterns) {
    const m = p.exec(s);
    if (m) {
      const lat = Number(m[1]);
      const lon = Number(m[2]);
      if (inRange(lat, lon)) return { lat, lon };
    }
  }
  return undefined;
}

/** Every location in `text`, in order, none overlapping (earlier, more specific shapes win). */
export function findLocations(text: string): LocationSpan[] {
  const spans: LocationSpan[] = [];
  const free = (start: number, end: number) => spans.every((s) => end <= s.start || start >= s.end);
  const add = (span: LocationSpan) => {
    if (free(span.start, span.end)) spans.push(span);
  };
  // Finer than 2 decimals in value, or in how it is written (`-7.910`, seconds of arc).
  const finer = (v: number) => Math.abs(v * 100 - Math.round(v * 100)) > 1e-6;
  const writtenFine = (s: string) =>
    /['′]\s*\d/.test(s) || (s.includes('.') ? /\.\d{3,}/ : /\d,\d{3,}/).test(s);

  for (const c of findCoordinates(text)) {
    const exact = finer(c.lat) || finer(c.lon) || writtenFine(text.slice(c.start, c.end));
    add({ ...c, exact });
  }

  for (const m of text.matchAll(URL)) {
    const raw = m[0].replace(/[.,;:!?)\]]+$/, '');
    let host = '';
    try {
      host = new globalThis.URL(raw.startsWith('www.') ? `https://${raw}` : raw).hostname;
    } catch {
      continue;
    }
    const point = pointOfMapLink(raw);
    if (!MAP_HOSTS.test(host) && !point) continue;
    const start = m.index;
    const end = start + raw.length;
    add(point ? { start, end, ...point, exact: true } : { start, end, exact: true });
  }
  for (const m of text.matchAll(GEO_URI)) {
    const lat = Number(m[1]);
    const lon = Number(m[2]);
    if (inRange(lat, lon)) add({ start: m.index, end: m.index + m[0].length, lat, lon, exact: true });
  }
  for (const m of text.matchAll(DMS_PAIR)) {
    // Two degree signs in a row are a point even without a sign or a hemisphere.
    const lat = dms(m.slice(2, 7), m[1] ?? '');
    const lon = dms(m.slice(8, 13), m[7] ?? '');
    if (lat !== undefined && lon !== undefined && inRange(lat.value, lon.value))
      add({
        start: m.index,
        end: m.index + m[0].length,
        lat: lat.value,
        lon: lon.value,
        exact: lat.fine || lon.fine,
      });
  }
  for (const m of text.matchAll(DMS_SINGLE)) {
    const v = dms(m.slice(1, 6), undefined);
    if (v?.fine) add({ start: m.index, end: m.index + m[0].length, exact: true });
  }
  for (const m of DECIMAL_PAIRS.flatMap((p) => [...text.matchAll(p)])) {
    const [, h1, a, h2, h3, b, h4] = m;
    if (!a || !b || (decimals(a) === 0 && decimals(b) === 0)) continue;
    const lat = signed(num(a), h1 ?? h2, /^[-\u2212]/.test(a) ? '-' : undefined);
    const lon = signed(num(b), h3 ?? h4, /^[-\u2212]/.test(b) ? '-' : undefined);
    if (!inRange(lat, lon)) continue;
    const exact = decimals(a) > 2 || decimals(b) > 2;
    add({ start: m.index, end: m.index + m[0].length, lat, lon, exact });
  }
  for (const m of text.matchAll(LONE_FINE)) {
    const v = num(m[1]!);
    if (Math.abs(v) <= 180) add({ start: m.index, end: m.index + m[0].length, exact: true, lat: v });
  }
  return spans.sort((x, y) => x.start - y.start);
}

/** Degrees, minutes, seconds to a signed decimal; `fine` when it says more than whole minutes. */
function dms(
  [sign, deg, min, sec, hemisphere]: (string | undefined)[],
  before: string | undefined,
): { value: number; fine: boolean } | undefined {
  if (deg === undefined || min === undefined) return undefined;
  if (sign === undefined && hemisphere === undefined && before === undefined) return undefined;
  const value = num(deg) + num(min) / 60 + (sec ? num(sec) / 3600 : 0);
  return {
    value: signed(value, hemisphere ?? (before || undefined), sign),
    fine: sec !== undefined || decimals(min) > 0,
  };
}
