import type Database from 'better-sqlite3';
import { redact } from '../../src/domain/redaction.ts';

const PLATFORM = /(telegram|whatsapp|console):/;
const HASH = /^[0-9a-f]{64}$/;
const LONG_DIGITS = /\d{8,}/;

function leaves(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(leaves);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(leaves);
  return [];
}

/**
 * Where the event chain still names someone by their platform address (issue 15): every column of
 * every event is searched for a platform prefix. The chained columns (all but `personal`) are also
 * searched for the digits of `addresses` (the people of the run), for anything the group redaction
 * reads as a phone number and for long digit runs (a Telegram id). `personal` is outside the hash and
 * erasable (purge, /forget): a number a person gave to be called back on lives there until then.
 * Hashes are skipped, and so are public contacts: registered to be published.
 */
export function addressesInChain(db: Database.Database, addresses: readonly string[]): string[] {
  const digits = addresses
    .map((a) => /^\w+:(?:chat:)?(-?\d{5,})/.exec(a)?.[1])
    .filter((d): d is string => d !== undefined);
  const found: string[] = [];
  const rows = db.prepare('SELECT * FROM events ORDER BY id').all() as Record<string, unknown>[];
  for (const e of rows) {
    for (const [column, value] of Object.entries(e)) {
      if (typeof value !== 'string') continue;
      const where = `event ${e.id} (${e.kind}) ${column}: ${value}`;
      if (PLATFORM.test(value)) found.push(where);
      if (column === 'personal' || column.endsWith('hash') || String(e.kind).startsWith('public_contact.'))
        continue;
      if (digits.some((d) => value.includes(d))) found.push(where);
      const parsed = column === 'payload' ? leaves(JSON.parse(value)) : [value];
      for (const leaf of parsed.filter((l) => !HASH.test(l)))
        if (redact(leaf).phones > 0 || LONG_DIGITS.test(leaf)) found.push(where);
    }
  }
  return [...new Set(found)];
}
