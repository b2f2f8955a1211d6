import { defineCommand } from '../src/core/command.ts';
import { reply } from '../src/core/outcome.ts';

/** Leaves whatever dialog is in progress. */
export default defineCommand({
  names: { en: ['cancel'], id: ['batal'] },
  role: 'anyone',
  keepsDialog: true,
  run(ctx) {
    const had = ctx.ledger.dialogs.clear(ctx.sender.id, ctx.chat);
    return reply(had ? 'cancel-done' : 'cancel-nothing');
  },
});
