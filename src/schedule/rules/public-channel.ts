import type { RequestItem } from '../../domain/items.ts';
import { aggregateNeeds } from '../../domain/matching.ts';
import { type PublicCount, publicSummary } from '../../domain/public-summary.ts';
import { formatLocal } from '../../domain/when.ts';
import type { JobContext } from '../../engine/command.ts';
import { itemsText } from '../../engine/items-text.ts';
import { Outcome } from '../../engine/outcome.ts';

/** The channel's language: a channel has no members who chose one. */
function translate(ctx: JobContext, language: string | null) {
  const lang = language ?? ctx.config.DEFAULT_LANGUAGE;
  return (key: string, args?: Record<string, string | number>) => ctx.translator.t(lang, key, args);
}

/** The items of several needs as one list: the same catalog item in the same unit is added up. */
function mergeItems(lists: readonly Pick<RequestItem, 'item' | 'qty' | 'unit'>[][]): RequestItem[] {
  const merged = new Map<string, RequestItem>();
  for (const i of lists.flat()) {
    const key = `${i.item}:${i.unit ?? ''}`;
    const seen = merged.get(key);
    if (i.item === 'other' || !seen) merged.set(i.item === 'other' ? `${key}${merged.size}` : key, { ...i });
    else if (seen.qty !== undefined && i.qty !== undefined) seen.qty += i.qty;
  }
  return [...merged.values()];
}

/** PUBLIC_CHANNEL (or its removal) takes effect at start: the channel is a group row marked as such. */
export function setPublicChannel(ctx: JobContext): Outcome {
  const chatId = ctx.config.PUBLIC_CHANNEL;
  ctx.ledger.groups.setPublicChannel(
    ctx.actor,
    chatId === undefined ? undefined : { transport: 'telegram', chatId, kind: 'group' },
  );
  return new Outcome();
}

/**
 * Newly verified needs to the public channel, one post per area with its catalog items: from the
 * allow-listed fields only (area, catalog ids, units, quantities), never a request's words, reference
 * or requester. The first run after the channel is set starts from now rather than posting the past.
 */
export function postVerifiedNeeds(ctx: JobContext): Outcome {
  const out = new Outcome();
  const channel = ctx.ledger.groups.publicChannel();
  if (!channel) return out;
  const posts = ctx.ledger.publicChannelPosts;
  const after = posts.cursor();
  if (after === undefined) {
    posts.markPosted(ctx.actor, posts.newestEvent());
    return out;
  }
  const verified = posts.verifiedAfter(after);
  if (verified.length === 0) return out;
  const t = translate(ctx, channel.language);
  const byArea = new Map<string, (typeof verified)[number]['items'][]>();
  for (const v of verified) {
    const area = v.area ?? t('channel-area-unknown');
    byArea.set(area, [...(byArea.get(area) ?? []), v.items]);
  }
  for (const [area, lists] of byArea)
    out.toGroup(channel.id, {
      key: 'channel-verified-needs',
      args: { area, items: itemsText(mergeItems(lists), t) },
    });
  posts.markPosted(ctx.actor, verified.at(-1)!.eventId);
  return out;
}

/**
 * The daily summary for the public channel: the last 24 hours' requests received, verified and
 * delivered, and each area's open verified needs and rescue cases under way, counts under 3 read
 * "fewer than 3", as on the public page.
 */
export function postDailySummary(ctx: JobContext): Outcome {
  const out = new Outcome();
  const channel = ctx.ledger.groups.publicChannel();
  if (!channel) return out;
  const t = translate(ctx, channel.language);
  const { ledger, config } = ctx;
  const summary = publicSummary(
    ledger.publicView.records(),
    aggregateNeeds(ledger.offers.neededItems()),
    ctx.areas,
    ctx.now,
    config.TZ,
    // The summary names no single need, so no opaque id is ever shown.
    () => '',
  );
  const count = (c: PublicCount) => (c === 'fewer-than-3' ? t('public-fewer-than-3') : String(c));
  const day = summary.figures.day;
  const areas = summary.areas.filter((a) => a.openNeeds !== 0 || a.activeRescues !== 0);
  out.toGroup(channel.id, {
    lines: [
      { key: 'channel-summary-title', args: { when: formatLocal(ctx.now, config.TZ).slice(0, 10) } },
      {
        key: 'channel-summary-day',
        args: { requests: count(day.received), count: count(day.verified), total: count(day.delivered) },
      },
      ...(areas.length === 0
        ? [{ key: 'channel-summary-no-needs' }]
        : areas.map((a) => ({
            key: 'channel-summary-area',
            args: { area: a.area, open: count(a.openNeeds), rescues: count(a.activeRescues) },
          }))),
    ],
  });
  return out;
}
