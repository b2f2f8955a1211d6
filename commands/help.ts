import { defineCommand, roleAllows } from '../src/engine/command.ts';
import { Outcome } from '../src/engine/outcome.ts';

/** Lists what this person may do here, with the names in their language first. */
export default defineCommand({
  names: { en: ['help'], id: ['bantuan'] },
  role: 'anyone',
  keepsDialog: true,
  run(ctx) {
    const lines = ctx.commands
      .filter(
        (c) => !c.hidden && roleAllows(ctx.role, c.role) && (c.where === 'any' || c.where === ctx.chat.kind),
      )
      .map((c) => {
        // A name both languages share (`/status`) is listed once.
        const names = [
          ...new Set(ctx.lang === 'en' ? [...c.names.en, ...c.names.id] : [...c.names.id, ...c.names.en]),
        ];
        const aliases = names.slice(1).map((n) => `/${n}`);
        return `/${names[0]}${aliases.length > 0 ? ` (${aliases.join(', ')})` : ''}: ${ctx.t(`cmd-${c.name}`)}`;
      });
    return new Outcome().reply('help-list', { commands: lines.join('\n') });
  },
});
