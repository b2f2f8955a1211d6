import { z } from 'zod';
import { formatRef } from '../src/domain/refs.ts';
import { defineCommand } from '../src/engine/command.ts';
import { Outcome } from '../src/engine/outcome.ts';
import { itemText, offerArgs } from './lib/offers/format.ts';

/** `/myoffers`: the sender's offers, what is left of each, and where each pledge stands. */
export default defineCommand({
  names: { en: ['myoffers'], id: ['tawaranku'] },
  role: 'anyone',
  where: 'private',
  args: z.string(),
  run(ctx) {
    const offers = ctx.ledger.offers.ofDonor(ctx.sender.id);
    if (offers.length === 0) return new Outcome().reply('myoffers-none');
    const lines = offers.flatMap((o) => [
      { key: 'myoffers-line', args: offerArgs(o, ctx, ctx.t) },
      ...ctx.ledger.offers.matchesOfOffer(o.id).map((m) => ({
        key: 'myoffers-match-line',
        args: {
          request: formatRef('R', m.requestId),
          item: itemText(ctx.t, m.item, m.qty),
          status: ctx.t(`match-status-${m.status}`),
        },
      })),
    ]);
    return new Outcome().replyLines([{ key: 'myoffers-title', args: { count: offers.length } }, ...lines]);
  },
});
