import { DashboardAccess } from './dashboard.ts';
import type { Db } from './db.ts';
import { type Actor, EventLog } from './events.ts';
import type { GrantedRole } from './people.ts';

/**
 * Granted roles (`coordinator`, `admin`) kept on `people.role`. Admins named in ADMINS are not stored
 * here: configuration alone makes them admins. Every change is a `person.role` event.
 */
export class Roles {
  private readonly events: EventLog;

  constructor(private readonly db: Db) {
    this.events = new EventLog(db);
  }

  /** Sets a person's granted role (creating their row if the bot never heard from them); returns the previous one. */
  set(actor: Actor, personId: string, role: GrantedRole): GrantedRole {
    this.db
      .prepare('INSERT INTO people (id, first_seen, last_seen) VALUES (?, ?, ?) ON CONFLICT DO NOTHING')
      .run(personId, actor.at, actor.at);
    const previous = this.db
      .prepare('SELECT role FROM people WHERE id = ?')
      .pluck()
      .get(personId) as GrantedRole;
    if (previous === role) return previous;
    this.db.prepare('UPDATE people SET role = ? WHERE id = ?').run(role, personId);
    // A role taken back ends the dashboard's sessions and links at once, not at their next request.
    if (role === 'anyone') new DashboardAccess(this.db).endAll(personId);
    this.events.append(actor, { kind: 'person.role', subject: personId, payload: { role, previous } });
    return previous;
  }

  /** The `V-n` number of a person's volunteer record, active or not. */
  volunteerId(personId: string): number | undefined {
    return this.db.prepare('SELECT id FROM volunteers WHERE person_id = ?').pluck().get(personId) as
      | number
      | undefined;
  }

  /** The person behind a volunteer reference, so `/grant V-4 coordinator` works. */
  personOfVolunteer(volunteerId: number): string | undefined {
    return this.db.prepare('SELECT person_id FROM volunteers WHERE id = ?').pluck().get(volunteerId) as
      | string
      | undefined;
  }
}
