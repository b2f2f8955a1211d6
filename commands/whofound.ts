import { z } from 'zod';
import { formatLocal } from '../src/domain/when.ts';
import { defineCommand } from '../src/engine/command.ts';
import { Outcome } from '../src/engine/outcome.ts';
import { knownPhone } from './lib/family/safe-dialog.ts';

/** `/whofound`: who looked up the sender's number with /find, and when (RFL's accountability for tracing). */
export default defineCommand({
  names: { en: ['whofound'], id: ['siapamencari'] },
  role: 'anyone',
  where: 'private',
  args: z.string(),
  run(ctx) {
    const phone = knownPhone(ctx);
    if (!phone) return new Outcome().reply('whofound-no-number');
    const lookups = ctx.ledger.checkins.lookupsOf(phone);
    if (lookups.length === 0) return new Outcome().reply('whofound-none');
    return new Outcome().replyLines([
      { key: 'whofound-title', args: { count: lookups.length } },
      ...lookups.map((l) => ({
        key: l.shown ? 'whofound-line-shown' : 'whofound-line',
        args: {
          at: formatLocal(l.at, ctx.config.TZ),
          who: l.seekerName ? `${l.seekerName} (${l.seeker})` : l.seeker,
        },
      })),
    ]);
  },
});
