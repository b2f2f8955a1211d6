import { Feed } from 'feed';
import type { PublicBroadcast, PublicCount, PublicSummary } from '../../domain/public-summary.ts';

export type Translate = (key: string, args?: Record<string, string | number>) => string;

/** An item's label in the reader's language; an item outside the catalog is only "other items". */
export const itemLabel = (t: Translate, item: string, qty = 2) =>
  item === 'other' ? t('public-item-other') : t(`item-${item}`, { qty });

/** `20 water`, `5 kg rice`, `blankets`: a still-needed line as `/needs` writes it. */
export const neededLine = (t: Translate, i: { item: string; unit?: string; qty?: number }) =>
  `${i.qty === undefined ? '' : `${i.qty} `}${i.unit ? `${t(`unit-${i.unit}`)} ` : ''}${itemLabel(t, i.item, i.qty)}`;

const countValue = (c: PublicCount) => (c === 'fewer-than-3' ? null : c);

/**
 * GeoJSON (RFC 7946) of verified needs and rescue activity by area: one point per area, at the area's
 * own point from the areas file, never a record's. Counts under 3 are null with `fewer_than_3` set.
 */
export function geoJson(summary: PublicSummary) {
  return {
    type: 'FeatureCollection',
    features: summary.areas
      .filter((a) => a.lat !== null && a.lon !== null)
      .map((a) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [a.lon, a.lat] },
        properties: {
          area: a.area,
          open_needs: countValue(a.openNeeds),
          open_needs_fewer_than_3: a.openNeeds === 'fewer-than-3',
          active_rescues: countValue(a.activeRescues),
          active_rescues_fewer_than_3: a.activeRescues === 'fewer-than-3',
          items: a.items.map((i) => ({ item: i.item, unit: i.unit ?? null, quantity: i.qty ?? null })),
          updated: new Date(summary.now).toISOString(),
        },
      })),
  };
}

const csvCell = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The HXL hashtag row under the headers: what HDX and HXL tools read the columns by. */
export const HXL_COLUMNS = [
  ['Area', '#loc+name'],
  ['Latitude', '#geo+lat'],
  ['Longitude', '#geo+lon'],
  ['Item', '#item+code'],
  ['Unit', '#item+unit'],
  ['Quantity needed', '#item+num+needed'],
  ['Open verified requests in area', '#indicator+num+requests'],
  ['Fewer than 3', '#indicator+bool+suppressed'],
  ['Updated', '#date+updated'],
] as const;

/** An HXL-tagged CSV: one row per area and catalog item still needed. */
export function hxlCsv(summary: PublicSummary): string {
  const updated = new Date(summary.now).toISOString();
  const rows = summary.areas.flatMap((a) =>
    a.items.map((i) => [
      a.area,
      a.lat,
      a.lon,
      i.item,
      i.unit ?? null,
      i.qty ?? null,
      countValue(a.openNeeds),
      a.openNeeds === 'fewer-than-3' ? 'true' : 'false',
      updated,
    ]),
  );
  return `${[HXL_COLUMNS.map((c) => c[0]), HXL_COLUMNS.map((c) => c[1]), ...rows]
    .map((r) => r.map(csvCell).join(','))
    .join('\r\n')}\r\n`;
}

/** Newly verified needs in the Atom feed: the newest this many. */
const ATOM_NEEDS = 50;

/** Atom (RFC 4287), built by the `feed` library: public broadcasts and newly verified needs, newest first. */
export function atomFeed(
  summary: PublicSummary,
  broadcasts: readonly PublicBroadcast[],
  t: Translate,
  lang: string,
  pageUrl: string,
): string {
  const feed = new Feed({
    id: `${pageUrl}?lang=${lang}`,
    title: t('public-title'),
    link: `${pageUrl}?lang=${lang}`,
    language: lang,
    updated: new Date(summary.now),
    feedLinks: { atom: `${pageUrl}/feed.atom?lang=${lang}` },
    generator: false,
  });
  const entries = [
    ...broadcasts.map((b) => ({
      title: t('public-broadcast'),
      id: `${pageUrl}#broadcast-${b.id}`,
      link: `${pageUrl}?lang=${lang}#broadcasts`,
      date: new Date(b.at),
      content: b.text,
    })),
    ...summary.verified.slice(0, ATOM_NEEDS).map((v) => {
      const items = v.items.map((i) => itemLabel(t, i.item, i.qty)).join(', ');
      return {
        title: t('public-verified-need', { area: v.area ?? '?', items }),
        id: `${pageUrl}/r/${v.id}`,
        link: `${pageUrl}/r/${v.id}?lang=${lang}`,
        date: new Date(v.at),
        content: items,
      };
    }),
  ].sort((a, b) => b.date.getTime() - a.date.getTime());
  for (const e of entries) feed.addItem(e);
  return feed.atom1();
}
