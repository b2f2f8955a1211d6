import { formatRef } from '../src/domain/refs.ts';
import { defineCommand } from '../src/engine/command.ts';
import { reply } from '../src/engine/outcome.ts';
import { requestArgs } from './lib/supply/format.ts';

const SHOWN = 10;

/** The sender's own supply requests and rescue cases, newest first, with their states. */
export default defineCommand({
  names: { en: ['status'], id: ['status'] },
  role: 'anyone',
  where: 'private',
  run(ctx) {
    const requests = ctx.ledger.requests.ofRequester(ctx.sender.id, SHOWN);
    const rescues = ctx.ledger.rescues.ofReporter(ctx.sender.id, SHOWN);
    if (requests.length === 0 && rescues.length === 0) return reply('status-none');
    const lines = [
      ...requests.map((r) => ctx.t('status-request-line', requestArgs(r, ctx.t))),
      ...rescues.map((s) =>
        ctx.t('status-rescue-line', {
          ref: formatRef('S', s.id),
          status: ctx.t(`status-rescue-${s.status}`),
          area: s.area ?? '-',
        }),
      ),
    ];
    return reply('status-list', { lines: lines.join('\n') });
  },
});
