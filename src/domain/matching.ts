import { haversineKm, isWithin } from './areas.ts';
import type { ItemId, RequestItem, UnitId } from './items.ts';

/**
 * Which offers help which verified needs (issue 27): the same catalog item, in a unit both sides
 * measure in, a quantity that helps, nearest first. Pure: the ledger reads the two sides, a coordinator
 * confirms each suggestion; nothing here commits anything.
 */

export interface Place {
  lat: number | null;
  lon: number | null;
  area: string | null;
}

/** What is still needed of one item of a verified request. `qty` undefined: no quantity was given. */
export interface NeedLine extends Place {
  requestId: number;
  item: ItemId;
  unit?: UnitId;
  qty?: number;
}

/** What is still uncommitted of one line of an open offer. `qty` undefined: "some", no quantity given. */
export interface OfferLine extends Place {
  offerId: number;
  line: number;
  item: ItemId;
  unit?: UnitId;
  qty?: number;
}

export interface Suggestion {
  requestId: number;
  offerId: number;
  line: number;
  item: ItemId;
  unit?: UnitId;
  /** What the match would move: the smaller side, or the side that has a quantity. */
  qty?: number;
  /** Undefined when one side has no point and the two are matched by area. */
  km?: number;
}

/** What is left of an offer line to match; undefined when the donor gave no quantity ("some blankets"). */
export const leftOf = (line: { qty?: number; committed: number }) =>
  line.qty === undefined ? undefined : line.qty - line.committed;

/** The uncommitted part of an offer's lines, as items: what a donor still has to give. */
export const itemsLeft = (
  lines: readonly (RequestItem & { line: number; committed: number })[],
): RequestItem[] =>
  lines.flatMap((i) => {
    const left = leftOf(i);
    if (left !== undefined && left <= 0) return [];
    const { line: _line, committed: _committed, ...item } = i;
    return [{ ...item, ...(left === undefined ? {} : { qty: left }) }];
  });

/** Only catalog items are matched: words outside the catalog are a person's own and compare badly. */
export const catalogLines = (items: readonly RequestItem[]) =>
  items.flatMap((i, line) => (i.item === 'other' ? [] : [{ ...i, item: i.item, line }]));

/**
 * How far apart two places are: by their points when both have one, else 0 when one's area lies within
 * the other's (the same village, or a village in the donor's regency), else undefined (not near).
 */
export function distanceKm(a: Place, b: Place): number | undefined {
  if (a.lat !== null && a.lon !== null && b.lat !== null && b.lon !== null)
    return haversineKm(a.lat, a.lon, b.lat, b.lon);
  if (a.area && b.area && (isWithin(a.area, b.area) || isWithin(b.area, a.area))) return 0;
  return undefined;
}

const sameUnit = (a?: UnitId, b?: UnitId) => a === undefined || b === undefined || a === b;

/**
 * Whether an offer line can serve a need line: the same catalog item in units both sides use (`5 kg
 * rice` never meets `10 sack rice`). Suggestions add distance; a coordinator's `/match` does not.
 */
export const serves = (offered: { item: string; unit?: UnitId }, need: { item: string; unit?: UnitId }) =>
  offered.item === need.item && sameUnit(need.unit, offered.unit);

function movable(need?: number, offered?: number): number | undefined {
  if (need === undefined) return offered;
  if (offered === undefined) return need;
  return Math.min(need, offered);
}

/** Every helpful pairing within `maxKm`, nearest first, then the oldest offer. */
export function suggestMatches(
  needs: readonly NeedLine[],
  offers: readonly OfferLine[],
  maxKm: number,
): Suggestion[] {
  const found: Suggestion[] = [];
  for (const n of needs) {
    if (n.qty !== undefined && n.qty <= 0) continue;
    for (const o of offers) {
      if (!serves(o, n)) continue;
      if (o.qty !== undefined && o.qty <= 0) continue;
      const km = distanceKm(n, o);
      if (km === undefined || km > maxKm) continue;
      const qty = movable(n.qty, o.qty);
      const unit = n.unit ?? o.unit;
      found.push({
        requestId: n.requestId,
        offerId: o.offerId,
        line: o.line,
        item: n.item,
        ...(unit ? { unit } : {}),
        ...(qty === undefined ? {} : { qty }),
        ...(km === 0 && (n.lat === null || o.lat === null) ? {} : { km }),
      });
    }
  }
  const order = (s: Suggestion) => s.km ?? 0;
  return found.sort((a, b) => order(a) - order(b) || a.offerId - b.offerId || a.requestId - b.requestId);
}

/** One item of one verified request, with what confirmed matches already pledged to it. */
export interface NeededItem {
  area: string | null;
  item: ItemId;
  unit?: UnitId;
  qty?: number;
  pledged: number;
}

export interface AreaNeeds {
  area: string | null;
  items: { item: ItemId; unit?: UnitId; qty?: number }[];
}

/**
 * `/needs`: per area, each item's verified need minus what is pledged ("Bantul: 340 water, 25 tarp").
 * An item asked for without a quantity stays listed without one until a match covers it; a need fully
 * pledged drops out. With `within`, only that area and those below it. Areas by name, items by the largest need first.
 */
export function aggregateNeeds(lines: readonly NeededItem[], within?: string): AreaNeeds[] {
  const byArea = new Map<string, Map<string, { item: ItemId; unit?: UnitId; qty?: number }>>();
  for (const l of lines) {
    const rest = l.qty === undefined ? (l.pledged > 0 ? 0 : undefined) : l.qty - l.pledged;
    if (rest !== undefined && rest <= 0) continue;
    if (within !== undefined && !(l.area && isWithin(l.area, within))) continue;
    const area = l.area ?? '';
    const items = byArea.get(area) ?? new Map();
    byArea.set(area, items);
    const key = `${l.item}:${l.unit ?? ''}`;
    const before = items.get(key);
    const qty =
      before === undefined
        ? rest
        : before.qty === undefined || rest === undefined
          ? (before.qty ?? rest)
          : before.qty + rest;
    items.set(key, {
      item: l.item,
      ...(l.unit ? { unit: l.unit } : {}),
      ...(qty === undefined ? {} : { qty }),
    });
  }
  return [...byArea.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
    .map(([area, items]) => ({
      area: area === '' ? null : area,
      items: [...items.values()].sort((a, b) => (b.qty ?? 0) - (a.qty ?? 0) || a.item.localeCompare(b.item)),
    }));
}
