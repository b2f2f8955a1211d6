import { parseItems } from '../../../src/domain/items.ts';
import { formatRef, parseRef } from '../../../src/domain/refs.ts';
import { readSupplyText } from '../../../src/domain/supply-text.ts';
import type { CommandContext } from '../../../src/engine/command.ts';
import { draftArgs, draftRef } from '../../../src/engine/drafts.ts';
import { UserError } from '../../../src/engine/errors.ts';
import type { Outcome } from '../../../src/engine/outcome.ts';
import { announceNewRescue, rescueLocation } from '../../../src/engine/rescue.ts';
import type { Draft } from '../../../src/ledger/index.ts';
import { createOffer } from '../offers/offer-dialog.ts';
import { defaultTranslator } from '../supply/format.ts';
import { MAX_ADDRESS, type RequestLocation, textLocation } from '../supply/location.ts';
import { createRequest } from '../supply/need-dialog.ts';
import { showDraft } from './draft-message.ts';

/** What a coordinator may do with a draft (`/draft D-3 confirm`, the buttons under it). */

/** The draft a reference names, or a refusal. */
export function findDraft(ctx: CommandContext, text: string): Draft {
  const ref = parseRef(text);
  if (ref?.kind !== 'D') throw new UserError('draft-ref-invalid', { text: text.slice(0, 40) });
  const d = ctx.ledger.drafts.get(ref.id);
  if (!d) throw new UserError('draft-not-found', { ref: formatRef('D', ref.id) });
  return d;
}

/** A draft already decided by someone (a second tap, another coordinator) changes nothing. */
export function pendingOrRefuse(ctx: CommandContext, d: Draft): void {
  if (d.status === 'pending') return;
  throw new UserError('draft-decided', {
    ref: draftRef(d),
    status: ctx.t(`draft-status-${d.status}`),
    result: d.result ?? '-',
  });
}

type Decision = 'confirmed' | 'merged' | 'discarded' | 'rescue';
const decide = (ctx: CommandContext, d: Draft, status: Decision, result: string | null) =>
  ctx.ledger.drafts.decide(ctx.actor, d.id, status, result);

/** Where the draft is: the place as written, placed in an area where it names one, else the draft's area. */
function locationOf(ctx: CommandContext, d: Draft): RequestLocation {
  const place = d.reading.place;
  let read: RequestLocation = {};
  if (place)
    try {
      read = textLocation(ctx, place);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      read = { address: place.slice(0, MAX_ADDRESS) };
    }
  const { needsArea: _ignored, ...located } = read;
  return { ...located, area: located.area ?? d.area };
}

/** The writer hears of it only where they have a private chat with the bot. */
function tellWriter(ctx: CommandContext, d: Draft, out: Outcome, key: string, ref: string): void {
  if (ctx.ledger.inbox.hasPrivateChat(d.writer)) out.notify(d.writer, key, { ref });
}

/** A need becomes a request and an offer an offer, through /need's and /offer's own path; the writer asked. */
export function confirmDraft(ctx: CommandContext, d: Draft, out: Outcome): void {
  if (d.kind === 'danger') {
    openRescue(ctx, d, out);
    return;
  }
  const where = locationOf(ctx, d);
  const contact = d.reading.phone ?? null;
  const items = d.reading.items;
  if (d.kind === 'need') {
    const r = createRequest(
      ctx,
      d.writer,
      { ...where, items, people: d.reading.people ?? null, contact, quick: true },
      out,
      (r) => out.reply('draft-confirmed', { ref: draftRef(d), result: formatRef('R', r.id) }),
    );
    decide(ctx, d, 'confirmed', formatRef('R', r.id));
    tellWriter(ctx, d, out, 'draft-writer-request', formatRef('R', r.id));
    return;
  }
  const o = createOffer(ctx, d.writer, { ...where, items, contact, quick: true }, out, (o) =>
    out.reply('draft-confirmed', { ref: draftRef(d), result: formatRef('O', o.id) }),
  );
  decide(ctx, d, 'confirmed', formatRef('O', o.id));
  tellWriter(ctx, d, out, 'draft-writer-offer', formatRef('O', o.id));
}

/** Danger read in a group becomes a rescue case reported by its writer, announced like any other. */
export function openRescue(ctx: CommandContext, d: Draft, out: Outcome): void {
  const where = locationOf(ctx, d);
  const c = ctx.ledger.rescues.open(
    ctx.actor,
    d.writer,
    rescueLocation(
      ctx.areas,
      {
        ...(where.address ? { address: where.address } : {}),
        ...(where.area ? { area: where.area } : {}),
      },
      'reporter',
    ),
    {
      ...(d.reading.people === undefined ? {} : { peopleCount: d.reading.people }),
      conditions: d.reading.conditions,
      ...(d.reading.phone ? { contact: d.reading.phone } : {}),
    },
  );
  const result = formatRef('S', c.id);
  decide(ctx, d, 'rescue', result);
  out.reply('draft-rescue-opened', { ref: draftRef(d), result });
  announceNewRescue(out, ctx, c);
  tellWriter(ctx, d, out, 'draft-writer-rescue', result);
}

/** The same need as another draft or a request: this one goes, the other stands. */
export function mergeDraft(ctx: CommandContext, d: Draft, into: string, out: Outcome): void {
  const ref = parseRef(into);
  const exists =
    ref?.kind === 'D'
      ? ref.id !== d.id && ctx.ledger.drafts.get(ref.id) !== undefined
      : ref?.kind === 'R' && ctx.ledger.requests.get(ref.id) !== undefined;
  if (!ref || !exists) throw new UserError('draft-merge-target', { text: into.slice(0, 40) });
  const target = formatRef(ref.kind, ref.id);
  decide(ctx, d, 'merged', target);
  out.reply('draft-merged', { ref: draftRef(d), original: target });
}

export function discardDraft(ctx: CommandContext, d: Draft, out: Outcome): void {
  decide(ctx, d, 'discarded', null);
  out.reply('draft-discarded', { ref: draftRef(d) });
}

/**
 * `/draft D-3 edit 20 water, 5 rice for 30 people @ Imogiri`: what the draft says, corrected in /need's
 * one-shot words; without words, how to write them, starting from what was read.
 */
export function editDraft(ctx: CommandContext, d: Draft, text: string, out: Outcome): void {
  if (d.kind === 'danger') throw new UserError('draft-edit-danger', { ref: draftRef(d) });
  const t = defaultTranslator(ctx);
  const args = draftArgs(ctx.ledger, d, t, ctx.now);
  if (text === '') {
    const place = d.reading.place ? ` @ ${d.reading.place}` : '';
    const people = d.reading.people === undefined ? '' : `, ${d.reading.people} ${t('draft-people-word')}`;
    out.reply('draft-edit-how', { ref: draftRef(d), current: `${args.items}${people}${place}` });
    return;
  }
  const at = text.lastIndexOf('@');
  const said = readSupplyText(at < 0 ? text : text.slice(0, at));
  const items = parseItems(said.itemsText);
  if (!items.ok) throw new UserError(`need-items-${items.problem}`, { part: items.part ?? '' });
  const place = at < 0 ? d.reading.place : text.slice(at + 1).trim();
  const reading = {
    ...d.reading,
    items: items.items,
    ...(said.people === undefined ? {} : { people: said.people }),
    ...(said.phone ? { phone: said.phone } : {}),
    ...(place ? { place } : {}),
  };
  const area = ctx.areas.mentionedIn(place ?? '')[0]?.path ?? d.area;
  ctx.ledger.drafts.reread(ctx.actor, d.id, reading, area);
  showDraft(ctx, ctx.ledger.drafts.get(d.id)!, out);
}
