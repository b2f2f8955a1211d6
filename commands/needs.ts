import { z } from 'zod';
import { aggregateNeeds } from '../src/domain/matching.ts';
import { defineCommand } from '../src/engine/command.ts';
import { Outcome } from '../src/engine/outcome.ts';
import { needsLines } from './lib/offers/format.ts';
import { pickArea } from './lib/supply/location.ts';

/**
 * `/needs [AREA]`: what verified requests still need, by area and item, minus what donors pledged:
 * the list a donor or a posko can act on. Built from structured fields only, so it may go to groups.
 */
export default defineCommand({
  names: { en: ['needs'], id: ['kebutuhan'] },
  role: 'anyone',
  args: z.string().trim(),
  run(ctx, areaText) {
    const area = areaText ? pickArea(ctx, areaText) : undefined;
    const needs = aggregateNeeds(ctx.ledger.offers.neededItems(), area);
    if (needs.length === 0) return new Outcome().reply('needs-none', { area: area ?? '-' });
    return new Outcome().replyLines([
      { key: 'needs-title', args: { count: needs.length } },
      ...needsLines(ctx.t, needs),
    ]);
  },
});
