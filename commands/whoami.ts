import { isPerson } from '../src/domain/person-identity.ts';
import { formatRef } from '../src/domain/refs.ts';
import { defineCommand } from '../src/engine/command.ts';
import { reply } from '../src/engine/outcome.ts';

/** Shows a person how the bot knows them: the id an admin grants roles to, V-n, role and language. */
export default defineCommand({
  names: { en: ['whoami'], id: ['siapasaya'] },
  role: 'anyone',
  keepsDialog: true,
  run(ctx) {
    if (ctx.sender.pseudo || !isPerson(ctx.sender.id)) return reply('whoami-not-a-person');
    const volunteer = ctx.ledger.roles.volunteerId(ctx.sender.id);
    return reply('whoami', {
      person: ctx.sender.id,
      volunteer: volunteer === undefined ? '-' : formatRef('V', volunteer),
      role: ctx.t(`role-${ctx.role}`),
      language: ctx.t('language-name'),
    });
  },
});
