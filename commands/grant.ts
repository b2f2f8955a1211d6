import { z } from 'zod';
import { defineCommand } from '../src/engine/command.ts';
import { UserError } from '../src/engine/errors.ts';
import { Outcome } from '../src/engine/outcome.ts';
import type { Ledger } from '../src/ledger/index.ts';

/** Telegram's anonymous group admin and linked-channel posts: platform pseudo-senders, never people. */
const PSEUDO_IDS = new Set(['telegram:1087968824', 'telegram:777000', 'telegram:136817688']);

/** A person as an admin names them: `telegram:123`, `whatsapp:6281234567890@c.us`, or a volunteer's `V-4`. */
export const PersonTarget = z
  .string()
  .regex(/^(?:(?:telegram|whatsapp|console):\S{1,128}|[vV]-\d{1,9})$/, 'role-bad-target');

const GRANTABLE = { coordinator: 'coordinator', koordinator: 'coordinator', admin: 'admin' } as const;

const GrantArgs = z
  .string()
  .trim()
  .transform((s) => s.split(/\s+/))
  .pipe(
    z.tuple([
      PersonTarget,
      z
        .string()
        .toLowerCase()
        .pipe(z.enum(Object.keys(GRANTABLE) as [keyof typeof GRANTABLE]))
        .transform((r) => GRANTABLE[r]),
    ]),
  );

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

/** Admins make someone a coordinator or another admin. */
export default defineCommand({
  names: { en: ['grant'], id: ['beriperan'] },
  role: 'admin',
  args: GrantArgs,
  run(ctx, [target, role]) {
    const person = resolvePerson(ctx.ledger, target);
    const known = ctx.ledger.people.get(person) !== undefined;
    const previous = ctx.ledger.roles.set(ctx.actor, person, role);
    if (previous === role) return new Outcome().reply('grant-already', { person, role });
    const out = new Outcome().reply('grant-done', { person, role });
    // Someone the bot never heard from cannot be written to first on Telegram; they see it in /whoami.
    if (known && person !== ctx.sender.id) out.notify(person, 'role-changed', { role });
    return out;
  },
});
