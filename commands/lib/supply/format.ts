import { coarse } from '../../../src/domain/redaction.ts';
import { formatRef, parseRef } from '../../../src/domain/refs.ts';
import type { CommandContext } from '../../../src/engine/command.ts';
import { UserError } from '../../../src/engine/errors.ts';
import { itemsAsWritten, itemsText, type Tr } from '../../../src/engine/items-text.ts';
import { languageOf } from '../../../src/engine/language.ts';
import type { MessageArgs } from '../../../src/i18n/catalog.ts';
import type { SupplyRequest } from '../../../src/ledger/index.ts';

/** The translator for someone else (a requester, a volunteer): their chosen language, else the default. */
export function translatorFor(ctx: CommandContext, personId: string): Tr {
  const lang = languageOf(
    ctx.ledger.people.get(personId),
    (l) => ctx.translator.has(l),
    ctx.config.DEFAULT_LANGUAGE,
  );
  return (key, args) => ctx.translator.t(lang, key, args);
}

/** The translator for coordinators and groups, who read in the configured default language. */
export const defaultTranslator =
  (ctx: CommandContext): Tr =>
  (key, args) =>
    ctx.translator.t(ctx.config.DEFAULT_LANGUAGE, key, args);

/** Everything a coordinator or the assigned volunteer may see: address, exact point, area. */
export function fullLocation(r: SupplyRequest, t: Tr): string {
  const parts = [
    r.address,
    r.lat === null || r.lon === null ? null : `${r.lat.toFixed(5)},${r.lon.toFixed(5)}`,
    r.area,
  ].filter((p): p is string => Boolean(p));
  return parts.length > 0 ? parts.join(' · ') : t('supply-location-none');
}

/** What a group may see (SPEC 4): the area and a point rounded to about 1 km, never the address. */
export function coarseLocation(r: SupplyRequest, t: Tr): string {
  const parts = [
    r.area,
    r.lat === null || r.lon === null ? null : `~${coarse(r.lat)},${coarse(r.lon)}`,
  ].filter((p): p is string => Boolean(p));
  return parts.length > 0 ? parts.join(' ') : t('supply-location-none');
}

export const requestRef = (r: { id: number }) => formatRef('R', r.id);

/** The details every message about a request carries, rendered for one reader. */
export function requestArgs(r: SupplyRequest, t: Tr): MessageArgs {
  return {
    ref: requestRef(r),
    items: itemsText(r.items, t),
    itemsAsWritten: itemsAsWritten(r.items, t),
    people: r.peopleCount ?? 'unknown',
    urgency: t(`supply-urgency-${r.urgency}`),
    status: t(`supply-status-${r.status}`),
    area: r.area ?? t('supply-area-none'),
  };
}

/**
 * The supply request a reference names, or a refusal: not a reference, another kind of record (a
 * rescue case is not a supply request), or no such request.
 */
export function findRequest(ctx: CommandContext, text: string): SupplyRequest {
  const ref = parseRef(text);
  if (!ref) throw new UserError('supply-ref-invalid', { text: text.slice(0, 40) });
  if (ref.kind !== 'R') throw new UserError('supply-not-a-request', { ref: `${ref.kind}-${ref.id}` });
  const r = ctx.ledger.requests.get(ref.id);
  if (!r) throw new UserError('supply-not-found', { ref: formatRef('R', ref.id) });
  return r;
}

export function refusedMove(ctx: CommandContext, r: SupplyRequest, to: string): UserError {
  return new UserError('supply-move-refused', {
    ref: requestRef(r),
    status: ctx.t(`supply-status-${r.status}`),
    to: ctx.t(`supply-status-${to}`),
  });
}
