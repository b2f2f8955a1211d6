import { z } from 'zod';
import { formatRef, parseRef } from '../src/domain/refs.ts';
import { defineCommand } from '../src/engine/command.ts';
import { UserError } from '../src/engine/errors.ts';
import { reply } from '../src/engine/outcome.ts';
import { findOffer } from './lib/offers/format.ts';
import { withdrawOffer } from './lib/offers/pledge.ts';
import { findRequest } from './lib/supply/format.ts';
import { cancelOwnRequest } from './lib/supply/moves.ts';

/** `/cancel` leaves whatever dialog is in progress; `/cancel R-12` or `/cancel O-3` withdraws one of the sender's own requests or offers. */
export default defineCommand({
  names: { en: ['cancel'], id: ['batal'] },
  role: 'anyone',
  keepsDialog: true,
  // `batal` / `cancel` typed to any question leaves it, as /batal does.
  bareInDialog: true,
  args: z.string().trim(),
  run(ctx, target) {
    if (target === '') {
      const had = ctx.ledger.dialogs.clear(ctx.sender.id, ctx.chat);
      return reply(had ? 'cancel-done' : 'cancel-nothing');
    }
    const ref = parseRef(target);
    if (ref?.kind === 'R') return cancelOwnRequest(ctx, findRequest(ctx, target));
    if (ref?.kind === 'O') return withdrawOffer(ctx, findOffer(ctx, target));
    if (ref) throw new UserError('supply-not-a-request', { ref: formatRef(ref.kind, ref.id) });
    throw new UserError('error-usage', { usage: ctx.t('cmd-cancel-usage') });
  },
});
