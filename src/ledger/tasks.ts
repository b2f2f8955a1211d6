import { type Areas, haversineKm, isWithin } from '../domain/areas.ts';
import { parseRef } from '../domain/refs.ts';
import { skillsWanted } from '../domain/skills.ts';
import type { Db } from './db.ts';
import type { Actor } from './events.ts';
import type { Requests } from './requests.ts';
import type { Rescues } from './rescues.ts';
import { positionOf, type Volunteer } from './volunteers.ts';

/**
 * A volunteer's work: a verified supply request (`R-n`: verified → assigned → delivered) or a rescue
 * case (`S-n`: open | acknowledged → team_assigned → rescued). The requests and rescues modules own
 * those records; this one moves them through the volunteer's part of their life.
 */
export interface Task {
  kind: 'request' | 'rescue';
  id: number;
  ref: string;
  /** The requester or reporter, told when help is on the way and when it is done. */
  owner: string;
  status: string;
  lat: number | null;
  lon: number | null;
  address: string | null;
  area: string | null;
  contact: string | null;
  notes: string | null;
  peopleCount: number | null;
  items: unknown[];
  conditions: string[];
  assignedVolunteer: number | null;
}

export interface NearTask {
  task: Task;
  /** Null when only the area relates them. */
  km: number | null;
  approximate: boolean;
  /** Skills the task asks for first; empty when anyone can do it. */
  needs: string[];
  fits: boolean;
}

export type TakeResult =
  | { ok: true; task: Task }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'yours'; task: Task }
  | { ok: false; reason: 'taken'; task: Task; by: number }
  | { ok: false; reason: 'not-open'; task: Task };

export type DoneResult =
  | { ok: true; task: Task }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'done'; task: Task }
  | { ok: false; reason: 'not-yours'; task: Task };

/** Tasks farther than this (by coordinates) are not "near", unless they are in the volunteer's area. */
export const TASK_RADIUS_KM = 50;

type Row = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : null);
const num = (v: unknown) => (typeof v === 'number' ? v : null);
const list = (v: unknown): unknown[] => {
  try {
    const parsed: unknown = JSON.parse(typeof v === 'string' ? v : '[]');
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
};

function toTask(kind: Task['kind'], r: Row): Task {
  const id = r.id as number;
  return {
    kind,
    id,
    ref: `${kind === 'request' ? 'R' : 'S'}-${id}`,
    owner: (kind === 'request' ? r.requester : r.reporter) as string,
    status: r.status as string,
    lat: num(r.lat),
    lon: num(r.lon),
    address: str(r.address),
    area: str(r.area),
    contact: str(r.contact),
    notes: str(r.notes),
    peopleCount: num(r.people_count),
    items: kind === 'request' ? list(r.items) : [],
    conditions: kind === 'rescue' ? list(r.conditions).map(String) : [],
    assignedVolunteer: num(r.assigned_volunteer),
  };
}

export function needsOf(task: Task): string[] {
  return skillsWanted(task.conditions);
}

/**
 * Supply requests and rescue cases as one list of tasks for volunteers. Every move goes through the
 * requests' and rescues' own transition gates, the same ones coordinators' commands use.
 */
export class Tasks {
  constructor(
    private readonly db: Db,
    private readonly requests: Requests,
    private readonly rescues: Rescues,
  ) {}

  /** `R-12`, `r12`, `S-3`: the task, or undefined for an unknown reference. */
  get(ref: string): Task | undefined {
    const parsed = parseRef(ref);
    if (parsed?.kind !== 'R' && parsed?.kind !== 'S') return undefined;
    const kind = parsed.kind === 'R' ? 'request' : 'rescue';
    const row = this.db
      .prepare(`SELECT * FROM ${kind === 'request' ? 'requests' : 'rescues'} WHERE id = ?`)
      .get(parsed.id) as Row | undefined;
    return row && toTask(kind, row);
  }

  /** Every task a volunteer may take now. Open tasks number in the hundreds, not the hundred thousands. */
  open(): Task[] {
    const requests = this.db.prepare("SELECT * FROM requests WHERE status = 'verified'").all() as Row[];
    const rescues = this.db
      .prepare("SELECT * FROM rescues WHERE status IN ('open', 'acknowledged')")
      .all() as Row[];
    return [...rescues.map((r) => toTask('rescue', r)), ...requests.map((r) => toTask('request', r))];
  }

  /**
   * Open tasks near a volunteer: by coordinates when both have them (their area's centre otherwise),
   * or in the same area. Tasks the volunteer has a wanted skill for (or that want none) come first;
   * within each group, nearest first.
   */
  near(v: Volunteer, areas: Areas, limit = 10): NearTask[] {
    const from = positionOf(v);
    const found: NearTask[] = [];
    for (const task of this.open()) {
      const centre = task.area ? areas.get(task.area) : undefined;
      const to =
        task.lat !== null && task.lon !== null
          ? { lat: task.lat, lon: task.lon, approximate: false }
          : centre?.lat !== undefined && centre.lon !== undefined
            ? { lat: centre.lat, lon: centre.lon, approximate: true }
            : undefined;
      const km = from && to ? haversineKm(from.lat, from.lon, to.lat, to.lon) : null;
      const sameArea =
        v.area !== null && task.area !== null && (isWithin(task.area, v.area) || isWithin(v.area, task.area));
      if (!sameArea && (km === null || km > TASK_RADIUS_KM)) continue;
      const needs = needsOf(task);
      found.push({
        task,
        km,
        approximate: km !== null && (from!.approximate || to!.approximate),
        needs,
        fits: needs.length === 0 || needs.some((s) => v.skills.includes(s)),
      });
    }
    return found
      .sort((a, b) => Number(b.fits) - Number(a.fits) || (a.km ?? Infinity) - (b.km ?? Infinity))
      .slice(0, limit);
  }

  /**
   * Gives a task to a volunteer if it is still free. The UPDATE carries the condition, so of two
   * volunteers (or two processes) taking the same task exactly one changes the row; the other is told who has it.
   */
  take(actor: Actor, volunteerId: number, ref: string): TakeResult {
    const task = this.get(ref);
    if (!task) return { ok: false, reason: 'not-found' };
    const moved =
      task.kind === 'request'
        ? this.requests.move(actor, task.id, 'assigned', {
            volunteer: volunteerId,
            from: 'verified',
            by: 'take',
          })?.ok
        : this.rescues.assign(actor, task.id, volunteerId, 'take') !== undefined;
    const now = this.get(ref)!;
    if (!moved) {
      if (now.assignedVolunteer === volunteerId && ['assigned', 'team_assigned'].includes(now.status))
        return { ok: false, reason: 'yours', task: now };
      if (now.assignedVolunteer !== null && ['assigned', 'team_assigned'].includes(now.status))
        return { ok: false, reason: 'taken', task: now, by: now.assignedVolunteer };
      return { ok: false, reason: 'not-open', task: now };
    }
    return { ok: true, task: now };
  }

  /** Marks a task delivered (request) or rescued (rescue case); only its assigned volunteer may. */
  done(actor: Actor, volunteerId: number, ref: string): DoneResult {
    const task = this.get(ref);
    if (!task) return { ok: false, reason: 'not-found' };
    const from = task.kind === 'request' ? 'assigned' : 'team_assigned';
    const moved =
      task.kind === 'request'
        ? this.requests.move(actor, task.id, 'delivered', { from: 'assigned', heldBy: volunteerId })?.ok
        : this.rescues.markRescued(actor, task.id, volunteerId) !== undefined;
    if (!moved) {
      const mine = task.assignedVolunteer === volunteerId;
      return mine && task.status !== from
        ? { ok: false, reason: 'done', task }
        : { ok: false, reason: 'not-yours', task };
    }
    return { ok: true, task: this.get(ref)! };
  }

  /**
   * Opens again every task a volunteer holds (they left): requests back to verified, rescues to open.
   * Returns the tasks as they are now, so their requesters and reporters can be told.
   */
  release(actor: Actor, volunteerId: number): Task[] {
    const released: Task[] = [];
    for (const ref of this.heldBy(volunteerId)) {
      const task = this.get(ref)!;
      const moved =
        task.kind === 'request'
          ? this.requests.move(actor, task.id, 'verified', { heldBy: volunteerId, by: 'volunteer-left' })?.ok
          : this.rescues.release(actor, task.id, volunteerId) !== undefined;
      if (moved) released.push(this.get(ref)!);
    }
    return released;
  }

  /**
   * The task a volunteer reported done (delivered, rescued) most recently, at or after `since`: the
   * photos they send then are its proof.
   */
  doneBy(volunteerId: number, since: number): { ref: string; at: number } | undefined {
    const latest = (table: string, status: string, prefix: string) =>
      (
        this.db
          .prepare(
            `SELECT id, updated_at AS at FROM ${table} WHERE assigned_volunteer = ? AND status = ?
             AND updated_at >= ? ORDER BY updated_at DESC, id DESC LIMIT 1`,
          )
          .all(volunteerId, status, since) as { id: number; at: number }[]
      ).map((r) => ({ ref: `${prefix}-${r.id}`, at: r.at }));
    const done = [...latest('requests', 'delivered', 'R'), ...latest('rescues', 'rescued', 'S')];
    return done.sort((a, b) => b.at - a.at)[0];
  }

  /** The references of the tasks a volunteer holds now (`R-5`, `S-2`), requests first. */
  heldBy(volunteerId: number): string[] {
    const held = (table: string, status: string, prefix: string) =>
      (
        this.db
          .prepare(`SELECT id FROM ${table} WHERE assigned_volunteer = ? AND status = ? ORDER BY id`)
          .pluck()
          .all(volunteerId, status) as number[]
      ).map((id) => `${prefix}-${id}`);
    return [...held('requests', 'assigned', 'R'), ...held('rescues', 'team_assigned', 'S')];
  }
}
