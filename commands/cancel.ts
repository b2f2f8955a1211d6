import { z } from 'zod';
import { defineCommand } from '../src/core/command.ts';
import { UserError } from '../src/core/errors.ts';
import { reply } from '../src/core/outcome.ts';
import { parseRef } from '../src/core/refs.ts';
import { findRequest } from './supply/format.ts';
import { cancelOwnRequest } from './supply/moves.ts';

/** `/cancel` leaves whatever dialog is in progress; `/cancel R-12` withdraws one of the sender's own requests. */
export default defineCommand({
  names: { en: ['cancel'], id: ['batal'] },
  role: 'anyone',
  keepsDialog: true,
  args: z.string().trim(),
  run(ctx, target) {
    if (target === '') {
      const had = ctx.ledger.dialogs.clear(ctx.sender.id, ctx.chat);
      return reply(had ? 'cancel-done' : 'cancel-nothing');
    }
    const ref = parseRef(target);
    if (ref?.kind === 'R') return cancelOwnRequest(ctx, findRequest(ctx, target));
    if (ref) throw new UserError('supply-not-a-request', { ref: target });
    throw new UserError('error-usage', { usage: ctx.t('cmd-cancel-usage') });
  },
});
