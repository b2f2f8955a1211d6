import type { ItemId, RequestItem } from '../../../src/domain/items.ts';
import {
  distanceKm,
  itemsLeft as linesLeft,
  type Suggestion,
  suggestMatches,
} from '../../../src/domain/matching.ts';
import { formatRef, parseRef } from '../../../src/domain/refs.ts';
import type { OfferedService } from '../../../src/domain/services.ts';
import { formatLocal } from '../../../src/domain/when.ts';
import type { CommandContext } from '../../../src/engine/command.ts';
import { UserError } from '../../../src/engine/errors.ts';
import { itemsText, type Tr } from '../../../src/engine/items-text.ts';
import type { Outcome } from '../../../src/engine/outcome.ts';
import type { Offer, Posko } from '../../../src/ledger/index.ts';

export const offerRef = (o: { id: number }) => formatRef('O', o.id);
export const poskoRef = (p: { id: number }) => formatRef('K', p.id);

/** The uncommitted part of an offer, as items: what a donor still has to give. */
export const itemsLeft = (o: Offer): RequestItem[] => linesLeft(o.items);

/** An item and its quantity in the reader's language: `20 water`, `5 kg rice`. */
export const itemText = (t: Tr, item: ItemId, qty?: number | null, unit?: RequestItem['unit']) =>
  itemsText([{ item, ...(qty == null ? {} : { qty }), ...(unit ? { unit } : {}) }], t);

/** `2 × vehicle (truck, car), boat`: the services an offer names. */
export const servicesText = (services: readonly OfferedService[], t: Tr) =>
  services.map((s) => `${s.qty === undefined ? '' : `${s.qty} × `}${t(`service-${s.skill}`)}`).join(', ');

/** Goods and services together, as an offer's donor and coordinators read them. */
const offeredText = (items: readonly RequestItem[], services: readonly OfferedService[], t: Tr) =>
  [itemsText(items, t), servicesText(services, t)].filter(Boolean).join(', ');

/** The offer's details for its donor and coordinators (never for groups: the donor's place is personal). */
export function offerArgs(o: Offer, ctx: CommandContext, t: Tr) {
  return {
    ref: offerRef(o),
    items: offeredText(o.items, o.services, t),
    left: offeredText(itemsLeft(o), o.status === 'open' ? o.services : [], t) || t('offer-nothing-left'),
    area: o.area ?? t('supply-area-none'),
    until: formatLocal(o.until, ctx.config.TZ).slice(0, 10),
    delivery: t(`offer-${o.delivery}`),
    status: t(`offer-status-${o.status}`),
  };
}

export function findOffer(ctx: CommandContext, text: string): Offer {
  const ref = parseRef(text);
  if (ref?.kind !== 'O') throw new UserError('offer-ref-invalid', { text: text.slice(0, 40) });
  const o = ctx.ledger.offers.get(ref.id);
  if (!o) throw new UserError('offer-not-found', { ref: formatRef('O', ref.id) });
  return o;
}

/** A posko by its reference (`K-2`) or by its name, caseless. */
export function findPosko(ctx: CommandContext, text: string): Posko {
  const ref = parseRef(text);
  const all = ctx.ledger.posko.all();
  const found =
    ref?.kind === 'K'
      ? all.find((p) => p.id === ref.id)
      : all.find((p) => p.name.toLowerCase() === text.trim().toLowerCase());
  if (!found) throw new UserError('posko-not-found', { text: text.slice(0, 60) });
  return found;
}

const MAX_SUGGESTIONS = 5;

function suggestionLine(s: Suggestion, t: Tr): string {
  return t('match-suggestion-line', {
    request: formatRef('R', s.requestId),
    offer: formatRef('O', s.offerId),
    item: itemText(t, s.item, s.qty, s.unit),
    km: s.km === undefined ? t('match-same-area') : `${s.km.toFixed(1)} km`,
    command: `/match ${formatRef('R', s.requestId)} ${formatRef('O', s.offerId)}${s.qty === undefined ? '' : ` ${s.qty}`}`,
  });
}

/**
 * Tells coordinators which offers could help a request just verified, or which needs an offer just
 * made could meet, each with the `/match` line that confirms it. Nothing is matched here.
 */
export function suggestMatchesTo(
  ctx: CommandContext,
  out: Outcome,
  t: Tr,
  side: { requestId: number } | { offerId: number },
): void {
  const needs = ctx.ledger.offers.needLines('requestId' in side ? side.requestId : undefined);
  const offers = ctx.ledger.offers
    .openLines(ctx.now)
    .filter((o) => !('offerId' in side) || o.offerId === side.offerId);
  const found = suggestMatches(needs, offers, ctx.config.MATCH_MAX_KM).slice(0, MAX_SUGGESTIONS);
  if (found.length === 0) return;
  const about = 'requestId' in side ? formatRef('R', side.requestId) : formatRef('O', side.offerId);
  out.toCoordinators('match-suggestions', {
    about,
    count: found.length,
    lines: found.map((s) => suggestionLine(s, t)).join('\n'),
  });
}

type Place = { lat?: number | null; lon?: number | null; area?: string | null };

/** A place without a point stands at its area's centre, so distances between such places still mean something. */
function pointOf(ctx: CommandContext, l: Place) {
  const centre = l.area ? ctx.areas.get(l.area) : undefined;
  return { lat: l.lat ?? centre?.lat ?? null, lon: l.lon ?? centre?.lon ?? null, area: l.area ?? null };
}

/** Posko by distance from a place, nearest first; those whose distance is unknown are left out. */
export function poskoNear(ctx: CommandContext, place: Place) {
  const from = pointOf(ctx, place);
  return ctx.ledger.posko
    .all()
    .map((p) => ({ posko: p, km: distanceKm(from, pointOf(ctx, p)) }))
    .filter((n): n is { posko: Posko; km: number } => n.km !== undefined)
    .sort((a, b) => a.km - b.km);
}

/** `Bantul: 340 water, 25 tarp` per area: structured fields only, fit for groups. */
