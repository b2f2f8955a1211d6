import type { ExportWhat } from '../ledger/exports.ts';

/** A cell: numbers stay numbers (never formula-neutralised: a number cannot be a formula). */
export type Cell = string | number | null;

export interface Column {
  name: string;
  /** The HXL hashtag with attributes, for the second row of an HXL file. */
  hxl: string;
  /** Names, phone numbers, person ids, free text, exact addresses: left out unless personal data is asked for. */
  personal?: boolean;
  /** Rounded to 2 decimals (about 1 km) unless personal data is asked for. */
  coordinate?: boolean;
  /** Words a person wrote (reasons, titles, broadcast texts): left out unless personal data is asked for. */
  freeText?: boolean;
  value(row: Record<string, unknown>): Cell;
}

const iso = (v: unknown) => (typeof v === 'number' ? new Date(v).toISOString() : null);
const ref = (prefix: string, v: unknown) => (v === null || v === undefined ? null : `${prefix}-${v}`);
const text = (v: unknown): Cell => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): Cell => (typeof v === 'number' ? v : null);
const services = (v: unknown): Cell => {
  if (typeof v !== 'string') return null;
  const parsed = JSON.parse(v) as { skill: string; qty?: number }[];
  return parsed.map((s) => (s.qty === undefined ? s.skill : `${s.skill} x${s.qty}`)).join(', ') || null;
};

const list = (v: unknown): Cell => {
  if (typeof v !== 'string') return null;
  try {
    const parsed = JSON.parse(v) as unknown;
    return Array.isArray(parsed) ? parsed.map(String).join(', ') : v;
  } catch {
    return v;
  }
};

const col = (name: string, hxl: string, value: Column['value'], extra: Partial<Column> = {}): Column => ({
  name,
  hxl,
  value,
  ...extra,
});
const field = (name: string, hxl: string, extra: Partial<Column> = {}) =>
  col(name, hxl, (r) => text(r[name]), extra);
const personal = { personal: true };
const freeText = { freeText: true };

const location = [
  field('area', '#loc+name'),
  col('lat', '#geo+lat', (r) => num(r.lat), { coordinate: true }),
  col('lon', '#geo+lon', (r) => num(r.lon), { coordinate: true }),
  field('address', '#loc+address', personal),
];

/** One requested item; a request is one row per item in CSV/HXL, so quantities add up per item. */
export interface RequestItem {
  item: string;
  qty: number | null;
  unit: string | null;
}

/** A request's items; words outside the catalog only when `words` (personal exports), else `other`. */
export function requestItems(row: Record<string, unknown>, words: boolean): RequestItem[] {
  let raw: unknown;
  try {
    raw = JSON.parse(String(row.items ?? '[]'));
  } catch {
    raw = [];
  }
  if (!Array.isArray(raw)) return [];
  return raw.map((i: Record<string, unknown>) => ({
    // `other` items keep the person's words in `text`.
    item: String((i.item === 'other' && words ? i.text : undefined) ?? i.item ?? i.name ?? ''),
    qty: typeof i.qty === 'number' ? i.qty : typeof i.quantity === 'number' ? i.quantity : null,
    unit: typeof i.unit === 'string' ? i.unit : null,
  }));
}

export const COLUMNS: Record<ExportWhat, Column[]> = {
  requests: [
    col('ref', '#meta+id', (r) => ref('R', r.id)),
    field('status', '#status'),
    field('urgency', '#severity'),
    col('people', '#affected+num', (r) => num(r.people_count)),
    ...location,
    col('volunteer', '#meta+volunteer', (r) => ref('V', r.assigned_volunteer)),
    col('duplicate_of', '#meta+duplicate', (r) => ref('R', r.duplicate_of)),
    field('status_reason', '#status+reason', freeText),
    col('reported', '#date+reported', (r) => iso(r.created_at)),
    col('updated', '#date+updated', (r) => iso(r.updated_at)),
    field('requester', '#contact+id', personal),
    field('contact', '#contact+phone', personal),
    field('notes', '#description+notes', personal),
  ],
  rescues: [
    col('ref', '#meta+id', (r) => ref('S', r.id)),
    field('status', '#status'),
    col('escalation', '#severity+escalation', (r) => num(r.escalation_level)),
    col('people', '#affected+num', (r) => num(r.people_count)),
    col('conditions', '#impact+type', (r) => list(r.conditions)),
    ...location,
    col('location_check', '#meta+location_check', (r) => (r.needs_location_check ? 'yes' : 'no')),
    col('volunteer', '#meta+volunteer', (r) => ref('V', r.assigned_volunteer)),
    col('reported', '#date+reported', (r) => iso(r.created_at)),
    col('acknowledged', '#date+acknowledged', (r) => iso(r.acknowledged_at)),
    col('updated', '#date+updated', (r) => iso(r.updated_at)),
    field('status_reason', '#status+reason', freeText),
    field('reporter', '#contact+id', personal),
    field('contact', '#contact+phone', personal),
    field('notes', '#description+notes', personal),
  ],
  volunteers: [
    col('ref', '#meta+id', (r) => ref('V', r.id)),
    field('status', '#status'),
    col('available', '#status+available', (r) => (r.available ? 'yes' : 'no')),
    col('skills', '#capacity+skills', (r) => list(r.skills)),
    col('languages', '#meta+languages', (r) => list(r.languages)),
    ...location.filter((c) => c.name !== 'address'),
    col('registered', '#date+registered', (r) => iso(r.created_at)),
    field('name', '#contact+name', personal),
    field('person_id', '#contact+id', personal),
    field('phone', '#contact+phone', personal),
  ],
  // One row per offered item, like requests; the donor's place is personal, their area is not.
  offers: [
    col('ref', '#meta+id', (r) => ref('O', r.id)),
    field('status', '#status'),
    ...location,
    field('delivery', '#meta+delivery'),
    // Skill ids of the volunteer catalog, with a count when given: `driver x2, boat`.
    col('services', '#service+offered', (r) => services(r.services)),
    col('until', '#date+end', (r) => iso(r.until)),
    col('offered', '#date+reported', (r) => iso(r.created_at)),
    field('donor', '#contact+id', personal),
    field('contact', '#contact+phone', personal),
  ],
  // A collection post is public by design: its place, hours and contact are for anyone.
  posko: [
    col('ref', '#meta+id', (r) => ref('K', r.id)),
    field('name', '#org+name'),
    field('area', '#loc+name'),
    col('lat', '#geo+lat', (r) => num(r.lat)),
    col('lon', '#geo+lon', (r) => num(r.lon)),
    field('address', '#loc+address'),
    field('hours', '#meta+hours'),
    col('accepts', '#item+accepted', (r) => list(r.accepts)),
    field('contact', '#contact+phone'),
    col('registered', '#date+registered', (r) => iso(r.created_at)),
  ],
  groups: [
    col('ref', '#meta+id', (r) => ref('G', r.id)),
    field('transport', '#meta+transport'),
    field('title', '#org+name', freeText),
    col('topics', '#meta+topics', (r) => list(r.topics)),
    field('area', '#loc+name'),
    field('language', '#meta+language'),
    col('active', '#status+active', (r) => (r.active ? 'yes' : 'no')),
    col('reachable', '#status+reachable', (r) => (r.reachable ? 'yes' : 'no')),
    col('registered', '#date+registered', (r) => iso(r.created_at)),
    field('chat_id', '#meta+chat', personal),
    field('registered_by', '#contact+id', personal),
  ],
  broadcasts: [
    col('ref', '#meta+id', (r) => ref('B', r.id)),
    field('state', '#status'),
    field('target', '#meta+target'),
    col('scheduled', '#date+scheduled', (r) => iso(r.scheduled_at)),
    field('cron', '#meta+cron'),
    col('sent', '#reached+num', (r) => num(r.sent)),
    col('failed', '#meta+failed', (r) => num(r.failed)),
    col('pending', '#meta+pending', (r) => num(r.pending)),
    col('created', '#date+created', (r) => iso(r.created_at)),
    field('text', '#description', freeText),
    field('author', '#contact+id', personal),
  ],
  // What a third party needs to check the chain; see events.ts for how hashes are computed.
  events: [
    col('id', '#meta+id', (r) => num(r.id)),
    col('at', '#meta+at', (r) => num(r.at)),
    col('time', '#date', (r) => iso(r.at)),
    field('actor', '#meta+actor'),
    field('message_ref', '#meta+message'),
    field('kind', '#meta+kind'),
    field('subject', '#meta+subject'),
    // Fields only: a person's words are in the personal part (since issue 23), outside the hash.
    field('payload', '#meta+payload'),
    field('personal', '#meta+personal', personal),
    field('personal_hash', '#meta+personal_hash'),
    field('prev_hash', '#meta+prev_hash'),
    field('hash', '#meta+hash'),
  ],
};
