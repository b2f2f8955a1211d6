import { defineCommand } from '../src/engine/command.ts';
import { UserError } from '../src/engine/errors.ts';
import { reply } from '../src/engine/outcome.ts';
import { findOffer, offerArgs } from './lib/offers/format.ts';
import { offerUntil } from './lib/offers/offer-dialog.ts';
import { RefArgs } from './lib/supply/args.ts';

/** `/renew O-3 Friday`: the donor's offer stands again (or longer) until that day; default OFFER_DAYS. */
export default defineCommand({
  names: { en: ['renew'], id: ['perpanjang'] },
  role: 'anyone',
  args: RefArgs,
  run(ctx, { target, rest }) {
    const o = findOffer(ctx, target);
    if (o.donor !== ctx.sender.id) throw new UserError('offer-not-yours', { ref: target.toUpperCase() });
    const until = rest ? offerUntil(ctx, rest) : ctx.now + ctx.config.OFFER_DAYS * 86_400_000;
    if (!ctx.ledger.offers.renew(ctx.actor, o.id, until))
      throw new UserError('offer-not-open', offerArgs(o, ctx, ctx.t));
    return reply('offer-renewed', offerArgs(ctx.ledger.offers.get(o.id)!, ctx, ctx.t));
  },
});
