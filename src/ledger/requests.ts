import { type RequestItem, sharedItems } from '../domain/items.ts';
import { formatRef } from '../domain/refs.ts';
import { canMove, LIVE_STATUSES, type RequestStatus, type Urgency } from '../domain/request-states.ts';
import { areaParams, inAreaSql } from './area-filter.ts';
import type { Db } from './db.ts';
import type { Actor, EventLog } from './events.ts';

/** A supply request (`R-n`), as the commands see it. */
export interface SupplyRequest {
  id: number;
  requester: string;
  items: RequestItem[];
  peopleCount: number | null;
  lat: number | null;
  lon: number | null;
  address: string | null;
  area: string | null;
  urgency: Urgency;
  contact: string | null;
  notes: string | null;
  status: RequestStatus;
  assignedVolunteer: number | null;
  duplicateOf: number | null;
  statusReason: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface NewRequest {
  requester: string;
  items: RequestItem[];
  peopleCount?: number | null;
  lat?: number | null;
  lon?: number | null;
  address?: string | null;
  area?: string | null;
  urgency?: Urgency;
  contact?: string | null;
  notes?: string | null;
}

/** What a move records besides the new status. */
export interface MoveDetails {
  reason?: string;
  volunteer?: number;
  duplicateOf?: number;
  /** Move only from this status (a volunteer's /take needs `verified`; a coordinator may reassign). */
  from?: RequestStatus;
  /** Move only while this volunteer holds the request (their /done, their leaving). */
  heldBy?: number;
  /** How the move came about when it is not the actor's own command (`take`, `volunteer-left`). */
  by?: string;
}

export type MoveResult = { ok: true; request: SupplyRequest } | { ok: false; from: RequestStatus };

/** The few volunteer fields an assignment needs (the volunteers module owns the rest). */
export interface AssignableVolunteer {
  id: number;
  personId: string;
  name: string | null;
  status: 'active' | 'left';
}

export interface LikelyDuplicate {
  request: SupplyRequest;
  why: 'requester' | 'area-items';
}

interface RequestRow {
  id: number;
  requester: string;
  items: string;
  people_count: number | null;
  lat: number | null;
  lon: number | null;
  address: string | null;
  area: string | null;
  urgency: Urgency;
  contact: string | null;
  notes: string | null;
  status: RequestStatus;
  assigned_volunteer: number | null;
  duplicate_of: number | null;
  status_reason: string | null;
  created_at: number;
  updated_at: number;
}

const toRequest = (r: RequestRow): SupplyRequest => ({
  id: r.id,
  requester: r.requester,
  items: JSON.parse(r.items) as RequestItem[],
  peopleCount: r.people_count,
  lat: r.lat,
  lon: r.lon,
  address: r.address,
  area: r.area,
  urgency: r.urgency,
  contact: r.contact,
  notes: r.notes,
  status: r.status,
  assignedVolunteer: r.assigned_volunteer,
  duplicateOf: r.duplicate_of,
  statusReason: r.status_reason,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const LIVE_SQL = LIVE_STATUSES.map((s) => `'${s}'`).join(', ');
// Most urgent first, then the most people, then the oldest.
const TRIAGE_ORDER = `CASE urgency WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END,
  COALESCE(people_count, 0) DESC, created_at, id`;

export const DUPLICATE_WINDOW_MS = 24 * 3_600_000;

/** Supply requests: the `requests` table, changed only together with an event. */
export class Requests {
  constructor(
    private readonly db: Db,
    private readonly events: EventLog,
  ) {}

  create(actor: Actor, r: NewRequest): SupplyRequest {
    const row = {
      requester: r.requester,
      items: JSON.stringify(r.items),
      people_count: r.peopleCount ?? null,
      lat: r.lat ?? null,
      lon: r.lon ?? null,
      address: r.address ?? null,
      area: r.area ?? null,
      urgency: r.urgency ?? 'normal',
      contact: r.contact ?? null,
      notes: r.notes ?? null,
      at: actor.at,
    };
    const id = Number(
      this.db
        .prepare(`INSERT INTO requests (requester, items, people_count, lat, lon, address, area, urgency, contact,
          notes, created_at, updated_at) VALUES (@requester, @items, @people_count, @lat, @lon, @address, @area,
          @urgency, @contact, @notes, @at, @at) RETURNING id`)
        .pluck()
        .get(row),
    );
    this.events.append(actor, {
      kind: 'request.created',
      subject: formatRef('R', id),
      // Catalog items are fields; words outside the catalog are the person's own, so erasable.
      payload: {
        items: r.items.map(({ text: _words, ...catalog }) => catalog),
        people: row.people_count,
        area: row.area,
        urgency: row.urgency,
      },
      personal: {
        requester: r.requester,
        otherItems: r.items.flatMap((i) => (i.text === undefined ? [] : [i.text])),
        lat: row.lat,
        lon: row.lon,
        address: row.address,
        contact: row.contact,
        notes: row.notes,
      },
    });
    return this.get(id)!;
  }

  get(id: number): SupplyRequest | undefined {
    const r = this.db.prepare('SELECT * FROM requests WHERE id = ?').get(id) as RequestRow | undefined;
    return r && toRequest(r);
  }

  /** A person's own requests, newest first. */
  ofRequester(personId: string, limit = 10): SupplyRequest[] {
    return (
      this.db
        .prepare('SELECT * FROM requests WHERE requester = ? ORDER BY id DESC LIMIT ?')
        .all(personId, limit) as RequestRow[]
    ).map(toRequest);
  }

  /**
   * Requests someone still has to act on, in triage order, one page at a time; with `area`, only those
   * in that area or below it.
   */
  open(limit: number, offset: number, area?: string): { requests: SupplyRequest[]; total: number } {
    const where = `status IN (${LIVE_SQL})${area === undefined ? '' : ` AND ${inAreaSql('area', '@area')}`}`;
    const params = area === undefined ? {} : areaParams('area', area);
    const rows = this.db
      .prepare(`SELECT * FROM requests WHERE ${where} ORDER BY ${TRIAGE_ORDER} LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit, offset }) as RequestRow[];
    const total = this.db
      .prepare(`SELECT COUNT(*) FROM requests WHERE ${where}`)
      .pluck()
      .get(params) as number;
    return { requests: rows.map(toRequest), total };
  }

  /**
   * Moves a request to `to` if the state machine allows it from its current status. The UPDATE is
   * conditional on the status it read, so a concurrent move (a volunteer's /take) cannot be overwritten.
   */
  move(actor: Actor, id: number, to: RequestStatus, details: MoveDetails = {}): MoveResult | undefined {
    const current = this.get(id);
    if (!current) return undefined;
    if (!canMove(current.status, to)) return { ok: false, from: current.status };
    if (details.from !== undefined && current.status !== details.from)
      return { ok: false, from: current.status };
    const changed = this.db
      .prepare(`UPDATE requests SET status = @to, updated_at = @at,
          status_reason = COALESCE(@reason, status_reason),
          assigned_volunteer = CASE WHEN @to = 'verified' THEN NULL ELSE COALESCE(@volunteer, assigned_volunteer) END,
          duplicate_of = COALESCE(@duplicateOf, duplicate_of)
        WHERE id = @id AND status = @from AND (@heldBy IS NULL OR assigned_volunteer = @heldBy)`)
      .run({
        id,
        to,
        from: current.status,
        at: actor.at,
        reason: details.reason ?? null,
        volunteer: details.volunteer ?? null,
        duplicateOf: details.duplicateOf ?? null,
        heldBy: details.heldBy ?? null,
      }).changes;
    if (changed === 0) return { ok: false, from: this.get(id)!.status };
    this.events.append(actor, {
      kind: `request.${to}`,
      subject: formatRef('R', id),
      payload: {
        from: current.status,
        ...(details.volunteer === undefined
          ? {}
          : { volunteer: formatRef('V', details.volunteer), by: actor.id }),
        ...(details.heldBy === undefined ? {} : { volunteer: formatRef('V', details.heldBy) }),
        ...(details.by === undefined ? {} : { by: details.by }),
        ...(details.duplicateOf === undefined ? {} : { of: formatRef('R', details.duplicateOf) }),
      },
      ...(details.reason === undefined ? {} : { personal: { reason: details.reason } }),
    });
    return { ok: true, request: this.get(id)! };
  }

  /**
   * Live requests that may be the same need as `r`, made within 24 hours of it: from the same
   * requester, or in the same area with an item in common. `r` may be a need not yet a request (a
   * draft read in a group, id 0).
   */
  likelyDuplicates(
    r: Pick<SupplyRequest, 'id' | 'requester' | 'area' | 'items' | 'createdAt'>,
  ): LikelyDuplicate[] {
    const rows = this.db
      .prepare(`SELECT * FROM requests WHERE id != ? AND status IN (${LIVE_SQL})
          AND created_at BETWEEN ? AND ? AND (requester = ? OR (area IS NOT NULL AND area = ?)) ORDER BY id`)
      .all(
        r.id,
        r.createdAt - DUPLICATE_WINDOW_MS,
        r.createdAt + DUPLICATE_WINDOW_MS,
        r.requester,
        r.area,
      ) as RequestRow[];
    return rows
      .map(toRequest)
      .flatMap((o): LikelyDuplicate[] =>
        o.requester === r.requester
          ? [{ request: o, why: 'requester' }]
          : sharedItems(o.items, r.items)
            ? [{ request: o, why: 'area-items' }]
            : [],
      );
  }

  volunteer(id: number): AssignableVolunteer | undefined {
    return this.db
      .prepare('SELECT id, person_id AS personId, name, status FROM volunteers WHERE id = ?')
      .get(id) as AssignableVolunteer | undefined;
  }
}
