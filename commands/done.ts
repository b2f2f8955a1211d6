import { defineCommand } from '../src/engine/command.ts';
import { UserError } from '../src/engine/errors.ts';
import { reply } from '../src/engine/outcome.ts';
import { groupArgs } from '../src/engine/rescue.ts';
import { TaskRefArg } from './lib/tasks.ts';
import { activeVolunteer, vref } from './lib/volunteers.ts';

/** /done R-12: delivered (or rescued), by the volunteer who took it and nobody else. */
export default defineCommand({
  names: { en: ['done'], id: ['selesai'] },
  role: 'volunteer',
  args: TaskRefArg,
  run(ctx, ref) {
    const v = activeVolunteer(ctx);
    const result = ctx.ledger.tasks.done(ctx.actor, v.id, ref);
    if (!result.ok) {
      if (result.reason === 'not-found') throw new UserError('task-not-found', { ref });
      throw new UserError(result.reason === 'done' ? 'task-already-done' : 'task-not-yours', { ref });
    }
    const rescue = result.task.kind === 'rescue';
    const out = reply(rescue ? 'task-done-rescue' : 'task-done-request', { ref }).notify(
      result.task.owner,
      rescue ? 'notify-rescue-rescued' : 'notify-request-delivered',
      { ref, volunteer: vref(v) },
    );
    const c = rescue ? ctx.ledger.rescues.get(result.task.id) : undefined;
    // As with /rescued: coordinators hear it and the rescue groups stand down.
    if (c)
      out
        .toCoordinators('rescue-rescued-coordinators', { ref, by: vref(v) })
        .announce('rescue', c.area, 'rescue-rescued-group', groupArgs(ctx.translator, c, ctx.now));
    return out;
  },
});
