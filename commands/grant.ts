import { z } from 'zod';
import { defineCommand } from '../src/engine/command.ts';
import { Outcome } from '../src/engine/outcome.ts';
import { PersonTarget, resolvePerson } from './lib/people.ts';

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
