import { z } from 'zod';
import { takeContact } from '../../../src/domain/contact-text.ts';
import {
  ITEM_IDS,
  type ItemId,
  type RequestItem,
  UNIT_WORDS,
  type UnitId,
} from '../../../src/domain/items.ts';
import { splitServices } from '../../../src/domain/services.ts';
import { SKILLS } from '../../../src/domain/skills.ts';
import { readUntil, splitUntil } from '../../../src/domain/until.ts';
import type { CommandContext, DialogDef } from '../../../src/engine/command.ts';
import { UserError } from '../../../src/engine/errors.ts';
import type { Outcome } from '../../../src/engine/outcome.ts';
import type { Offer } from '../../../src/ledger/index.ts';
import { choiceStep, isSkip, SKIP, textOf } from '../dialog-answers.ts';
import { defaultTranslator } from '../supply/format.ts';
import { type RequestLocation, textLocation } from '../supply/location.ts';
import { areaStep, locationStep, orAsk } from '../supply/location-steps.ts';
import { itemsFrom, phoneFrom } from '../supply/need-dialog.ts';
import { offerArgs, suggestMatchesTo } from './format.ts';

const OfferItemSchema = z.object({
  item: z.custom<RequestItem['item']>((v) => v === 'other' || ITEM_IDS.includes(v as ItemId)),
  qty: z.number().optional(),
  unit: z.custom<UnitId>((v) => typeof v === 'string' && v in UNIT_WORDS).optional(),
  text: z.string().optional(),
});

/** What the /offer dialog has gathered; kept in the ledger between messages, so plain JSON. */
const OfferData = z.object({
  lat: z.number().optional(),
  lon: z.number().optional(),
  address: z.string().optional(),
  area: z.string().nullable().optional(),
  needsArea: z.boolean().optional(),
  located: z.boolean().optional(),
  items: z.array(OfferItemSchema).optional(),
  services: z.array(z.object({ skill: z.enum(SKILLS), qty: z.number().optional() })).optional(),
  until: z.number().optional(),
  delivery: z.enum(['brings', 'pickup']).optional(),
  contact: z.string().nullable().optional(),
  /** Items and a place in the one-shot form: created at once with the defaults for the rest. */
  quick: z.boolean().optional(),
});
export type OfferData = z.infer<typeof OfferData> & RequestLocation;

/** What an offer gives, as typed: goods by the item catalog, services (a truck, a boat) by the skill one. */
const offered = (text: string) => splitServices(itemsFrom(text));

/** How long an offer stands, as typed (`Friday`, `3 hari`), or a refusal. */
export function offerUntil(ctx: CommandContext, text: string): number {
  const at = readUntil(text, ctx.config.TZ, ctx.now);
  if (at === undefined) throw new UserError('offer-until-invalid');
  return at;
}

/** `/offer 50 blanket, 10 dus mie @ Sleman until Friday`: items, then the place, then how long. */
function start(ctx: CommandContext, text: string, out: Outcome): OfferData {
  if (!text) return {};
  const at = text.lastIndexOf('@');
  const head = splitUntil(at < 0 ? text : text.slice(0, at));
  const tail = splitUntil(at < 0 ? '' : text.slice(at + 1));
  const place = takeContact(tail.before);
  const given = orAsk(out, () => offered(head.before));
  const untilWords = tail.until ?? head.until;
  const until = untilWords === undefined ? undefined : orAsk(out, () => offerUntil(ctx, untilWords));
  const located = place.rest ? orAsk(out, () => textLocation(ctx, place.rest)) : undefined;
  return {
    ...(given ?? {}),
    ...(until === undefined ? {} : { until }),
    ...(place.phone ? { contact: place.phone } : {}),
    ...(located ? { ...located, located: true } : {}),
    quick: given !== undefined && located !== undefined && !located.needsArea,
  };
}

/**
 * Creates the offer and tells coordinators, with the matches it suggests: the one path of /offer and of
 * an offer draft confirmed from a listened group (`donor` is then the writer). `answer` tells the one who
 * acted, before coordinators hear.
 */
export function createOffer(
  ctx: CommandContext,
  donor: string,
  data: OfferData,
  out: Outcome,
  answer: (o: Offer) => void,
): Offer {
  const o = ctx.ledger.offers.create(ctx.actor, {
    donor,
    items: data.items ?? [],
    services: data.services ?? [],
    lat: data.lat ?? null,
    lon: data.lon ?? null,
    address: data.address ?? null,
    area: data.area ?? null,
    until: data.until ?? ctx.now + ctx.config.OFFER_DAYS * 86_400_000,
    delivery: data.delivery ?? 'brings',
    contact: data.contact ?? null,
  });
  answer(o);
  const t = defaultTranslator(ctx);
  out.toCoordinators('offer-new-coordinators', offerArgs(o, ctx, t));
  suggestMatchesTo(ctx, out, t, { offerId: o.id });
  return o;
}

function finish(ctx: CommandContext, data: OfferData, out: Outcome): void {
  createOffer(ctx, ctx.sender.id, data, out, (o) =>
    out.reply(data.quick ? 'offer-created-quick' : 'offer-created', offerArgs(o, ctx, ctx.t)),
  );
}

export const offerDialog: DialogDef<OfferData> = {
  data: OfferData,
  start,
  finish,
  steps: [
    {
      id: 'items',
      skip: (d) => d.items !== undefined,
      ask: () => ({ key: 'offer-ask-items' }),
      answer: (_ctx, input, d) => ({ ...d, ...offered(textOf(input) ?? '') }),
    },
    locationStep<OfferData>('offer-ask-location'),
    areaStep<OfferData>(),
    {
      id: 'until',
      skip: (d) => d.until !== undefined || d.quick === true,
      ask: (ctx) => ({
        key: 'offer-ask-until',
        args: { days: ctx.config.OFFER_DAYS },
        choices: [{ value: SKIP, key: 'offer-until-default', args: { days: ctx.config.OFFER_DAYS } }],
      }),
      answer: (ctx, input, d) => {
        if (isSkip(input)) return { ...d, until: ctx.now + ctx.config.OFFER_DAYS * 86_400_000 };
        return { ...d, until: offerUntil(ctx, textOf(input) ?? '') };
      },
    },
    choiceStep<OfferData, 'brings' | 'pickup'>({
      id: 'delivery',
      skip: (d) => d.delivery !== undefined || d.quick === true,
      askKey: 'offer-ask-delivery',
      values: ['brings', 'pickup'],
      label: (v) => `offer-delivery-${v}`,
      invalidKey: 'offer-delivery-invalid',
      set: (d, delivery) => ({ ...d, delivery }),
    }),
    {
      id: 'contact',
      skip: (d) => d.contact !== undefined || d.quick === true,
      ask: () => ({ key: 'offer-ask-contact', ask: 'contact', choices: [{ value: SKIP, key: 'need-skip' }] }),
      answer: (_ctx, input, d) => {
        if (isSkip(input)) return { ...d, contact: null };
        if (input.kind === 'contact') return { ...d, contact: phoneFrom(input.phone) };
        return { ...d, contact: phoneFrom(textOf(input) ?? '') };
      },
    },
  ],
};
