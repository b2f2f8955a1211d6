import { z } from 'zod';
import { takeContact } from '../../../src/domain/contact-text.ts';
import {
  ITEM_IDS,
  type ItemId,
  parseItems,
  type RequestItem,
  UNIT_WORDS,
  type UnitId,
} from '../../../src/domain/items.ts';
import { URGENCIES } from '../../../src/domain/request-states.ts';
import { bareCount, readSupplyText } from '../../../src/domain/supply-text.ts';
import type { CommandContext, DialogDef } from '../../../src/engine/command.ts';
import { UserError } from '../../../src/engine/errors.ts';
import type { Outcome } from '../../../src/engine/outcome.ts';
import type { SupplyRequest } from '../../../src/ledger/index.ts';
import { choiceStep, isSkip, SKIP, skipChoice, textOf } from '../dialog-answers.ts';
import { defaultTranslator, fullLocation, requestArgs } from './format.ts';
import { type RequestLocation, textLocation } from './location.ts';
import { areaStep, locationStep, orAsk } from './location-steps.ts';

const RequestItemSchema = z.object({
  item: z.custom<RequestItem['item']>((v) => v === 'other' || ITEM_IDS.includes(v as ItemId)),
  qty: z.number().optional(),
  unit: z.custom<UnitId>((v) => typeof v === 'string' && v in UNIT_WORDS).optional(),
  text: z.string().optional(),
});

/** What the /need dialog has gathered so far; kept in the ledger between messages, so plain JSON. */
const NeedData = z.object({
  lat: z.number().optional(),
  lon: z.number().optional(),
  address: z.string().optional(),
  area: z.string().nullable().optional(),
  /** An address that names no known area: the person picks one next. */
  needsArea: z.boolean().optional(),
  items: z.array(RequestItemSchema).optional(),
  /** null: the person does not know, or skipped. */
  people: z.number().nullable().optional(),
  located: z.boolean().optional(),
  urgency: z.enum(URGENCIES).optional(),
  contact: z.string().nullable().optional(),
  note: z.string().nullable().optional(),
  /** The one-shot form gave items and a location: create at once with defaults for the rest. */
  quick: z.boolean().optional(),
});
export type NeedData = z.infer<typeof NeedData> & RequestLocation;

const MAX_PEOPLE = 100_000;
const MAX_NOTE = 500;

/** Items from text, or a UserError saying what to fix. */
export function itemsFrom(text: string): RequestItem[] {
  const parsed = parseItems(text);
  if (parsed.ok) return parsed.items;
  throw new UserError(`need-items-${parsed.problem}`, { part: parsed.part ?? '' });
}

/** A phone number as people type it: `+62 812-3456-7890`, `0812 3456 7890`. */
export function phoneFrom(text: string): string {
  const compact = text.replace(/[\s.\-()]/g, '');
  if (!/^\+?\d{8,15}$/.test(compact)) throw new UserError('need-contact-invalid');
  return compact;
}

/**
 * `/need 20 water, 5 rice untuk 6 orang @ -7.80,110.36` or `@ Bantul`: what the one-shot form already
 * says. The people count and phone numbers are read out first, so they never become quantities.
 */
function start(ctx: CommandContext, text: string, out: Outcome): NeedData {
  if (!text) return {};
  const at = text.lastIndexOf('@');
  const said = readSupplyText(at < 0 ? text : text.slice(0, at));
  // A phone number after `@` (`@ Jl. Imogiri Timur km 8 HP 0812...`) is the contact, not the address.
  const place = takeContact(at < 0 ? '' : text.slice(at + 1));
  const placePart = place.rest;
  const phone = said.phone ?? place.phone;
  const items = orAsk(out, () => itemsFrom(said.itemsText));
  const located = placePart ? orAsk(out, () => textLocation(ctx, placePart)) : undefined;
  return {
    ...(items ? { items } : {}),
    ...(said.people === undefined ? {} : { people: said.people }),
    ...(phone ? { contact: phone } : {}),
    ...(located ? { ...located, located: true } : {}),
    quick: items !== undefined && located !== undefined && !located.needsArea,
  };
}

/**
 * Creates the request and tells coordinators: the one path of /need and of a need draft confirmed from a
 * listened group (`requester` is then the writer). `answer` tells the one who acted, before coordinators hear.
 */
export function createRequest(
  ctx: CommandContext,
  requester: string,
  data: NeedData,
  out: Outcome,
  answer: (r: SupplyRequest) => void,
): SupplyRequest {
  const r = ctx.ledger.requests.create(ctx.actor, {
    requester,
    items: data.items ?? [],
    peopleCount: data.people ?? null,
    lat: data.lat ?? null,
    lon: data.lon ?? null,
    address: data.address ?? null,
    area: data.area ?? null,
    urgency: data.urgency ?? 'normal',
    contact: data.contact ?? null,
    notes: data.note ?? null,
  });
  answer(r);
  const t = defaultTranslator(ctx);
  out.toCoordinators('supply-new-coordinators', {
    ...requestArgs(r, t),
    location: fullLocation(r, t),
  });
  return r;
}

function finish(ctx: CommandContext, data: NeedData, out: Outcome): void {
  createRequest(ctx, ctx.sender.id, data, out, (r) =>
    out.reply('need-created', { ...requestArgs(r, ctx.t), location: fullLocation(r, ctx.t) }),
  );
}

export const needDialog: DialogDef<NeedData> = {
  data: NeedData,
  start,
  finish,
  steps: [
    {
      id: 'items',
      skip: (d) => d.items !== undefined,
      ask: () => ({ key: 'need-ask-items' }),
      answer: (_ctx, input, d) => {
        const text = textOf(input);
        if (text === undefined) throw new UserError('need-items-empty', { part: '' });
        return { ...d, items: itemsFrom(text) };
      },
    },
    {
      id: 'people',
      // Asked in the one-shot form too: a people count is what lets coordinators size a delivery.
      skip: (d) => d.people !== undefined,
      ask: () => ({ key: 'need-ask-people', choices: [{ value: SKIP, key: 'need-people-unknown' }] }),
      answer: (_ctx, input, d) => {
        if (isSkip(input)) return { ...d, people: null };
        const text = textOf(input) ?? '';
        const n = readSupplyText(text).people ?? bareCount(text) ?? Number.NaN;
        if (!(n >= 1 && n <= MAX_PEOPLE)) throw new UserError('need-people-invalid', { max: MAX_PEOPLE });
        return { ...d, people: n };
      },
    },
    locationStep<NeedData>('need-ask-location'),
    areaStep<NeedData>(),
    choiceStep<NeedData, (typeof URGENCIES)[number]>({
      id: 'urgency',
      skip: (d) => d.urgency !== undefined || d.quick === true,
      askKey: 'need-ask-urgency',
      values: URGENCIES,
      label: (u) => `supply-urgency-${u}`,
      invalidKey: 'need-urgency-invalid',
      set: (d, urgency) => ({ ...d, urgency }),
    }),
    {
      id: 'contact',
      skip: (d) => d.contact !== undefined || d.quick === true,
      ask: () => ({ key: 'need-ask-contact', ask: 'contact', choices: [skipChoice] }),
      answer: (_ctx, input, d) => {
        if (isSkip(input)) return { ...d, contact: null };
        if (input.kind === 'contact') return { ...d, contact: phoneFrom(input.phone) };
        return { ...d, contact: phoneFrom(textOf(input) ?? '') };
      },
    },
    {
      id: 'note',
      skip: (d) => d.note !== undefined || d.quick === true,
      ask: () => ({ key: 'need-ask-note', choices: [skipChoice] }),
      answer: (_ctx, input, d) => {
        if (isSkip(input)) return { ...d, note: null };
        const text = textOf(input);
        if (!text) throw new UserError('need-note-invalid', { max: MAX_NOTE });
        if (text.length > MAX_NOTE) throw new UserError('need-note-invalid', { max: MAX_NOTE });
        return { ...d, note: text };
      },
    },
  ],
};
