import type { Sender } from '../domain/message.ts';
import type { Db } from './db.ts';
import { type Actor, EventLog } from './events.ts';

export type GrantedRole = 'anyone' | 'coordinator' | 'admin';

export interface Person {
  id: string;
  display_name: string | null;
  language: string | null;
  language_hint: string | null;
  role: GrantedRole;
  reachable: number;
  last_lat: number | null;
  last_lon: number | null;
  last_location_at: number | null;
  first_seen: number;
  last_seen: number;
}

export class People {
  private readonly upsert;
  private readonly byId;
  private readonly events: EventLog;

  constructor(private readonly db: Db) {
    this.events = new EventLog(db);
    // Writing to someone who just wrote always works again, so a message makes them reachable.
    this.upsert = db.prepare(`INSERT INTO people (id, display_name, language_hint, first_seen, last_seen)
      VALUES (@id, @name, @hint, @at, @at)
      ON CONFLICT (id) DO UPDATE SET last_seen = @at, reachable = 1,
        display_name = COALESCE(@name, people.display_name), language_hint = COALESCE(@hint, people.language_hint)
      RETURNING *`);
    this.byId = db.prepare('SELECT * FROM people WHERE id = ?');
  }

  touch(sender: Sender, at: number): Person {
    return this.upsert.get({
      id: sender.id,
      name: sender.displayName ?? null,
      hint: sender.languageHint ?? null,
      at,
    }) as Person;
  }

  get(id: string): Person | undefined {
    return this.byId.get(id) as Person | undefined;
  }

  /** Ensures a row exists for someone the bot has not heard from yet (a role granted from the shell). */
  ensure(id: string, at: number): Person {
    this.db
      .prepare('INSERT INTO people (id, first_seen, last_seen) VALUES (?, ?, ?) ON CONFLICT DO NOTHING')
      .run(id, at, at);
    return this.get(id)!;
  }

  setLanguage(actor: Actor, id: string, language: string): void {
    this.db.prepare('UPDATE people SET language = ? WHERE id = ?').run(language, id);
    // Which language a person reads is about them: erasable with the rest.
    this.events.append(actor, { kind: 'person.language', subject: id, personal: { lang: language } });
  }

  /** A chat the platform refuses (blocked, deleted): nothing more is sent there until they write again. */
  setReachable(actor: Actor, id: string, reachable: boolean): void {
    const changed = this.db
      .prepare('UPDATE people SET reachable = ? WHERE id = ? AND reachable <> ?')
      .run(reachable ? 1 : 0, id, reachable ? 1 : 0).changes;
    if (changed > 0)
      this.events.append(actor, { kind: reachable ? 'person.reachable' : 'person.unreachable', subject: id });
  }

  /** The last place a person shared: a later bare "SOS" uses it. The place itself is personal. */
  setLastLocation(actor: Actor, id: string, lat: number, lon: number): void {
    this.db
      .prepare('UPDATE people SET last_lat = ?, last_lon = ?, last_location_at = ? WHERE id = ?')
      .run(lat, lon, actor.at, id);
    this.events.append(actor, { kind: 'person.location', subject: id, personal: { lat, lon } });
  }

  isActiveVolunteer(id: string): boolean {
    return (
      this.db.prepare("SELECT 1 FROM volunteers WHERE person_id = ? AND status = 'active'").get(id) !==
      undefined
    );
  }

  withRole(role: GrantedRole): Person[] {
    // The second term names the partial index's condition, which is how SQLite knows it may use it.
    return this.db
      .prepare("SELECT * FROM people WHERE role = ? AND role <> 'anyone' ORDER BY id")
      .all(role) as Person[];
  }
}
