import { TRANSPORT_TRAITS } from '../../domain/message.ts';
import { rescueRef } from '../../domain/sos-text.ts';
import { HEARD_KEPT_MS, heardOf } from '../../engine/coalesce.ts';
import type { JobContext } from '../../engine/command.ts';
import { type KeySay, Outcome } from '../../engine/outcome.ts';
import { groupArgs } from '../../engine/rescue.ts';
import type { HeardCase, HeldPost, RescueCase } from '../../ledger/index.ts';

/**
 * What is news to the groups about a case, against what they last read (`before`): a case they never
 * heard of that is still in progress, one now safe, one in another area, or one with more details. A
 * case opened and ended inside the window was never news; a move back to where they last read it is none.
 */
function newsOf(c: RescueCase, before: HeardCase | undefined): string | undefined {
  const now = heardOf(c);
  if (!before?.active) return now.active ? 'rescue-new-group' : undefined;
  if (!now.active) return 'rescue-rescued-group';
  if (now.area !== before.area) return 'rescue-relocated-group';
  if (now.people !== before.people || now.conditions !== before.conditions) return 'rescue-updated-group';
  return undefined;
}

/**
 * One reporter's held changes as one post to the group of the window: a line per case in its area that
 * is news to it, built from the cases' state now.
 */
function post(ctx: JobContext, held: HeldPost, out: Outcome): Record<string, HeardCase> | undefined {
  const group = ctx.ledger.groups.get(held.groupId);
  if (!group) return undefined;
  const lines: KeySay[] = [];
  const heard: Record<string, HeardCase> = {};
  for (const id of held.held) {
    const c = ctx.ledger.rescues.get(id);
    const key = c && newsOf(c, held.heard[id]);
    if (!c || !key) continue;
    if (!ctx.ledger.groups.forAnnouncement('rescue', c.area).some((g) => g.id === group.id)) continue;
    // Details added were already edited into this group's post about the case (Telegram).
    const edited =
      key === 'rescue-updated-group' &&
      TRANSPORT_TRAITS[group.transport].editsPosts &&
      ctx.ledger.outbox.lastGroupPost(group.id, rescueRef(c.id)) !== undefined;
    if (edited) continue;
    lines.push({ key, args: groupArgs(ctx.translator, c, ctx.now) });
    heard[String(c.id)] = heardOf(c);
  }
  if (lines.length === 0) return undefined;
  const say =
    lines.length === 1 ? lines[0]! : { lines: [{ key: 'rescue-coalesced-group' }, ...lines], gap: true };
  out.toGroup(group.id, say);
  return heard;
}

/**
 * Sends, once a minute, the group posts held by coalescing whose window has ended (src/engine/coalesce.ts),
 * and forgets windows long over.
 */
export function postCoalesced(ctx: JobContext): Outcome {
  const out = new Outcome();
  const posts = ctx.ledger.coalescedPosts;
  for (const held of posts.due(ctx.now)) posts.settle(held, ctx.now, post(ctx, held, out));
  posts.prune(ctx.now, HEARD_KEPT_MS);
  return out;
}
