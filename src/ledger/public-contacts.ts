import { phoneKey } from '../domain/redaction.ts';
import type { Db } from './db.ts';
import type { Actor, EventLog } from './events.ts';

export interface PublicContact {
  key: string;
  number: string;
  label: string;
  added_by: string;
  created_at: number;
}

/** Hotline numbers that may reach groups; each change is a `public_contact.*` event. */
export class PublicContacts {
  private readonly allKeys;

  constructor(
    private readonly db: Db,
    private readonly events: EventLog,
  ) {
    this.allKeys = db.prepare('SELECT key FROM public_contacts').pluck();
  }

  /** Adds or relabels a number; returns false when it was already registered with this label. */
  add(actor: Actor, number: string, label: string): boolean {
    const key = phoneKey(number);
    const before = this.get(number);
    if (before?.label === label) return false;
    this.db
      .prepare(`INSERT INTO public_contacts (key, number, label, added_by, created_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (key) DO UPDATE SET number = excluded.number, label = excluded.label`)
      .run(key, number, label, actor.id, actor.at);
    this.events.append(actor, { kind: 'public_contact.add', subject: key, payload: { number, label } });
    return true;
  }

  remove(actor: Actor, number: string): PublicContact | undefined {
    const found = this.get(number);
    if (!found) return undefined;
    this.db.prepare('DELETE FROM public_contacts WHERE key = ?').run(found.key);
    this.events.append(actor, { kind: 'public_contact.remove', subject: found.key, payload: {} });
    return found;
  }

  get(number: string): PublicContact | undefined {
    return this.db.prepare('SELECT * FROM public_contacts WHERE key = ?').get(phoneKey(number)) as
      | PublicContact
      | undefined;
  }

  list(): PublicContact[] {
    return this.db.prepare('SELECT * FROM public_contacts ORDER BY label, key').all() as PublicContact[];
  }

  /** The canonical digits of every registered number, for the redaction. */
  keys(): Set<string> {
    return new Set(this.allKeys.all() as string[]);
  }
}
