import { findCoordinates } from './coordinates.ts';

/**
 * Where a text names a point on the earth, for the redaction: every shape the one coordinate reader
 * reads (coordinates.ts's findCoordinates), and what the redaction must catch beyond it but no reader
 * can place: a lone fine decimal, one half of a DMS pair, a map link whose point cannot be read.
 * Works on normalised text (see redaction.ts). A span is `exact` when it is finer than 2 decimals
 * (about 1 km), the precision groups may see.
 */
export interface LocationSpan {
  start: number;
  end: number;
  /** Both absent for a map link whose point cannot be read (a short link): it is removed whole. */
  lat?: number;
  /** Absent for a lone decimal degree, which may be either. */
  lon?: number;
  exact: boolean;
  /** Degrees, minutes and seconds written with spaces alone, which digits read out one by one resemble. */
  spaced?: true;
}

const MAP_HOSTS =
  /^(?:[\w-]+\.)*(?:google\.[a-z.]+|goo\.gl|maps\.app\.goo\.gl|g\.co|openstreetmap\.org|osm\.org|waze\.com|bing\.com|here\.com|apple\.com|what3words\.com|w3w\.co|mapcarta\.com|wikimapia\.org|geohack\.toolforge\.org|plus\.codes)$/i;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"]+/gi;

const MIN_SEC = String.raw`\d{1,2}(?:[.,]\d+)?`;
/** 7°54'44.4"S, 7° 54.74' LS, -7°54′44″: degrees with minutes and maybe seconds, a sign or a hemisphere. */
const DMS_ONE = String.raw`(?:([-+\u2212])\s*)?(\d{1,3})\s*[°º˚]\s*(?:(${MIN_SEC})\s*(?:['′’]|m\b)\s*(?:(${MIN_SEC})\s*(?:["″”]|''|′′|’’|s\b)?)?)?\s*(LS|LU|BT|BB|[NSEWnsew](?![a-z]))?`;
const DMS_SINGLE = new RegExp(DMS_ONE, 'g');

/**
 * Degrees, minutes and seconds written with spaces alone (`-7 54 44.4, 110 20 08.4`, `7 54 44 LS 110
 * 20 8 BT`, `S 7 54 44 E 110 20 8`, `7 54 44 selatan 110 20 8 timur`), or degrees and decimal minutes
 * (`7 54.74 S 110 20.14 E`): only as a pair, latitude first, each part in range, and with seconds, a
 * decimal minute or a hemisphere (spelt out or not, before or after), so that a list of counts is not read.
 */
const SPACED_MIN_SEC = String.raw`\d{1,2}(?:[.,]\d+)?`;
const DMS_SPACED_ONE = (hemispheres: string) =>
  String.raw`(?:(?<![\p{L}\d])(${hemispheres})\s*)?([-+\u2212])?\s*(\d{1,3})\s+(${SPACED_MIN_SEC})(?:\s+(${SPACED_MIN_SEC}))?(?:\s*(${hemispheres})(?![\p{L}]))?`;
const LAT_WORDS = 'LS|LU|selatan|utara|south|north|[NSns]';
const LON_WORDS = 'BT|BB|timur|barat|east|west|[EWew]';
const DMS_SPACED = new RegExp(
  String.raw`(?<![\d.,])${DMS_SPACED_ONE(LAT_WORDS)}\s*[,;]?\s*${DMS_SPACED_ONE(LON_WORDS)}(?![\d.,]\d)`,
  'giu',
);

/**
 * A short plus code (`2QQV+W7`, usually with a town: `2QQV+W7 Imogiri`) names a spot of about 14 m once
 * the town is known; it cannot be placed without a geocoder, so it is removed whole.
 */
const SHORT_PLUS_CODE =
  /(?<![\p{L}\p{N}+])[23456789CFGHJMPQRVWX]{4,7}\+[23456789CFGHJMPQRVWX]{2,3}(?![\p{L}\p{N}])/giu;
/** The same with spaces around the `+` (`2QQV + W7`), when it holds a letter: `2345 + 67` is a sum. */
const SPACED_PLUS_CODE =
  /(?<![\p{L}\p{N}+])[23456789CFGHJMPQRVWX]{4,7}\s*\+\s*[23456789CFGHJMPQRVWX]{2,3}(?![\p{L}\p{N}])/giu;

/** A lone decimal degree finer than 1 km: `-7.9123` or `110.33567` (not `1.500`, a thousand). */
const LONE_FINE = /(?<!\d|\d[.,])([-\u2212]\d{1,3}[.,]\d{3,}|\d{1,3}[.,]\d{4,})(?![.,]?\d)/g;

const decimals = (s: string) => /[.,](\d+)$/.exec(s)?.[1]?.length ?? 0;
const num = (s: string) => Number(s.replace('\u2212', '-').replace(',', '.'));
const SOUTH_WEST = /^(?:s|w|ls|bb|selatan|barat|south|west)$/i;

function signed(value: number, hemisphere: string | undefined, sign: string | undefined): number {
  const negative =
    (sign !== undefined && sign !== '+') || (hemisphere !== undefined && SOUTH_WEST.test(hemisphere));
  return negative ? -Math.abs(value) : value;
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

  for (const m of text.matchAll(DMS_SPACED)) {
    const lat = spacedDms(m.slice(1, 7));
    const lon = spacedDms(m.slice(7, 13));
    if (lat === undefined || lon === undefined || Math.abs(lat) > 90 || Math.abs(lon) > 180) continue;
    add({ start: m.index, end: m.index + m[0].length, lat, lon, exact: true, spaced: true });
  }
  for (const m of text.matchAll(SHORT_PLUS_CODE))
    add({ start: m.index, end: m.index + m[0].length, exact: true });
  for (const m of text.matchAll(SPACED_PLUS_CODE))
    if (/[a-z]/i.test(m[0])) add({ start: m.index, end: m.index + m[0].length, exact: true });
  for (const m of text.matchAll(URL)) {
    const raw = m[0].replace(/[.,;:!?)\]]+$/, '');
    let host = '';
    try {
      host = new globalThis.URL(raw.startsWith('www.') ? `https://${raw}` : raw).hostname;
    } catch {
      continue;
    }
    if (!MAP_HOSTS.test(host)) continue;
    add({ start: m.index, end: m.index + raw.length, exact: true });
  }
  for (const m of text.matchAll(DMS_SINGLE)) {
    const v = dms(m.slice(1, 6), undefined);
    if (v?.fine) add({ start: m.index, end: m.index + m[0].length, exact: true });
  }
  for (const m of text.matchAll(LONE_FINE)) {
    const v = num(m[1]!);
    if (Math.abs(v) <= 180) add({ start: m.index, end: m.index + m[0].length, exact: true, lat: v });
  }
  return spans.sort((x, y) => x.start - y.start);
}

/**
 * A spaced part to a signed decimal, or undefined when minutes or seconds are out of range, or when
 * nothing says it is a coordinate (no seconds, no decimal minute, no hemisphere: `7 54` is two counts).
 */
function spacedDms([before, sign, deg, min, sec, after]: (string | undefined)[]): number | undefined {
  if (deg === undefined || min === undefined) return undefined;
  const hemisphere = before ?? after;
  if (sec === undefined && hemisphere === undefined && decimals(min) === 0) return undefined;
  if (sec !== undefined && decimals(min) > 0) return undefined;
  if (num(min) >= 60 || num(sec ?? '0') >= 60) return undefined;
  return signed(num(deg) + num(min) / 60 + num(sec ?? '0') / 3600, hemisphere, sign);
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
