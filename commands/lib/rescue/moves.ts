import { formatRef, parseRef } from '../../../src/domain/refs.ts';
import { ACTIVE_RESCUE } from '../../../src/domain/rescue-states.ts';
import { rescueRef } from '../../../src/domain/sos-text.ts';
import type { CommandContext } from '../../../src/engine/command.ts';
import { UserError } from '../../../src/engine/errors.ts';
import { Outcome } from '../../../src/engine/outcome.ts';
import { fullArgs, groupArgs } from '../../../src/engine/rescue.ts';
import type { RescueCase } from '../../../src/ledger/index.ts';

/** The S-n branches of /assign and /close: each tells the reporter, the team and the rescue groups. */

function findRescue(ctx: CommandContext, id: number): RescueCase {
  const c = ctx.ledger.rescues.get(id);
  if (!c) throw new UserError('rescue-not-found', { ref: rescueRef(id) });
  return c;
}

/** `/assign S-3 V-40`: the volunteer gets everything, exact location and contact included. */
export function assignRescue(ctx: CommandContext, id: number, volunteerText: string): Outcome {
  const c = findRescue(ctx, id);
  const ref = rescueRef(id);
  const vref = parseRef(volunteerText);
  if (vref?.kind !== 'V')
    throw new UserError('supply-volunteer-invalid', { text: volunteerText.slice(0, 40) });
  const volunteer = formatRef('V', vref.id);
  const v = ctx.ledger.volunteers.get(vref.id);
  if (!v) throw new UserError('supply-volunteer-not-found', { volunteer });
  if (v.status !== 'active') throw new UserError('supply-volunteer-left', { volunteer });
  if (c.status === 'team_assigned' && c.assignedVolunteer === v.id)
    throw new UserError('rescue-already-assigned', { ref, volunteer });
  const after = ctx.ledger.rescues.assign(ctx.actor, id, v.id);
  if (!after) throw new UserError('rescue-wrong-status', { ref, status: c.status });
  const out = new Outcome()
    .reply('rescue-assigned', { ref, volunteer, name: v.name ?? volunteer })
    .notifyAssignee(v.personId, 'rescue-assigned-team', fullArgs(ctx.translator, after, ctx.now))
    .notify(after.reporter, 'rescue-team-assigned-reporter', { ref, volunteer, name: v.name ?? volunteer })
    .announce('rescue', after.area, 'rescue-team-assigned-group', {
      ...groupArgs(ctx.translator, after, ctx.now),
      volunteer,
    });
  const previous = ctx.ledger.rescues.teamOf(c);
  if (previous && previous !== v.personId) out.notifyAssignee(previous, 'rescue-unassigned-team', { ref });
  return out;
}

/** `/close S-3 reason`: a false alarm, a duplicate, people rescued by others; the reason is kept. */
export function closeRescue(ctx: CommandContext, id: number, reason: string): Outcome {
  const c = findRescue(ctx, id);
  const ref = rescueRef(id);
  const closed = ctx.ledger.rescues.close(ctx.actor, id, reason);
  if (!closed) throw new UserError('rescue-wrong-status', { ref, status: c.status });
  const out = new Outcome().reply('rescue-closed', { ref });
  if (c.reporter !== ctx.sender.id)
    out.notify(c.reporter, 'rescue-closed-reporter', { ref, reason: reason || '-' });
  const team = ctx.ledger.rescues.teamOf(c);
  if (team && team !== ctx.sender.id) out.notifyAssignee(team, 'rescue-closed-team', { ref });
  // Groups already heard "rescued"; a case closed while still active needs them to stand down.
  if (ACTIVE_RESCUE.includes(c.status))
    out.announce('rescue', c.area, 'rescue-closed-group', groupArgs(ctx.translator, closed, ctx.now));
  return out;
}
