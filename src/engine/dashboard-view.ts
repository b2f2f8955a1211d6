import type { Areas } from '../domain/areas.ts';
import { itemsLeft } from '../domain/matching.ts';
import { formatRef } from '../domain/refs.ts';
import type { Ledger, Offer, Posko, RescueCase, SupplyRequest, Volunteer } from '../ledger/index.ts';
import { type DraftPin, draftPins } from './dashboard-drafts.ts';
import { itemsAsWritten, type Tr } from './items-text.ts';

/** A photo or voice note of a record, served to coordinators' sessions at `<dashboard>/media?id=`. */
export interface MediaLink {
  id: string;
  type: string;
}

/**
 * What a coordinator's page shows of a record: the full record, as in their private chat (they are
 * entitled to it), and nothing for anyone else, since only coordinators' sessions receive a view.
 */
export interface RequestPin {
  ref: string;
  status: string;
  urgency: string;
  people: number | null;
  lat: number | null;
  lon: number | null;
  area: string | null;
  items: string;
  address: string | null;
  contact: string | null;
  notes: string | null;
  createdAt: number;
  updatedAt: number;
  volunteer: string | null;
  media: MediaLink[];
}

export interface RescuePin {
  ref: string;
  status: string;
  people: number | null;
  lat: number | null;
  lon: number | null;
  area: string | null;
  conditions: string[];
  address: string | null;
  contact: string | null;
  notes: string | null;
  needsLocationCheck: boolean;
  escalation: number;
  createdAt: number;
  acknowledgedAt: number | null;
  volunteer: string | null;
  media: MediaLink[];
}

export interface VolunteerPin {
  ref: string;
  name: string | null;
  /** Labels in the reader's language, and the ids the skill filter goes by, in the same order. */
  skills: string[];
  skillIds: string[];
  area: string | null;
  lat: number | null;
  lon: number | null;
  approximate: boolean;
  phone: string | null;
}

/** A collection post: public by design (people must find it), with what it takes in and holds now. */
export interface PoskoPin {
  ref: string;
  name: string;
  lat: number | null;
  lon: number | null;
  area: string | null;
  address: string | null;
  hours: string | null;
  contact: string | null;
  accepts: string;
  stock: string;
}

/** A standing offer: where the goods or the service are (the area's point when the donor named only an area). */
export interface OfferPin {
  ref: string;
  lat: number | null;
  lon: number | null;
  approximate: boolean;
  area: string | null;
  left: string;
  services: string[];
  skillIds: string[];
  until: number;
  delivery: string;
  contact: string | null;
}

export interface DashboardFiguresView {
  requestsByUrgency: Record<string, number>;
  requestsByArea: { area: string; count: number }[];
  rescuesByStatus: Record<string, number>;
  /** Medians over the last 24 hours, in milliseconds; null when nothing happened. */
  medianAcknowledgeMs: number | null;
  medianAssignMs: number | null;
  broadcasts: { ref: string; target: string; total: number; sent: number; failed: number; pending: number }[];
}

export interface DashboardView {
  version: number;
  now: number;
  requests: RequestPin[];
  rescues: RescuePin[];
  volunteers: VolunteerPin[];
  posko: PoskoPin[];
  offers: OfferPin[];
  drafts: DraftPin[];
  figures: DashboardFiguresView;
}

/** The page lists this many live records of each kind at most; `/open` and exports page through the rest. */
const MAX_RECORDS = 1000;
const DAY_MS = 24 * 60 * 60_000;

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const countBy = <T>(items: readonly T[], key: (t: T) => string) => {
  const counts: Record<string, number> = {};
  for (const i of items) counts[key(i)] = (counts[key(i)] ?? 0) + 1;
  return counts;
};

const volunteerRef = (id: number | null) => (id === null ? null : formatRef('V', id));

type MediaOf = (ref: string) => MediaLink[];

/** The media of the cases and requests the view shows, read in one query. */
function mediaBySubject(ledger: Ledger, refs: readonly string[]): MediaOf {
  const by = new Map<string, MediaLink[]>();
  for (const a of ledger.attachments.ofSubjects(refs)) {
    const list = by.get(a.subject!) ?? [];
    list.push({ id: a.sha256, type: a.type });
    by.set(a.subject!, list);
  }
  return (ref) => by.get(ref) ?? [];
}

function requestPin(r: SupplyRequest, t: Tr, mediaOf: MediaOf): RequestPin {
  return {
    ref: formatRef('R', r.id),
    status: r.status,
    urgency: r.urgency,
    people: r.peopleCount,
    lat: r.lat,
    lon: r.lon,
    area: r.area,
    items: itemsAsWritten(r.items, t),
    address: r.address,
    contact: r.contact,
    notes: r.notes,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    volunteer: volunteerRef(r.assignedVolunteer),
    media: mediaOf(formatRef('R', r.id)),
  };
}

function rescuePin(c: RescueCase, t: Tr, mediaOf: MediaOf): RescuePin {
  return {
    ref: formatRef('S', c.id),
    status: c.status,
    people: c.peopleCount,
    lat: c.lat,
    lon: c.lon,
    area: c.area,
    conditions: c.conditions.map((k) => t(`rescue-condition-${k}`)),
    address: c.address,
    contact: c.contact,
    notes: c.notes,
    needsLocationCheck: c.needsLocationCheck,
    escalation: c.escalationLevel,
    createdAt: c.createdAt,
    acknowledgedAt: c.acknowledgedAt,
    volunteer: volunteerRef(c.assignedVolunteer),
    media: mediaOf(formatRef('S', c.id)),
  };
}

function volunteerPin(v: Volunteer, t: Tr): VolunteerPin {
  const exact = v.lat !== null && v.lon !== null;
  return {
    ref: formatRef('V', v.id),
    name: v.name,
    skills: v.skills.map((s) => t(`skill-${s}`)),
    skillIds: v.skills,
    area: v.area,
    lat: exact ? v.lat : v.areaLat,
    lon: exact ? v.lon : v.areaLon,
    approximate: !exact,
    phone: v.phone,
  };
}

function poskoPin(ledger: Ledger, k: Posko, t: Tr): PoskoPin {
  return {
    ref: formatRef('K', k.id),
    name: k.name,
    lat: k.lat,
    lon: k.lon,
    area: k.area,
    address: k.address,
    hours: k.hours,
    contact: k.contact,
    accepts: k.accepts.map((item) => t(`item-${item}`, { qty: 2 })).join(', '),
    stock: itemsAsWritten(ledger.posko.stock(k.id), t),
  };
}

function offerPin(o: Offer, t: Tr, areas: Areas): OfferPin {
  const exact = o.lat !== null && o.lon !== null;
  const point = exact || o.area === null ? undefined : areas.get(o.area);
  const left = itemsLeft(o.items);
  return {
    ref: formatRef('O', o.id),
    lat: exact ? o.lat : (point?.lat ?? null),
    lon: exact ? o.lon : (point?.lon ?? null),
    approximate: !exact,
    area: o.area,
    left: itemsAsWritten(left, t),
    services: o.services.map((s) => `${s.qty === undefined ? '' : `${s.qty} × `}${t(`service-${s.skill}`)}`),
    skillIds: o.services.map((s) => s.skill),
    until: o.until,
    delivery: t(`offer-${o.delivery}`),
    contact: o.contact,
  };
}

/** Everything the dashboard shows, read in one go, labels in the reader's language (`t`). */
export function dashboardView(
  ledger: Ledger,
  areas: Areas,
  t: Tr,
  now: number,
  version: number,
): DashboardView {
  const { requests } = ledger.requests.open(MAX_RECORDS, 0);
  const rescues = ledger.rescues.inProgress(MAX_RECORDS);
  const { volunteers } = ledger.volunteers.list({ available: true, limit: MAX_RECORDS });
  const durations = ledger.dashboardFigures.durations(now - DAY_MS);
  const waiting = requests.filter((r) => r.status === 'new' || r.status === 'verified');
  const mediaOf = mediaBySubject(ledger, [
    ...requests.map((r) => formatRef('R', r.id)),
    ...rescues.map((c) => formatRef('S', c.id)),
  ]);
  return {
    version,
    now,
    requests: requests.map((r) => requestPin(r, t, mediaOf)),
    rescues: rescues.map((c) => rescuePin(c, t, mediaOf)),
    volunteers: volunteers.map((v) => volunteerPin(v, t)),
    posko: ledger.posko.all().map((k) => poskoPin(ledger, k, t)),
    offers: ledger.offers.standing(now, MAX_RECORDS).map((o) => offerPin(o, t, areas)),
    drafts: draftPins(ledger, t, MAX_RECORDS),
    figures: {
      requestsByUrgency: countBy(waiting, (r) => r.urgency),
      requestsByArea: Object.entries(countBy(waiting, (r) => r.area ?? ''))
        .map(([area, count]) => ({ area, count }))
        .sort((a, b) => b.count - a.count || a.area.localeCompare(b.area)),
      rescuesByStatus: countBy(rescues, (c) => c.status),
      medianAcknowledgeMs: median(durations.acknowledge),
      medianAssignMs: median(durations.assign),
      broadcasts: ledger.dashboardFigures.broadcastsInProgress().map((b) => ({
        ref: formatRef('B', b.id),
        target: b.target,
        total: b.total,
        sent: b.sent,
        failed: b.failed,
        pending: b.pending,
      })),
    },
  };
}
