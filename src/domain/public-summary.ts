import type { Area, Areas } from './areas.ts';
import type { AreaNeeds as StillNeeded } from './matching.ts';
import { formatRef } from './refs.ts';

/**
 * One request or rescue case as public outputs may see it: the allow-listed fields of privacy by
 * construction (area, status, catalog items with quantities, counts, times). Nothing here names anyone.
 */
export interface PublicRecord {
  kind: 'request' | 'rescue';
  id: number;
  area: string | null;
  status: string;
  items: { item: string; qty?: number }[];
  peopleCount: number | null;
  createdAt: number;
  verifiedAt?: number;
  assignedAt?: number;
  acknowledgedAt?: number;
  deliveredAt?: number;
  closedAt?: number;
}

export interface PublicBroadcast {
  id: number;
  target: string;
  text: string;
  at: number;
}

/** Below this many records an area's count reads "fewer than 3": a smaller one could single out a family. */
export const SMALL_COUNT = 3;
export type PublicCount = number | 'fewer-than-3';
export const shownCount = (n: number): PublicCount => (n > 0 && n < SMALL_COUNT ? 'fewer-than-3' : n);

const HOUR_MS = 60 * 60_000;
const DAY_MS = 24 * HOUR_MS;
export const WINDOWS = { day: DAY_MS, week: 7 * DAY_MS, all: Number.POSITIVE_INFINITY } as const;
export type WindowName = keyof typeof WINDOWS;
/** A rescue case acknowledged within this long counts as answered in time. */
export const ACK_TARGET_MS = 10 * 60_000;
const DAILY_DAYS = 14;
const WAITING_SHOWN = 20;

/** A verified need not yet delivered, and a rescue case not yet over: what the map shows. */
const OPEN_NEED = new Set(['verified', 'assigned']);
const ACTIVE_RESCUE = new Set(['open', 'acknowledged', 'team_assigned']);
const WAITING_REQUEST = new Set(['new', 'verified', 'assigned']);

export interface Stat {
  /** Milliseconds; null when fewer than SMALL_COUNT records took the step (too few to publish). */
  median: number | null;
  p90: number | null;
  n: PublicCount;
}

export interface Figures {
  received: PublicCount;
  verified: PublicCount;
  delivered: PublicCount;
  toVerify: Stat;
  toAssign: Stat;
  toDeliver: Stat;
  rescues: PublicCount;
  /** Share (0..1) of rescue cases reported in the window acknowledged within 10 minutes. */
  acknowledgedInTime: number | null;
}

export interface AreaNeeds {
  area: string;
  lat: number | null;
  lon: number | null;
  openNeeds: PublicCount;
  activeRescues: PublicCount;
  /**
   * Catalog items still needed: `/needs`'s aggregation (verified requests not yet delivered, minus what
   * matched offers pledged). An item asked for without a quantity has none.
   */
  items: StillNeeded['items'];
  figures: Record<WindowName, Figures>;
}

export interface PublicSummary {
  now: number;
  areas: AreaNeeds[];
  figures: Record<WindowName, Figures>;
  /** Ages (ms) of requests and rescue cases still waiting, oldest first: by age only. */
  waiting: { kind: 'request' | 'rescue'; ageMs: number }[];
  daily: { day: string; opened: number; closed: number }[];
  /** Open verified needs, newest first, for the Atom feed and shared cards: an opaque id, never a ref. */
  verified: { id: string; area: string | null; items: { item: string; qty?: number }[]; at: number }[];
}

/** The median of the sorted values, and the 90th percentile by nearest rank (the value 90 % are at or under). */
export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
export function percentile90(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.ceil(0.9 * sorted.length) - 1]!;
}

function stat(durations: number[]): Stat {
  const sorted = durations.filter((d) => d >= 0).sort((a, b) => a - b);
  const shown = sorted.length >= SMALL_COUNT;
  return {
    median: shown ? median(sorted) : null,
    p90: shown ? percentile90(sorted) : null,
    n: shownCount(sorted.length),
  };
}

/**
 * The accountability figures of a window: records reported since `since`, and how long each step took
 * from the report. Every count under SMALL_COUNT reads "fewer than 3".
 */
export function figuresOf(records: readonly PublicRecord[], since: number): Figures {
  const requests = records.filter((r) => r.kind === 'request' && r.createdAt >= since);
  const rescues = records.filter((r) => r.kind === 'rescue' && r.createdAt >= since);
  const took = (rs: PublicRecord[], step: 'verifiedAt' | 'assignedAt' | 'deliveredAt') =>
    rs.flatMap((r) => (r[step] === undefined ? [] : [r[step]! - r.createdAt]));
  const acked = rescues.filter(
    (r) => r.acknowledgedAt !== undefined && r.acknowledgedAt - r.createdAt <= ACK_TARGET_MS,
  ).length;
  return {
    received: shownCount(requests.length),
    verified: shownCount(requests.filter((r) => r.verifiedAt !== undefined).length),
    delivered: shownCount(requests.filter((r) => r.deliveredAt !== undefined).length),
    toVerify: stat(took(requests, 'verifiedAt')),
    toAssign: stat(took([...requests, ...rescues], 'assignedAt')),
    toDeliver: stat(took(requests, 'deliveredAt')),
    rescues: shownCount(rescues.length),
    acknowledgedInTime: rescues.length >= SMALL_COUNT ? acked / rescues.length : null,
  };
}

const allWindows = (records: readonly PublicRecord[], now: number) =>
  Object.fromEntries(
    Object.entries(WINDOWS).map(([name, ms]) => [name, figuresOf(records, now - ms)]),
  ) as Record<WindowName, Figures>;

/** The area's own point, or the nearest enclosing area's that has one. */
function pointOf(areas: Areas, path: string): Pick<Area, 'lat' | 'lon'> {
  const parts = path.split('/');
  for (let i = parts.length; i > 0; i--) {
    const a = areas.get(parts.slice(0, i).join('/'));
    if (a?.lat !== undefined) return a;
  }
  return {};
}

/** The calendar day of a time in the deployment's time zone, `2026-12-07`. */
const dayFormat = (timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * An opaque, stable id for a verified need in public feeds: not the `R-12` people use in chats, so a
 * shared link or feed entry cannot be matched to a conversation.
 */
export type OpaqueId = (ref: string) => string;

/** Everything the public page, feeds and channel show, from allow-listed records only. */
export function publicSummary(
  records: readonly PublicRecord[],
  needs: readonly StillNeeded[],
  areas: Areas,
  now: number,
  timeZone: string,
  opaque: OpaqueId,
): PublicSummary {
  // One formatter for the whole summary: making one costs more than formatting thousands of days.
  const format = dayFormat(timeZone);
  const dayOf = (at: number) => format.format(at);
  const stillNeeded = new Map(
    needs.flatMap((n) =>
      n.area === null ? [] : [[(areas.get(n.area)?.path ?? n.area).toLowerCase(), n.items]],
    ),
  );
  const byArea = new Map<string, PublicRecord[]>();
  for (const r of records) {
    if (r.area === null) continue;
    const key = areas.get(r.area)?.path ?? r.area;
    const list = byArea.get(key);
    if (list) list.push(r);
    else byArea.set(key, [r]);
  }
  const areaNeeds: AreaNeeds[] = [...byArea.entries()]
    .map(([area, rs]) => {
      const open = rs.filter((r) => r.kind === 'request' && OPEN_NEED.has(r.status));
      const point = pointOf(areas, area);
      return {
        area,
        lat: point.lat ?? null,
        lon: point.lon ?? null,
        openNeeds: shownCount(open.length),
        activeRescues: shownCount(
          rs.filter((r) => r.kind === 'rescue' && ACTIVE_RESCUE.has(r.status)).length,
        ),
        items: stillNeeded.get(area.toLowerCase()) ?? [],
        figures: allWindows(rs, now),
      };
    })
    .sort((a, b) => a.area.localeCompare(b.area));

  const waiting = records
    .filter((r) => (r.kind === 'request' ? WAITING_REQUEST.has(r.status) : ACTIVE_RESCUE.has(r.status)))
    .map((r) => ({ kind: r.kind, ageMs: now - r.createdAt }))
    .sort((a, b) => b.ageMs - a.ageMs)
    .slice(0, WAITING_SHOWN);

  const days = Array.from({ length: DAILY_DAYS }, (_, i) => dayOf(now - (DAILY_DAYS - 1 - i) * DAY_MS));
  const opened = new Map(days.map((d) => [d, 0]));
  const closed = new Map(days.map((d) => [d, 0]));
  for (const r of records) {
    const o = dayOf(r.createdAt);
    if (opened.has(o)) opened.set(o, opened.get(o)! + 1);
    const end = r.deliveredAt ?? r.closedAt;
    const c = end === undefined ? undefined : dayOf(end);
    if (c !== undefined && closed.has(c)) closed.set(c, closed.get(c)! + 1);
  }

  const verified = records
    .filter((r) => r.kind === 'request' && r.verifiedAt !== undefined && OPEN_NEED.has(r.status))
    .sort((a, b) => b.verifiedAt! - a.verifiedAt!)
    .map((r) => ({ id: opaque(formatRef('R', r.id)), area: r.area, items: r.items, at: r.verifiedAt! }));

  return {
    now,
    areas: areaNeeds,
    figures: allWindows(records, now),
    waiting,
    daily: days.map((day) => ({ day, opened: opened.get(day)!, closed: closed.get(day)! })),
    verified,
  };
}
