import { z } from 'zod';
import { rescueRef } from '../src/domain/sos-text.ts';
import { announceByReporter } from '../src/engine/coalesce.ts';
import { defineCommand, roleAllows } from '../src/engine/command.ts';
import { UserError } from '../src/engine/errors.ts';
import { Outcome } from '../src/engine/outcome.ts';
import { groupArgs, RescueRefArg } from '../src/engine/rescue.ts';

/**
 * A rescue case ends with everyone safe. The reporter ("we are safe now", no reference needed), the
 * assigned team or a coordinator may say so; everyone else involved is told, and the groups stand down.
 */
export default defineCommand({
  names: { en: ['rescued'], id: ['selamat'] },
  role: 'anyone',
  args: z.union([z.literal('').transform(() => undefined), RescueRefArg]),
  run(ctx, id) {
    const { rescues } = ctx.ledger;
    const c = id === undefined ? rescues.activeBy(ctx.sender.id) : rescues.get(id);
    if (!c)
      throw new UserError(id === undefined ? 'rescued-none' : 'rescue-not-found', {
        ref: rescueRef(id ?? 0),
      });
    const ref = rescueRef(c.id);
    const team = rescues.teamOf(c);
    const allowed =
      c.reporter === ctx.sender.id || team === ctx.sender.id || roleAllows(ctx.role, 'coordinator');
    if (!allowed) throw new UserError('rescue-not-yours', { ref });
    const done = rescues.markRescued(ctx.actor, c.id);
    if (!done) throw new UserError('rescue-wrong-status', { ref, status: c.status });
    const out = new Outcome().reply('rescued-done', { ref });
    if (c.reporter !== ctx.sender.id) out.notify(c.reporter, 'rescue-rescued-reporter', { ref });
    if (team && team !== ctx.sender.id) out.notifyAssignee(team, 'rescue-rescued-team', { ref });
    out.toCoordinators('rescue-rescued-coordinators', { ref, by: ctx.sender.id });
    // The reporter may record the people as safe, so a family's /find sees it (issue 31); a tap is consent.
    const safe = { choices: [{ value: `/safe rescued ${ref}`, key: 'rescued-safe-choice' }] };
    if (c.reporter === ctx.sender.id) out.reply('rescued-safe-offer', { ref }, safe);
    else out.notify(c.reporter, 'rescued-safe-offer', { ref }, safe);
    const args = groupArgs(ctx.translator, done, ctx.now);
    // The reporter's own all-clears share their one window of group posts (src/engine/coalesce.ts).
    if (c.reporter === ctx.sender.id) return announceByReporter(out, ctx, done, 'rescue-rescued-group', args);
    return out.announce('rescue', done.area, 'rescue-rescued-group', args);
  },
});
