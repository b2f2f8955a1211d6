import type { AgeRange } from '../domain/age-ranges.ts';
import { formatRef } from '../domain/refs.ts';
import type { Db } from './db.ts';
import type { Actor, EventLog } from './events.ts';
export type Consent = 'asked' | 'given' | 'refused';

/** A missing-person report (`M-n`): for coordinators only, never for a group or a public page. */
export interface MissingReport {
  id: number;
  reporter: string;
  name: string;
  ageRange: AgeRange;
  lastPlace: string | null;
  area: string | null;
  lastSeen: string | null;
  contact: string | null;
  description: string | null;
  status: 'open' | 'found' | 'closed';
  /** Where they were found: a check-in `C-n` or a rescue case `S-n`. */
  foundIn: string | null;
  consent: Consent | null;
  createdAt: number;
}

export type NewMissing = Pick<
  MissingReport,
  'reporter' | 'name' | 'ageRange' | 'lastPlace' | 'area' | 'lastSeen' | 'contact' | 'description'
>;

interface MissingRow {
  id: number;
  reporter: string;
  name: string;
  age_range: AgeRange;
  last_place: string | null;
  area: string | null;
  last_seen: string | null;
  contact: string | null;
  description: string | null;
  status: MissingReport['status'];
  found_in: string | null;
  consent: Consent | null;
  created_at: number;
}

const toReport = (r: MissingRow): MissingReport => ({
  id: r.id,
  reporter: r.reporter,
  name: r.name,
  ageRange: r.age_range,
  lastPlace: r.last_place,
  area: r.area,
  lastSeen: r.last_seen,
  contact: r.contact,
  description: r.description,
  status: r.status,
  foundIn: r.found_in,
  consent: r.consent,
  createdAt: r.created_at,
});

/** Missing-person reports; the event of each change names only the reference and the state. */
export class MissingReports {
  constructor(
    private readonly db: Db,
    private readonly events: EventLog,
  ) {}

  create(actor: Actor, m: NewMissing): MissingReport {
    const id = Number(
      this.db
        .prepare(`INSERT INTO missing_reports (reporter, name, age_range, last_place, area, last_seen, contact,
          description, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`)
        .pluck()
        .get(
          m.reporter,
          m.name,
          m.ageRange,
          m.lastPlace,
          m.area,
          m.lastSeen,
          m.contact,
          m.description,
          actor.at,
          actor.at,
        ),
    );
    this.events.append(actor, {
      kind: 'missing.reported',
      subject: formatRef('M', id),
      payload: {},
      personal: { ...m },
    });
    return this.get(id)!;
  }

  get(id: number): MissingReport | undefined {
    const row = this.db.prepare('SELECT * FROM missing_reports WHERE id = ?').get(id) as
      | MissingRow
      | undefined;
    return row && toReport(row);
  }

  open(limit = 20): MissingReport[] {
    return (
      this.db
        .prepare("SELECT * FROM missing_reports WHERE status = 'open' ORDER BY id LIMIT ?")
        .all(limit) as MissingRow[]
    ).map(toReport);
  }

  ofReporter(personId: string): MissingReport[] {
    return (
      this.db
        .prepare('SELECT * FROM missing_reports WHERE reporter = ? ORDER BY id DESC')
        .all(personId) as MissingRow[]
    ).map(toReport);
  }

  /** open → found, in a check-in or a rescue case; the found person's consent is asked when they can be. */
  found(actor: Actor, id: number, foundIn: string, askConsent: boolean): boolean {
    const changed = this.db
      .prepare(`UPDATE missing_reports SET status = 'found', found_in = ?, consent = ?, updated_at = ?
        WHERE id = ? AND status = 'open'`)
      .run(foundIn, askConsent ? 'asked' : null, actor.at, id).changes;
    if (changed)
      this.events.append(actor, {
        kind: 'missing.found',
        subject: formatRef('M', id),
        payload: { in: foundIn },
      });
    return changed > 0;
  }

  /** The found person's answer; false when it was not asked or already given. */
  answerConsent(actor: Actor, id: number, given: boolean): boolean {
    const changed = this.db
      .prepare("UPDATE missing_reports SET consent = ?, updated_at = ? WHERE id = ? AND consent = 'asked'")
      .run(given ? 'given' : 'refused', actor.at, id).changes;
    if (changed)
      this.events.append(actor, {
        kind: `missing.consent-${given ? 'given' : 'refused'}`,
        subject: formatRef('M', id),
        payload: {},
      });
    return changed > 0;
  }

  close(actor: Actor, id: number): boolean {
    const changed = this.db
      .prepare(
        "UPDATE missing_reports SET status = 'closed', updated_at = ? WHERE id = ? AND status <> 'closed'",
      )
      .run(actor.at, id).changes;
    if (changed)
      this.events.append(actor, { kind: 'missing.closed', subject: formatRef('M', id), payload: {} });
    return changed > 0;
  }
}
