import { rescueRef } from '../src/domain/sos-text.ts';
import { defineCommand } from '../src/engine/command.ts';
import { UserError } from '../src/engine/errors.ts';
import { Outcome } from '../src/engine/outcome.ts';
import { groupArgs, RescueRefArg } from '../src/engine/rescue.ts';

/** A coordinator has seen a rescue case: escalation stops and the reporter hears that help is being arranged. */
export default defineCommand({
  names: { en: ['ack'], id: ['terima'] },
  role: 'coordinator',
  args: RescueRefArg,
  run(ctx, id) {
    const ref = rescueRef(id);
    const c = ctx.ledger.rescues.acknowledge(ctx.actor, id);
    if (!c) {
      const existing = ctx.ledger.rescues.get(id);
      if (!existing) throw new UserError('rescue-not-found', { ref });
      throw new UserError('rescue-wrong-status', { ref, status: existing.status });
    }
    return new Outcome()
      .reply('ack-done', { ref })
      .notify(c.reporter, 'sos-acknowledged-reporter', { ref })
      .announce('rescue', c.area, 'rescue-acknowledged-group', groupArgs(ctx.translator, c, ctx.now));
  },
});
