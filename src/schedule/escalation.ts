import type { JobContext } from '../engine/command.ts';
import { dangerChoices, draftArgs } from '../engine/drafts.ts';
import { Outcome } from '../engine/outcome.ts';
import { fullArgs, groupArgs } from '../engine/rescue.ts';

/**
 * The escalation rule (SPEC 4), run every minute by the scheduler through `Core.runJob`: a rescue case
 * nobody has acknowledged within SOS_ESCALATE_MINUTES goes out again, one level higher, with its waiting
 * time, to the rescue groups of its area and to every coordinator; then again every interval until a
 * coordinator acknowledges it (or a team takes it). A late run escalates once, not once per missed interval.
 * Danger read in a listened group (a danger draft `D-n`) escalates the same way until a coordinator opens
 * a rescue case from it or says it is none; the group it was read in hears nothing of it.
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
  const t = (key: string, args?: Record<string, string | number>) =>
    ctx.translator.t(ctx.config.DEFAULT_LANGUAGE, key, args);
  for (const due of ctx.ledger.drafts.overdueDanger(ctx.now, intervalMs)) {
    const d = ctx.ledger.drafts.escalate(ctx.actor, due.id);
    if (!d) continue;
    const args = draftArgs(ctx.ledger, d, t, ctx.now);
    for (const g of ctx.ledger.groups.forAnnouncement('rescue', d.area))
      if (g.id !== d.groupId)
        out.toGroup(g.id, {
          key: 'listen-danger-escalated-group',
          args: { ref: args.ref!, area: args.area!, minutes: args.minutes!, level: args.level! },
        });
    out.toCoordinators('listen-danger-escalated-coordinators', args, undefined, dangerChoices(d));
  }
  return out;
}
