import { TRANSPORT_TRAITS } from '../domain/message.ts';
import { ACTIVE_RESCUE } from '../domain/rescue-states.ts';
import { rescueRef } from '../domain/sos-text.ts';
import type { MessageArgs } from '../i18n/catalog.ts';
import type { HeardCase, RescueCase } from '../ledger/index.ts';
import type { Outcome } from './outcome.ts';
import type { RescueNoticeContext } from './rescue.ts';

/** At most one group post per reporter in this time, across all their cases (issue 23). */
export const REPORTER_WINDOW_MS = 5 * 60_000;
/** How long what the groups read of a reporter's cases is kept after their last post. */
export const HEARD_KEPT_MS = 60 * 60_000;

/** What the rescue groups read of a case when told about it now. */
export function heardOf(c: RescueCase): HeardCase {
  return {
    area: c.area,
    active: ACTIVE_RESCUE.includes(c.status),
    people: c.peopleCount,
    conditions: c.conditionsNone ? 'none' : JSON.stringify(c.conditions),
  };
}

/**
 * A group post caused by a case's reporter (a new case, a new place, details added, "we are safe"): to
 * each rescue group of the case's area it goes now, or waits for the one post the coalesced-posts job
 * sends when this reporter's window in that group ends, whichever of their cases it is about (SPEC 7:
 * one reporter cannot fill a group). A group that never read of the case reads it as a new case (an
 * all-clear of a case it never heard of is no news to it). Coordinators' private notices never pass here.
 */
export function announceByReporter(
  out: Outcome,
  ctx: RescueNoticeContext,
  c: RescueCase,
  key: string,
  args: MessageArgs,
  posts?: 'unless-edited',
): Outcome {
  const subject = rescueRef(c.id);
  for (const g of ctx.ledger.groups.forAnnouncement('rescue', c.area)) {
    const told = ctx.ledger.outbox.lastGroupPost(g.id, subject) !== undefined;
    if (posts === 'unless-edited' && told && TRANSPORT_TRAITS[g.transport].editsPosts) continue;
    if (!told && key === 'rescue-rescued-group') continue;
    if (ctx.ledger.coalescedPosts.offer(c.id, g.id, heardOf(c), ctx.now, REPORTER_WINDOW_MS) === 'now')
      out.toGroup(g.id, { key: told ? key : 'rescue-new-group', args }, undefined, { subject });
  }
  return out;
}

/**
 * The people count or conditions of a reporter's case changed after the groups were told: where the
 * platform edits messages (Telegram) the group's post about the case is brought up to date at once (an
 * edit adds no message to the group); every other group gets one follow-up within the reporter's window.
 */
export function announceDetails(
  out: Outcome,
  ctx: RescueNoticeContext,
  c: RescueCase,
  args: MessageArgs,
): Outcome {
  out.announce('rescue', c.area, 'rescue-new-group', args, { subject: rescueRef(c.id), posts: 'edit' });
  return announceByReporter(out, ctx, c, 'rescue-updated-group', args, 'unless-edited');
}
