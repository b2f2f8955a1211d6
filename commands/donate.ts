import { z } from 'zod';
import { isWithin } from '../src/domain/areas.ts';
import { formatRef } from '../src/domain/refs.ts';
import { formatLocal } from '../src/domain/when.ts';
import { defineCommand } from '../src/engine/command.ts';
import { Outcome } from '../src/engine/outcome.ts';
import { pickArea } from './lib/supply/location.ts';

/** `/donate [AREA]`: the vetted campaigns (for that area and around it), each with who vetted it and when. */
export default defineCommand({
  names: { en: ['donate'], id: ['donasi'] },
  role: 'anyone',
  args: z.string().trim(),
  run(ctx, text) {
    const area = text ? pickArea(ctx, text) : undefined;
    const shown = ctx.ledger.campaigns
      .active()
      .filter((c) => area === undefined || !c.area || isWithin(c.area, area) || isWithin(area, c.area));
    if (shown.length === 0) return new Outcome().reply('donate-none');
    return new Outcome().replyLines([
      { key: 'donate-title' },
      ...shown.map((c) => ({
        key: 'donate-line',
        args: {
          ref: formatRef('F', c.id),
          label: c.label,
          url: c.url,
          area: c.area ?? '-',
          vetter: ctx.ledger.people.get(c.vettedBy)?.display_name ?? ctx.t('donate-a-coordinator'),
          date: c.vettedAt === null ? '-' : formatLocal(c.vettedAt, ctx.config.TZ).slice(0, 10),
        },
      })),
    ]);
  },
});
