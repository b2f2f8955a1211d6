import { ACTIVE_RESCUE } from '../../domain/rescue-states.ts';
import { rescueRef } from '../../domain/sos-text.ts';
import { CYCLE_WINDOW_MS } from '../../engine/coalesce.ts';
import type { JobContext } from '../../engine/command.ts';
import { Outcome } from '../../engine/outcome.ts';
import { groupArgs } from '../../engine/rescue.ts';
import type { HeldPost, RescueCase } from '../../ledger/index.ts';

const active = (c: RescueCase | undefined): c is RescueCase =>
  c !== undefined && ACTIVE_RESCUE.includes(c.status);

/** A case's held moves: its place now, if the groups last heard another area and it still needs help. */
function relocated(ctx: JobContext, post: HeldPost, out: Outcome): { area: string | null } | undefined {
  const c = ctx.ledger.rescues.get(post.caseId);
  if (!active(c) || c.area === post.area) return undefined;
  out.announce('rescue', c.area, 'rescue-relocated-group', groupArgs(ctx.translator, c, ctx.now));
  return { area: c.area };
}

/**
 * A reporter's held opens and all-clears, as one post built from the cases' state now: the cases still
 * open that the groups have not heard of, and the cases the groups heard of that are safe now. A case
 * opened and ended inside the window was never news to the groups.
 */
function cycle(ctx: JobContext, post: HeldPost, out: Outcome): { area: string | null } | undefined {
  const opened = new Set(post.held.filter((h) => h.what === 'opened').map((h) => h.case));
  const rescued = new Set(post.held.filter((h) => h.what === 'rescued').map((h) => h.case));
  const cases = new Map([...opened, ...rescued].map((id) => [id, ctx.ledger.rescues.get(id)]));
  const openNow = [...opened].filter((id) => active(cases.get(id)));
  const safeNow = [...rescued].filter((id) => !opened.has(id) && !active(cases.get(id)));
  const latest = cases.get(openNow.at(-1) ?? safeNow.at(-1) ?? 0);
  if (!latest) return undefined;
  out.announce('rescue', latest.area, 'rescue-coalesced-group', {
    ...groupArgs(ctx.translator, latest, ctx.now),
    changes: post.held.length + 1,
    open: openNow.map(rescueRef).join(', ') || 'none',
    safe: safeNow.map(rescueRef).join(', ') || 'none',
  });
  return { area: latest.area };
}

/**
 * Sends, once a minute, the group posts held by coalescing whose window has ended (src/engine/coalesce.ts),
 * and forgets windows that are over.
 */
export function postCoalesced(ctx: JobContext): Outcome {
  const out = new Outcome();
  const posts = ctx.ledger.coalescedPosts;
  for (const post of posts.due(ctx.now))
    posts.settle(
      post,
      ctx.now,
      post.kind === 'relocated' ? relocated(ctx, post, out) : cycle(ctx, post, out),
    );
  posts.prune(ctx.now, CYCLE_WINDOW_MS);
  return out;
}
