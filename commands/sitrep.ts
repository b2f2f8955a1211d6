import { z } from 'zod';
import { defineCommand } from '../src/engine/command.ts';
import { Outcome } from '../src/engine/outcome.ts';
import { sitrepLines } from '../src/engine/sitrep.ts';
import { resolveArea } from './lib/targets.ts';

/** `/sitrep [AREA]`: the situation report now, for everything or one area and below. */
export default defineCommand({
  names: { en: ['sitrep'], id: ['laporan'] },
  role: 'coordinator',
  args: z.string().trim(),
  run(ctx, text) {
    const area = text === '' ? null : resolveArea(ctx, text);
    return new Outcome().replyLines(sitrepLines(ctx.ledger, ctx.t, area, ctx.now, ctx.config.TZ));
  },
});
