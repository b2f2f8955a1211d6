import { TRANSPORT_PATTERN } from '../domain/message.ts';
import type { Db } from './db.ts';

/**
 * A platform address: `telegram:123`, `whatsapp:6281234567890@c.us` (a phone number), a pseudo-sender's
 * chat `telegram:chat:-100123`, `console:local`. The state tables use them to reach people; the event
 * chain never holds one.
 */
const ADDRESS = new RegExp(`^${TRANSPORT_PATTERN}:\\S+$`);
export const isAddress = (s: string): boolean => ADDRESS.test(s);

const PSEUDONYM = /^P-(\d+)$/;

/** Every string in a JSON value that is a platform address, replaced by `person(address)`. */
export function mapAddresses(value: unknown, person: (address: string) => string): unknown {
  if (typeof value === 'string') return isAddress(value) ? person(value) : value;
  if (Array.isArray(value)) return value.map((v) => mapAddresses(v, person));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapAddresses(v, person)]));
  return value;
}

/**
 * The one place where a person's pseudonym (`P-n`, what the event chain names them by) meets their
 * platform address. Forgetting a person empties their row's address: the chain keeps verifying, and
 * nothing in it leads back to them. A number is never given twice (AUTOINCREMENT).
 */
export class Pseudonyms {
  constructor(private readonly db: Db) {}

  /** The pseudonym of an address, given on first sight. */
  of(address: string): string {
    const known = this.find(address);
    if (known) return known;
    const id = this.db
      .prepare('INSERT INTO pseudonyms (address) VALUES (?) RETURNING id')
      .pluck()
      .get(address);
    return `P-${id}`;
  }

  find(address: string): string | undefined {
    const id = this.db.prepare('SELECT id FROM pseudonyms WHERE address = ?').pluck().get(address) as
      | number
      | undefined;
    return id === undefined ? undefined : `P-${id}`;
  }

  /** The address behind a pseudonym; undefined once it was erased. */
  addressOf(pseudonym: string): string | undefined {
    const m = PSEUDONYM.exec(pseudonym);
    if (!m) return undefined;
    return (this.db.prepare('SELECT address FROM pseudonyms WHERE id = ?').pluck().get(Number(m[1])) ??
      undefined) as string | undefined;
  }

  /** Erases the address behind a pseudonym for good. */
  erase(pseudonym: string, at: number): void {
    const m = PSEUDONYM.exec(pseudonym);
    if (!m) return;
    this.db.prepare('UPDATE pseudonyms SET address = NULL, erased_at = ? WHERE id = ?').run(at, Number(m[1]));
  }

  /**
   * The inbound message an event answers, as `M-<inbox row>`: a message reference
   * (`transport:chat:message`) names the chat, and a WhatsApp message id holds the sender's number too.
   * Chat and message ids may contain colons, so each split is tried against the inbox's unique key.
   * Null when no such message was recorded.
   */
  messageRef(ref: string): string | null {
    if (/^M-\d+$/.test(ref)) return ref;
    const i = ref.indexOf(':');
    if (i < 0) return null;
    const transport = ref.slice(0, i);
    const rest = ref.slice(i + 1);
    const find = this.db
      .prepare('SELECT id FROM inbox WHERE transport = ? AND chat_id = ? AND message_id = ?')
      .pluck();
    for (let j = rest.indexOf(':'); j >= 0; j = rest.indexOf(':', j + 1)) {
      const id = find.get(transport, rest.slice(0, j), rest.slice(j + 1)) as number | undefined;
      if (id !== undefined) return `M-${id}`;
    }
    return null;
  }
}
