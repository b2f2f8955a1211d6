import { z } from 'zod';
import { defineCommand } from '../src/engine/command.ts';
import { Outcome } from '../src/engine/outcome.ts';
import { reportArgs } from './lib/family/missing-dialog.ts';

/** `/missingcases`: open missing-person reports, each with its possible matches to confirm with /found. */
export default defineCommand({
  names: { en: ['missingcases'], id: ['daftarhilang'] },
  role: 'coordinator',
  where: 'private',
  args: z.string(),
  run(ctx) {
    const open = ctx.ledger.missing.open();
    if (open.length === 0) return new Outcome().reply('missingcases-none');
    return new Outcome().replyLines(
      open.map((m) => ({ key: 'missing-case', args: reportArgs(ctx, m, ctx.t) })),
      { gap: true },
    );
  },
});
