import { serves } from '../../../src/domain/matching.ts';
import { formatRef } from '../../../src/domain/refs.ts';
import type { CommandContext } from '../../../src/engine/command.ts';
import { UserError } from '../../../src/engine/errors.ts';
import type { Tr } from '../../../src/engine/items-text.ts';
import { itemsText } from '../../../src/engine/items-text.ts';
import { Outcome } from '../../../src/engine/outcome.ts';
import type { Match, MatchStatus, Offer, SupplyRequest } from '../../../src/ledger/index.ts';
import { coarseLocation, requestRef, translatorFor } from '../supply/format.ts';
import { itemsLeft, itemText, offerRef, poskoNear, poskoRef } from './format.ts';

/**
 * `/match R-n O-m [QTY]` and the steps after it: what moves between a verified request and an offer,
 * and who is told what. The donor learns where to bring the goods (a posko, or the requester's coarse
 * area and the assigned volunteer), never the requester's address; the requester learns help is coming.
 */

const MATCHABLE = ['verified', 'assigned'];

const pledgedText = (t: Tr, matches: readonly Match[]) =>
  matches.map((m) => itemText(t, m.item, m.qty)).join(', ');

/** Pledges every item the offer and the request share (at most `qty` of each when given). */
export function pledge(ctx: CommandContext, r: SupplyRequest, o: Offer, qty?: number): Outcome {
  if (!MATCHABLE.includes(r.status))
    throw new UserError('match-request-not-open', {
      ref: requestRef(r),
      status: ctx.t(`supply-status-${r.status}`),
    });
  if (o.status !== 'open' || o.until <= ctx.now)
    throw new UserError('offer-not-open', { ref: offerRef(o), status: ctx.t(`offer-status-${o.status}`) });
  const needs = ctx.ledger.offers.needLines(r.id);
  const made: Match[] = [];
  let refusedLeft: number | undefined;
  for (const line of o.items) {
    const need = needs.find((n) => serves(line, n));
    if (!need) continue;
    const wanted = [qty, need.qty].filter((n): n is number => n !== undefined);
    const result = ctx.ledger.offers.match(ctx.actor, {
      requestId: r.id,
      offerId: o.id,
      line: line.line,
      ...(wanted.length > 0
        ? { qty: Math.min(...wanted, line.qty === undefined ? Infinity : line.qty - line.committed) }
        : {}),
    });
    if (result.ok) made.push(result.match);
    else refusedLeft = result.left ?? 0;
  }
  if (made.length === 0) {
    if (refusedLeft !== undefined)
      throw new UserError('match-committed', { offer: offerRef(o), left: refusedLeft });
    throw new UserError('match-nothing-shared', { ref: requestRef(r), offer: offerRef(o) });
  }
  return pledgedNotices(ctx, r, ctx.ledger.offers.get(o.id)!, made);
}

function pledgedNotices(ctx: CommandContext, r: SupplyRequest, o: Offer, made: Match[]): Outcome {
  const refs = { ref: requestRef(r), offer: offerRef(o) };
  const rest = itemsText(
    ctx.ledger.offers.needLines(r.id).map(({ item, qty, unit }) => ({
      item,
      ...(qty === undefined ? {} : { qty }),
      ...(unit ? { unit } : {}),
    })),
    ctx.t,
  );
  const out = new Outcome().reply('match-made', {
    ...refs,
    items: pledgedText(ctx.t, made),
    needLeft: rest || ctx.t('match-need-covered'),
    offerLeft: itemsText(itemsLeft(o), ctx.t) || ctx.t('offer-nothing-left'),
  });
  const dt = translatorFor(ctx, o.donor);
  const posko = o.delivery === 'brings' ? poskoNear(ctx, r)[0]?.posko : undefined;
  const volunteer = r.assignedVolunteer === null ? undefined : ctx.ledger.volunteers.get(r.assignedVolunteer);
  const where = posko
    ? dt('match-where-posko', {
        posko: poskoRef(posko),
        name: posko.name,
        address: posko.address ?? posko.area ?? '-',
        hours: posko.hours ?? '-',
        contact: posko.contact ?? '-',
      })
    : dt('match-where-area', {
        place: coarseLocation(r, dt),
        volunteer: volunteer ? formatRef('V', volunteer.id) : dt('match-no-volunteer'),
        contact: volunteer?.phone ?? '-',
      });
  out.notify(o.donor, 'match-donor', { ...refs, items: pledgedText(dt, made), where });
  const rt = translatorFor(ctx, r.requester);
  if (r.requester !== ctx.sender.id)
    out.notify(r.requester, 'match-requester', { ...refs, items: pledgedText(rt, made) });
  return out;
}

const STEP_KEYS: Record<Exclude<MatchStatus, 'pledged'>, string> = {
  'at-posko': 'match-at-posko',
  delivered: 'match-delivered',
  cancelled: 'match-cancelled',
};

/** A pledge's next step: at a posko, delivered to the requester, or cancelled (the goods go back to the offer). */
export function movePledge(
  ctx: CommandContext,
  r: SupplyRequest,
  o: Offer,
  to: Exclude<MatchStatus, 'pledged'>,
  poskoId?: number,
): Outcome {
  const moved = ctx.ledger.offers.moveMatches(ctx.actor, r.id, o.id, to, poskoId);
  if (moved.length === 0)
    throw new UserError('match-none', {
      ref: requestRef(r),
      offer: offerRef(o),
      to: ctx.t(`match-status-${to}`),
    });
  const key = STEP_KEYS[to];
  const posko = poskoId === undefined ? undefined : ctx.ledger.posko.get(poskoId);
  const args = (t: Tr) => ({
    ref: requestRef(r),
    offer: offerRef(o),
    items: pledgedText(t, moved),
    posko: posko ? `${poskoRef(posko)} ${posko.name}` : '-',
  });
  const out = new Outcome().reply(`${key}-done`, args(ctx.t));
  if (o.donor !== ctx.sender.id) out.notify(o.donor, `${key}-donor`, args(translatorFor(ctx, o.donor)));
  if (r.requester !== ctx.sender.id)
    out.notify(r.requester, `${key}-requester`, args(translatorFor(ctx, r.requester)));
  return out;
}

/** The donor withdraws their own offer; pledges not yet delivered are cancelled and their requesters told. */
export function withdrawOffer(ctx: CommandContext, o: Offer): Outcome {
  if (o.donor !== ctx.sender.id) throw new UserError('offer-not-yours', { ref: offerRef(o) });
  if (!ctx.ledger.offers.close(ctx.actor, o.id, 'withdrawn'))
    throw new UserError('offer-not-open', { ref: offerRef(o), status: ctx.t(`offer-status-${o.status}`) });
  const out = new Outcome().reply('offer-withdrawn', { ref: offerRef(o) });
  const requests = new Set(ctx.ledger.offers.matchesOfOffer(o.id).map((m) => m.requestId));
  for (const requestId of requests) {
    const moved = ctx.ledger.offers.moveMatches(ctx.actor, requestId, o.id, 'cancelled');
    if (moved.length === 0) continue;
    const r = ctx.ledger.requests.get(requestId)!;
    out.notify(r.requester, 'match-cancelled-requester', {
      ref: requestRef(r),
      offer: offerRef(o),
      items: pledgedText(translatorFor(ctx, r.requester), moved),
      posko: '-',
    });
    out.toCoordinators('offer-withdrawn-coordinators', { ref: offerRef(o), request: requestRef(r) });
  }
  return out;
}
