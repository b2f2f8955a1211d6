import { z } from 'zod';
import { TRANSPORT_PATTERN, TRANSPORTS } from '../../src/domain/message.ts';
import { identityOf, isPerson } from '../../src/domain/person-identity.ts';
import { UserError } from '../../src/engine/errors.ts';
import type { Ledger } from '../../src/ledger/index.ts';

/** How /grant and /revoke name a person. */

/** A person as an admin names them: `telegram:123`, `whatsapp:6281234567890` (`@c.us` or not), or a volunteer's `V-4`. */
export const PersonTarget = z
  .string()
  .regex(new RegExp(`^(?:${TRANSPORT_PATTERN}:\\S{1,128}|[vV]-\\d{1,9})$`, 'i'), 'role-bad-target');

/**
 * The person id a target names, normalised (a WhatsApp number becomes its `@c.us` id). A group, a
 * channel or a sender standing for a whole chat holds no role: each is refused with its reason, and a
 * `V-n` that does not exist too.
 */
export function resolvePerson(ledger: Ledger, target: string): string {
  if (!/^v-/i.test(target)) {
    const identity = identityOf(target);
    // A console group is named by free words, like a console person: a registered group is no person.
    if (identity.person && !registeredGroup(ledger, identity.id)) return identity.id;
    if (identity.person) throw new UserError('role-not-person-group', { person: target });
    throw new UserError(
      identity.what === 'malformed' ? 'role-bad-target' : `role-not-person-${identity.what}`,
      {
        person: target,
      },
    );
  }
  const id = ledger.roles.personOfVolunteer(Number(target.slice(2)));
  if (!id) throw new UserError('role-unknown-volunteer', { ref: target.toUpperCase() });
  if (!isPerson(id) || registeredGroup(ledger, id))
    throw new UserError('role-not-person-anonymous', { person: target.toUpperCase() });
  return id;
}

/** Whether a person id spells the chat of a registered group (possible where chats have free names). */
function registeredGroup(ledger: Ledger, id: string): boolean {
  const i = id.indexOf(':');
  const transport = TRANSPORTS.find((t) => t === id.slice(0, i));
  return (
    transport !== undefined &&
    ledger.groups.byChat({ transport, chatId: id.slice(i + 1), kind: 'group' }) !== undefined
  );
}
