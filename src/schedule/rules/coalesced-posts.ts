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
 * One reporter's held changes as one post per group: each group registered for `rescue` where any of
 * the cases is gets the lines of the cases in its area, built from the cases' state now.
 */
function post(ctx: JobContext, held: HeldPost, out: Outcome): Record<string, HeardCase> | undefined {
  const news: { c: RescueCase; line: KeySay }[] = [];
  for (const id of held.held) {
    const c = ctx.ledger.rescues.get(id);
    const key = c && newsOf(c, held.heard[id]);
    if (c && key) news.push({ c, line: { key, args: groupArgs(ctx.translator, c, ctx.now) } });
  }
  if (news.length === 0) return undefined;
  const groups = new Map<number, KeySay[]>();
  for (const { c, line } of news)
    for (const g of ctx.ledger.groups.forAnnouncement('rescue', c.area)) {
      // Details added were already edited into this group's post about the case (Telegram).
      const edited =
        line.key === 'rescue-updated-group' &&
        TRANSPORT_TRAITS[g.transport].editsPosts &&
        ctx.ledger.outbox.lastGroupPost(g.id, rescueRef(c.id)) !== undefined;
      if (!edited) groups.set(g.id, [...(groups.get(g.id) ?? []), line]);
    }
  const header = { key: 'rescue-coalesced-group' };
  for (const [groupId, lines] of groups) out.toGroup(groupId, { lines: [header, ...lines], gap: true });
  return Object.fromEntries(news.map(({ c }) => [String(c.id), heardOf(c)]));
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
