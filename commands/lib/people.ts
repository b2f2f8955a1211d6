import { z } from 'zod';
import { identityOf } from '../../src/domain/person-identity.ts';
import { UserError } from '../../src/engine/errors.ts';
import type { Ledger } from '../../src/ledger/index.ts';

/** How /grant and /revoke name a person. */

/** A person as an admin names them: `telegram:123`, `whatsapp:6281234567890` (`@c.us` or not), or a volunteer's `V-4`. */
export const PersonTarget = z
  .string()
  .regex(/^(?:(?:telegram|whatsapp|console):\S{1,128}|[vV]-\d{1,9})$/, 'role-bad-target');

/**
 * The person id a target names, normalised (a WhatsApp number becomes its `@c.us` id). A group, a
 * channel or a sender standing for a whole chat holds no role: each is refused with its reason, and a
 * `V-n` that does not exist too.
 */
export function resolvePerson(ledger: Ledger, target: string): string {
  if (!/^v-/i.test(target)) {
    const identity = identityOf(target);
    if (identity.person) return identity.id;
    throw new UserError(
      identity.what === 'malformed' ? 'role-bad-target' : `role-not-person-${identity.what}`,
      {
        person: target,
      },
    );
  }
  const id = ledger.roles.personOfVolunteer(Number(target.slice(2)));
  if (!id) throw new UserError('role-unknown-volunteer', { ref: target.toUpperCase() });
  return id;
}
