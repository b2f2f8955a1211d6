import type { JobContext } from '../engine/command.ts';
import { Outcome } from '../engine/outcome.ts';
import { fullArgs, groupArgs } from '../engine/rescue.ts';

/**
 * The escalation rule (SPEC 4), run every minute by the scheduler through `Core.runJob`: a rescue case
 * nobody has acknowledged within SOS_ESCALATE_MINUTES goes out again, one level higher, with its waiting
 * time, to the rescue groups of its area and to every coordinator; then again every interval until a
 * coordinator acknowledges it (or a team takes it). A late run escalates once, not once per missed interval.
 */
export function escalateOverdue(ctx: JobContext): Outcome {
  const out = new Outcome();
  const intervalMs = ctx.config.SOS_ESCALATE_MINUTES * 60_000;
  for (const due of ctx.ledger.rescues.overdue(ctx.now, intervalMs)) {
    const c = ctx.ledger.rescues.escalate(ctx.actor, due.id);
    if (!c) continue;
    out
      .announce('rescue', c.area, 'rescue-escalated-group', groupArgs(ctx.translator, c, ctx.now))
      .toCoordinators('rescue-escalated-coordinators', fullArgs(ctx.translator, c, ctx.now));
  }
  return out;
}
