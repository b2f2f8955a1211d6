import { formatRef } from '../domain/refs.ts';
import { ACTIVE_RESCUE, type RescueStatus } from '../domain/rescue-states.ts';
import type { RescueCondition } from '../domain/sos-text.ts';
import { areaParams, inAreaSql } from './area-filter.ts';
import type { Db } from './db.ts';
import type { Actor, EventLog } from './events.ts';

export interface RescueCase {
  id: number;
  reporter: string;
  lat: number | null;
  lon: number | null;
  address: string | null;
  area: string | null;
  needsLocationCheck: boolean;
  peopleCount: number | null;
  conditions: RescueCondition[];
  /** The reporter said none of the conditions applies (not the same as not saying). */
  conditionsNone: boolean;
  contact: string | null;
  notes: string | null;
  status: RescueStatus;
  escalationLevel: number;
  escalatedAt: number | null;
  acknowledgedAt: number | null;
  acknowledgedBy: string | null;
  assignedVolunteer: number | null;
  statusReason: string | null;
  createdAt: number;
  updatedAt: number;
}

interface RescueRow {
  id: number;
  reporter: string;
  lat: number | null;
  lon: number | null;
  address: string | null;
  area: string | null;
  needs_location_check: number;
  people_count: number | null;
  conditions: string;
  conditions_none: number;
  contact: string | null;
  notes: string | null;
  status: RescueStatus;
  escalation_level: number;
  escalated_at: number | null;
  acknowledged_at: number | null;
  acknowledged_by: string | null;
  assigned_volunteer: number | null;
  status_reason: string | null;
  created_at: number;
  updated_at: number;
}

/** A row as the rest of the code reads a case: camelCase like every other record. */
const toCase = (r: RescueRow): RescueCase => ({
  id: r.id,
  reporter: r.reporter,
  lat: r.lat,
  lon: r.lon,
  address: r.address,
  area: r.area,
  needsLocationCheck: r.needs_location_check === 1,
  peopleCount: r.people_count,
  conditions: JSON.parse(r.conditions) as RescueCondition[],
  conditionsNone: r.conditions_none === 1,
  contact: r.contact,
  notes: r.notes,
  status: r.status,
  escalationLevel: r.escalation_level,
  escalatedAt: r.escalated_at,
  acknowledgedAt: r.acknowledged_at,
  acknowledgedBy: r.acknowledged_by,
  assignedVolunteer: r.assigned_volunteer,
  statusReason: r.status_reason,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Where a case is: coordinates and/or an address, the area they lie in, and whether someone must check it. */
export interface RescueLocation {
  lat?: number;
  lon?: number;
  address?: string;
  area?: string;
  needsLocationCheck: boolean;
}

export interface RescueDetails {
  peopleCount?: number;
  conditions?: RescueCondition[];
  /** "None of these": recorded as said, and undone by any condition named later. */
  conditionsNone?: boolean;
  contact?: string;
}

const ACTIVE_SQL = `status IN (${ACTIVE_RESCUE.map((s) => `'${s}'`).join(', ')})`;
const ref = (id: number) => formatRef('S', id);

export interface OwnRescueCase {
  id: number;
  status: string;
  area: string | null;
}

/**
 * Rescue cases (`S-n`). Every change appends its event here, in the caller's transaction; exact
 * coordinates, addresses and contacts go to the event's personal part so retention can erase them.
 */
export class Rescues {
  constructor(
    private readonly db: Db,
    private readonly events: EventLog,
  ) {}

  get(id: number): RescueCase | undefined {
    const r = this.db.prepare('SELECT * FROM rescues WHERE id = ?').get(id) as RescueRow | undefined;
    return r && toCase(r);
  }

  /** A person's own rescue cases, newest first, for /status beside their requests. */
  ofReporter(reporter: string, limit = 10): OwnRescueCase[] {
    return this.db
      .prepare('SELECT id, status, area FROM rescues WHERE reporter = ? ORDER BY id DESC LIMIT ?')
      .all(reporter, limit) as OwnRescueCase[];
  }

  /** The person id of the volunteer assigned to the case, who is told of every change of location. */
  teamOf(c: RescueCase): string | undefined {
    if (c.assignedVolunteer === null) return undefined;
    return this.db
      .prepare('SELECT person_id FROM volunteers WHERE id = ?')
      .pluck()
      .get(c.assignedVolunteer) as string | undefined;
  }

  /** The reporter's newest case still in progress, opened at or after `since`. */
  activeBy(reporter: string, since = 0): RescueCase | undefined {
    const r = this.db
      .prepare(
        `SELECT * FROM rescues WHERE reporter = ? AND created_at >= ? AND ${ACTIVE_SQL}
         ORDER BY created_at DESC, id DESC LIMIT 1`,
      )
      .get(reporter, since) as RescueRow | undefined;
    return r && toCase(r);
  }

  open(actor: Actor, reporter: string, location: RescueLocation, details: RescueDetails): RescueCase {
    const id = Number(
      this.db
        .prepare(
          `INSERT INTO rescues (reporter, lat, lon, address, area, needs_location_check, people_count, conditions,
             contact, created_at, updated_at)
           VALUES (@reporter, @lat, @lon, @address, @area, @check, @people, @conditions, @contact, @at, @at)
           RETURNING id`,
        )
        .pluck()
        .get({
          reporter,
          lat: location.lat ?? null,
          lon: location.lon ?? null,
          address: location.address ?? null,
          area: location.area ?? null,
          check: location.needsLocationCheck ? 1 : 0,
          people: details.peopleCount ?? null,
          conditions: JSON.stringify(details.conditions ?? []),
          contact: details.contact ?? null,
          at: actor.at,
        }),
    );
    this.events.append(actor, {
      kind: 'rescue.opened',
      subject: ref(id),
      payload: {
        area: location.area ?? null,
        hasCoordinates: location.lat !== undefined,
        needsLocationCheck: location.needsLocationCheck,
        peopleCount: details.peopleCount ?? null,
        conditions: details.conditions ?? [],
      },
      personal: { reporter, ...location, contact: details.contact },
    });
    return this.get(id)!;
  }

  /** Adds what a later answer or report told: a count or contact replaces, conditions add up. */
  enrich(actor: Actor, id: number, details: RescueDetails): RescueCase {
    const current = this.get(id)!;
    const conditions = [...new Set([...current.conditions, ...(details.conditions ?? [])])];
    const changed: Record<string, unknown> = {};
    if (details.peopleCount !== undefined && details.peopleCount !== current.peopleCount)
      changed.peopleCount = details.peopleCount;
    if (conditions.length !== current.conditions.length) changed.conditions = conditions;
    const none = conditions.length === 0 && (details.conditionsNone === true || current.conditionsNone);
    if (none !== current.conditionsNone) changed.conditionsNone = none;
    const newContact = details.contact !== undefined && details.contact !== current.contact;
    if (Object.keys(changed).length === 0 && !newContact) return current;
    this.db
      .prepare(
        `UPDATE rescues SET people_count = COALESCE(@people, people_count), conditions = @conditions,
           conditions_none = @none, contact = COALESCE(@contact, contact), updated_at = @at WHERE id = @id`,
      )
      .run({
        id,
        people: details.peopleCount ?? null,
        none: none ? 1 : 0,
        conditions: JSON.stringify(conditions),
        contact: details.contact ?? null,
        at: actor.at,
      });
    this.events.append(actor, {
      kind: 'rescue.enriched',
      subject: ref(id),
      payload: { ...changed, contact: newContact },
      ...(newContact ? { personal: { contact: details.contact } } : {}),
    });
    return this.get(id)!;
  }

  /** A new or corrected location replaces the old one entirely (a new pin drops a stale address, and back). */
  relocate(
    actor: Actor,
    id: number,
    location: RescueLocation,
    source: 'reporter' | 'coordinator',
  ): RescueCase {
    this.db
      .prepare(
        `UPDATE rescues SET lat = @lat, lon = @lon, address = @address, area = @area,
           needs_location_check = @check, updated_at = @at WHERE id = @id`,
      )
      .run({
        id,
        lat: location.lat ?? null,
        lon: location.lon ?? null,
        address: location.address ?? null,
        area: location.area ?? null,
        check: location.needsLocationCheck ? 1 : 0,
        at: actor.at,
      });
    this.events.append(actor, {
      kind: 'rescue.located',
      subject: ref(id),
      payload: {
        source,
        area: location.area ?? null,
        hasCoordinates: location.lat !== undefined,
        needsLocationCheck: location.needsLocationCheck,
      },
      personal: { ...location },
    });
    return this.get(id)!;
  }

  /** Only an open case can be acknowledged; undefined when someone else was first (or it moved on). */
  acknowledge(actor: Actor, id: number): RescueCase | undefined {
    const changed = this.db
      .prepare(
        `UPDATE rescues SET status = 'acknowledged', acknowledged_at = @at, acknowledged_by = @by, updated_at = @at
         WHERE id = @id AND status = 'open'`,
      )
      .run({ id, at: actor.at, by: actor.id }).changes;
    if (changed === 0) return undefined;
    this.events.append(actor, { kind: 'rescue.acknowledged', subject: ref(id) });
    return this.get(id)!;
  }

  /** Cases in progress (open, acknowledged, team assigned), oldest first: the dashboard's queue. */
  inProgress(limit: number): RescueCase[] {
    return (
      this.db
        .prepare(
          `SELECT * FROM rescues WHERE status IN ('open', 'acknowledged', 'team_assigned')
           ORDER BY created_at, id LIMIT ?`,
        )
        .all(limit) as RescueRow[]
    ).map(toCase);
  }

  /** Cases reported in an area (or below it) since `since`, newest first: possible finds of a missing person. */
  recentInArea(area: string, since: number, limit = 20): RescueCase[] {
    return (
      this.db
        .prepare(`SELECT * FROM rescues WHERE created_at >= @since AND ${inAreaSql('area', '@area')}
          ORDER BY id DESC LIMIT @limit`)
        .all({ since, limit, ...areaParams('area', area) }) as RescueRow[]
    ).map(toCase);
  }

  /** Open cases whose last alert (the report, or the last escalation) is `intervalMs` old or older. */
  overdue(now: number, intervalMs: number): RescueCase[] {
    return (
      this.db
        .prepare(
          `SELECT * FROM rescues WHERE status = 'open' AND COALESCE(escalated_at, created_at) <= ?
           ORDER BY created_at, id`,
        )
        .all(now - intervalMs) as RescueRow[]
    ).map(toCase);
  }

  escalate(actor: Actor, id: number): RescueCase | undefined {
    const changed = this.db
      .prepare(
        `UPDATE rescues SET escalation_level = escalation_level + 1, escalated_at = ?
         WHERE id = ? AND status = 'open'`,
      )
      .run(actor.at, id).changes;
    if (changed === 0) return undefined;
    const c = this.get(id)!;
    this.events.append(actor, {
      kind: 'rescue.escalated',
      subject: ref(id),
      payload: { level: c.escalationLevel, waitingMinutes: Math.floor((actor.at - c.createdAt) / 60_000) },
    });
    return c;
  }

  /**
   * Ends an active case as rescued; undefined when it was no longer active (or, with `heldBy`, when that
   * volunteer's team does not hold it).
   */
  markRescued(actor: Actor, id: number, heldBy?: number): RescueCase | undefined {
    const changed = this.db
      .prepare(`UPDATE rescues SET status = 'rescued', updated_at = @at WHERE id = @id AND ${ACTIVE_SQL}
          AND (@heldBy IS NULL OR (status = 'team_assigned' AND assigned_volunteer = @heldBy))`)
      .run({ at: actor.at, id, heldBy: heldBy ?? null }).changes;
    if (changed === 0) return undefined;
    this.events.append(actor, {
      kind: 'rescue.rescued',
      subject: ref(id),
      ...(heldBy === undefined ? {} : { payload: { volunteer: formatRef('V', heldBy) } }),
    });
    return this.get(id)!;
  }

  /**
   * The team of `volunteerId` leaves the case: it is open again, first in line for a coordinator's /ack,
   * and the escalation clock starts again from now (the rule escalates open cases only). Undefined when
   * they did not hold it.
   */
  release(actor: Actor, id: number, volunteerId: number): RescueCase | undefined {
    const changed = this.db
      .prepare(`UPDATE rescues SET status = 'open', assigned_volunteer = NULL, acknowledged_at = NULL,
            acknowledged_by = NULL, escalated_at = @at, updated_at = @at
          WHERE id = @id AND status = 'team_assigned' AND assigned_volunteer = @volunteer`)
      .run({ at: actor.at, id, volunteer: volunteerId }).changes;
    if (changed === 0) return undefined;
    this.events.append(actor, {
      kind: 'rescue.released',
      subject: ref(id),
      payload: { volunteer: formatRef('V', volunteerId), to: 'open' },
    });
    return this.get(id)!;
  }

  /**
   * A coordinator gives the case to a volunteer (or to another one). Assigning implies the case was seen,
   * so it also counts as the acknowledgement when there was none. Undefined when the case has ended.
   */
  assign(
    actor: Actor,
    id: number,
    volunteerId: number,
    how: 'assign' | 'take' = 'assign',
  ): RescueCase | undefined {
    // A volunteer's /take only finds a case no team holds; a coordinator may hand it to another team.
    const changed = this.db
      .prepare(
        `UPDATE rescues SET status = 'team_assigned', assigned_volunteer = @volunteer, updated_at = @at,
           acknowledged_at = COALESCE(acknowledged_at, @at), acknowledged_by = COALESCE(acknowledged_by, @by)
         WHERE id = @id AND ${ACTIVE_SQL} AND (@how = 'assign' OR status <> 'team_assigned')`,
      )
      .run({ id, volunteer: volunteerId, at: actor.at, by: actor.id, how }).changes;
    if (changed === 0) return undefined;
    this.events.append(actor, {
      kind: 'rescue.team_assigned',
      subject: ref(id),
      payload: { volunteer: formatRef('V', volunteerId), by: how },
    });
    return this.get(id)!;
  }

  /** Ends the case for good, from any state but closed, keeping the reason. */
  close(actor: Actor, id: number, reason: string): RescueCase | undefined {
    const before = this.get(id);
    const changed = this.db
      .prepare(
        `UPDATE rescues SET status = 'closed', status_reason = ?, updated_at = ? WHERE id = ? AND status != 'closed'`,
      )
      .run(reason || null, actor.at, id).changes;
    if (changed === 0 || !before) return undefined;
    this.events.append(actor, {
      kind: 'rescue.closed',
      subject: ref(id),
      payload: { from: before.status },
      // A reason is a person's words ("called 0811... at -7.91..."): erasable, outside the hashed payload.
      ...(reason ? { personal: { reason } } : {}),
    });
    return this.get(id)!;
  }
}
