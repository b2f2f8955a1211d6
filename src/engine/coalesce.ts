import type { MessageArgs } from '../i18n/catalog.ts';
import type { RescueCase } from '../ledger/index.ts';
import type { Outcome } from './outcome.ts';
import type { RescueNoticeContext } from './rescue.ts';

/** At most one relocation post per case in this time (the last place wins). */
export const RELOCATION_WINDOW_MS = 5 * 60_000;
/** A reporter's open/close cycles reach the groups at most once in this time. */
export const CYCLE_WINDOW_MS = 10 * 60_000;

export const windowOf = (what: 'relocated' | 'opened' | 'rescued') =>
  what === 'relocated' ? RELOCATION_WINDOW_MS : CYCLE_WINDOW_MS;

/**
 * A group post caused by a case's reporter (a new place, a new case, "we are safe"): it goes to the
 * rescue groups now, or is folded into the one post the coalesced-posts job sends when the running
 * window ends (SPEC 7: one reporter cannot fill a group). Coordinators' private notices never pass here.
 */
export function announceByReporter(
  out: Outcome,
  ctx: RescueNoticeContext,
  what: 'relocated' | 'opened' | 'rescued',
  c: RescueCase,
  key: string,
  args: MessageArgs,
): Outcome {
  if (ctx.ledger.coalescedPosts.offer(what, c.id, c.area, ctx.now, windowOf(what)) === 'now')
    out.announce('rescue', c.area, key, args);
  return out;
}
