import { z } from 'zod';
import type { Areas } from '../domain/areas.ts';
import { coarse } from '../domain/redaction.ts';
import { parseRescueRef, rescueRef } from '../domain/sos-text.ts';
import type { MessageArgs, Translator } from '../i18n/catalog.ts';
import type { Ledger, RescueCase, RescueLocation } from '../ledger/index.ts';
import { announceByReporter, heardOf } from './coalesce.ts';
import type { Outcome } from './outcome.ts';

/**
 * What /sos, /ack, /locate, /rescued and the escalation rule share: where a case is, and the arguments of
 * every message about it. Two audiences: groups get area and coarse location only (SPEC 4); coordinators
 * and the assigned team get everything.
 */

/** A command argument naming a case: `S-3` (or `3`). Anything else is answered with the command's usage. */
export const RescueRefArg = z
  .string()
  .trim()
  .transform((text, ctx) => {
    const id = parseRescueRef(text);
    if (id === undefined) ctx.addIssue({ code: 'custom', message: 'expected a rescue case like S-3' });
    return id ?? 0;
  });

/** What the notices need; both a command's and a job's context have it. */
export interface RescueNoticeContext {
  readonly ledger: Ledger;
  readonly translator: Translator;
  readonly now: number;
}

/**
 * Where a case is. Coordinates decide the area; a point outside every known area, or an address without
 * coordinates, needs a coordinator's check, unless a coordinator gave it.
 */
export function rescueLocation(
  areas: Areas,
  place: { lat?: number; lon?: number; address?: string; area?: string },
  source: 'reporter' | 'coordinator',
): RescueLocation {
  const hasPoint = place.lat !== undefined && place.lon !== undefined;
  const area = hasPoint ? areas.locate(place.lat!, place.lon!)?.path : undefined;
  return {
    ...(hasPoint ? { lat: place.lat!, lon: place.lon! } : {}),
    ...(place.address ? { address: place.address } : {}),
    ...((area ?? place.area) ? { area: area ?? place.area } : {}),
    needsLocationCheck: source === 'reporter' && (!hasPoint || area === undefined),
  };
}

/**
 * Conditions are a list whose words depend on the reader's language, but a message's arguments are
 * rendered for each recipient unchanged. So the list is given once per catalog language
 * (`conditions_en`, `conditions_id`, ...), and each catalog uses its own.
 */
function conditionArgs(translator: Translator, c: RescueCase): MessageArgs {
  return Object.fromEntries(
    translator.languages.map((lang) => [
      `conditions_${lang}`,
      c.conditions.length === 0
        ? translator.t(lang, c.conditionsNone ? 'rescue-condition-none' : 'rescue-condition-unknown')
        : c.conditions.map((k) => translator.t(lang, `rescue-condition-${k}`)).join(', '),
    ]),
  );
}

const waitingMinutes = (c: RescueCase, now: number) => Math.max(0, Math.floor((now - c.createdAt) / 60_000));

/** For group chats: never a phone number, an address or coordinates finer than about 1 km. */
export function groupArgs(translator: Translator, c: RescueCase, now: number): MessageArgs {
  return {
    ref: rescueRef(c.id),
    area: c.area ?? 'none',
    place: c.lat !== null && c.lon !== null ? `${coarse(c.lat)},${coarse(c.lon)}` : 'none',
    people: c.peopleCount ?? 'unknown',
    check: c.needsLocationCheck ? 'yes' : 'no',
    minutes: waitingMinutes(c, now),
    level: c.escalationLevel,
    ...conditionArgs(translator, c),
  };
}

/** For coordinators and the assigned team: the exact location, a map link, the address and the contact. */
export function fullArgs(translator: Translator, c: RescueCase, now: number): MessageArgs {
  const exact = c.lat !== null && c.lon !== null ? `${c.lat.toFixed(5)},${c.lon.toFixed(5)}` : undefined;
  return {
    ...groupArgs(translator, c, now),
    exact: exact ?? 'none',
    map: exact ? `https://www.openstreetmap.org/?mlat=${c.lat}&mlon=${c.lon}#map=17/${c.lat}/${c.lon}` : '',
    address: c.address ?? 'none',
    contact: c.contact ?? 'none',
    reporter: c.reporter,
    checkReason: !c.needsLocationCheck ? 'none' : exact ? 'outside' : c.address ? 'address' : 'unknown',
  };
}

/**
 * A new case goes privately to every coordinator at once, and to the rescue groups of its area at once
 * too, unless its reporter's window of group posts is running (src/engine/coalesce.ts).
 */
export function announceNewRescue(out: Outcome, ctx: RescueNoticeContext, c: RescueCase): Outcome {
  announceByReporter(out, ctx, c, 'rescue-new-group', groupArgs(ctx.translator, c, ctx.now));
  return out.toCoordinators('rescue-new-coordinators', fullArgs(ctx.translator, c, ctx.now));
}

/**
 * A corrected location reaches everyone who acts on it: the assigned team and the coordinators with the
 * exact place, rescue groups of the new area when the area changed, and the reporter when a coordinator
 * made the correction.
 */
export function announceRelocation(
  out: Outcome,
  ctx: RescueNoticeContext,
  before: RescueCase,
  after: RescueCase,
  source: 'reporter' | 'coordinator',
): Outcome {
  const full = fullArgs(ctx.translator, after, ctx.now);
  const team = ctx.ledger.rescues.teamOf(after);
  if (team) out.notifyAssignee(team, 'rescue-relocated-team', full);
  out.toCoordinators('rescue-relocated-coordinators', { ...full, source });
  if (after.area !== before.area) {
    const args = groupArgs(ctx.translator, after, ctx.now);
    // A reporter's moves share their one window of group posts; a coordinator's go at once.
    if (source === 'reporter') announceByReporter(out, ctx, after, 'rescue-relocated-group', args);
    else {
      out.announce('rescue', after.area, 'rescue-relocated-group', args);
      ctx.ledger.coalescedPosts.heard(after.id, heardOf(after));
    }
  }
  if (source === 'coordinator') out.notify(after.reporter, 'rescue-relocated-reporter', full);
  return out;
}
