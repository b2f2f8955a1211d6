import { z } from 'zod';
import { formatRef } from '../src/domain/refs.ts';
import { defineCommand } from '../src/engine/command.ts';
import { UserError } from '../src/engine/errors.ts';
import { reply } from '../src/engine/outcome.ts';

/** `/unschedule B-n`: a scheduled broadcast will not be sent (a repeating one stops repeating). */
export default defineCommand({
  names: { en: ['unschedule'], id: ['hapusjadwal'] },
  role: 'coordinator',
  args: z
    .string()
    .trim()
    .regex(/^B-\d+$/i, 'unschedule-which')
    .transform((s) => Number(s.slice(2))),
  run(ctx, id) {
    const b = ctx.ledger.broadcasts.get(id);
    const ref = formatRef('B', id);
    if (!b) throw new UserError('broadcast-not-found', { ref });
    if (b.state !== 'scheduled') throw new UserError('unschedule-not-scheduled', { ref });
    ctx.ledger.broadcasts.cancel(ctx.actor, id);
    return reply('unschedule-done', { ref });
  },
});
