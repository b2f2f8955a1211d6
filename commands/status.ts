import { formatRef } from '../src/domain/refs.ts';
import { defineCommand } from '../src/engine/command.ts';
import { reply } from '../src/engine/outcome.ts';
import { offerArgs } from './lib/offers/format.ts';
import { requestArgs } from './lib/supply/format.ts';

const SHOWN = 10;

/** The sender's own supply requests, rescue cases and offers, newest first, with their states. */
export default defineCommand({
  names: { en: ['status'], id: ['status'] },
  role: 'anyone',
  where: 'private',
  run(ctx) {
    const requests = ctx.ledger.requests.ofRequester(ctx.sender.id, SHOWN);
    const rescues = ctx.ledger.rescues.ofReporter(ctx.sender.id, SHOWN);
    const offers = ctx.ledger.offers.ofDonor(ctx.sender.id, SHOWN);
    if (requests.length + rescues.length + offers.length === 0) return reply('status-none');
    const lines = [
      ...requests.map((r) => ctx.t('status-request-line', requestArgs(r, ctx.t))),
      ...rescues.map((s) =>
        ctx.t('status-rescue-line', {
          ref: formatRef('S', s.id),
          status: ctx.t(`status-rescue-${s.status}`),
          area: s.area ?? '-',
        }),
      ),
      ...offers.map((o) => ctx.t('myoffers-line', offerArgs(o, ctx, ctx.t))),
    ];
    return reply('status-list', { lines: lines.join('\n') });
  },
});
