import { z } from 'zod';
import { UserError } from '../../src/engine/errors.ts';
import type { Ledger } from '../../src/ledger/index.ts';

/** How /grant and /revoke name a person. */

/** Telegram's anonymous group admin and linked-channel posts: platform pseudo-senders, never people. */
const PSEUDO_IDS = new Set(['telegram:1087968824', 'telegram:777000', 'telegram:136817688']);

/** A person as an admin names them: `telegram:123`, `whatsapp:6281234567890@c.us`, or a volunteer's `V-4`. */
export const PersonTarget = z
  .string()
  .regex(/^(?:(?:telegram|whatsapp|console):\S{1,128}|[vV]-\d{1,9})$/, 'role-bad-target');

/** The person id a target names; a `V-n` that does not exist is a refusal. */
export function resolvePerson(ledger: Ledger, target: string): string {
  if (!/^v-/i.test(target)) {
    if (PSEUDO_IDS.has(target)) throw new UserError('role-pseudo', { person: target });
    return target;
  }
  const id = ledger.roles.personOfVolunteer(Number(target.slice(2)));
  if (!id) throw new UserError('role-unknown-volunteer', { ref: target.toUpperCase() });
  return id;
}
