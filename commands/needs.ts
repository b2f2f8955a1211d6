import { z } from 'zod';
import { defineCommand } from '../src/engine/command.ts';
import { needsLines } from '../src/engine/needs-text.ts';
import { Outcome } from '../src/engine/outcome.ts';
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
    const lines = needsLines(ctx.ledger, ctx.t, area);
    return lines.length === 0 ? new Outcome().reply('needs-none') : new Outcome().replyLines(lines);
  },
});
