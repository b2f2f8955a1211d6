import { z } from 'zod';
import { wordValue } from '../src/domain/until.ts';
import { defineCommand } from '../src/engine/command.ts';
import { UserError } from '../src/engine/errors.ts';
import { reply } from '../src/engine/outcome.ts';

const ACTIONS: Record<string, 'pause' | 'resume' | 'leave'> = {
  pause: 'pause',
  jeda: 'pause',
  resume: 'resume',
  lanjut: 'resume',
  leave: 'leave',
  keluar: 'leave',
};

const DONE = { pause: 'donor-paused', resume: 'donor-resumed', leave: 'donor-left' } as const;

/** `/donorstatus pause|resume|leave`: a donor stops being asked for a while, again, or for good (erased). */
export default defineCommand({
  names: { en: ['donorstatus'], id: ['statusdonor'] },
  role: 'anyone',
  where: 'private',
  args: z.string().trim(),
  run(ctx, text) {
    const action = wordValue(ACTIONS, text.toLowerCase());
    if (!action) throw new UserError('error-usage', { usage: ctx.t('cmd-donorstatus-usage') });
    const { blood } = ctx.ledger;
    const done =
      action === 'leave'
        ? blood.leave(ctx.actor, ctx.sender.id)
        : blood.setPaused(ctx.actor, ctx.sender.id, action === 'pause');
    if (!done) throw new UserError('donor-not-registered');
    return reply(DONE[action]);
  },
});
