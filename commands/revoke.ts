import { defineCommand } from '../src/engine/command.ts';
import { UserError } from '../src/engine/errors.ts';
import { Outcome } from '../src/engine/outcome.ts';
import { PersonTarget, resolvePerson } from './lib/people.ts';

/** Admins take a granted role back; the person is then a volunteer (if signed up) or anyone. */
export default defineCommand({
  names: { en: ['revoke'], id: ['cabutperan'] },
  role: 'admin',
  args: PersonTarget,
  run(ctx, target) {
    const person = resolvePerson(ctx.ledger, target);
    // Configuration is the source of these admins; a chat command cannot outrank it.
    if (ctx.config.ADMINS.includes(person)) throw new UserError('revoke-config-admin', { person });
    const current = ctx.ledger.people.get(person)?.role ?? 'anyone';
    if (current === 'anyone') throw new UserError('revoke-nothing', { person });
    ctx.ledger.roles.set(ctx.actor, person, 'anyone');
    const out = new Outcome().reply('revoke-done', { person, role: current });
    if (person !== ctx.sender.id) out.notify(person, 'role-changed', { role: 'anyone' });
    return out;
  },
});
