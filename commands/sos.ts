import { z } from 'zod';
import { answerWord } from '../src/domain/answer-words.ts';
import {
  type Choice,
  type InboundContent,
  phoneOfPersonId,
  TRANSPORT_TRAITS,
} from '../src/domain/message.ts';
import {
  parsePeopleCount,
  parsePhone,
  parseSosText,
  RESCUE_CONDITIONS,
  type RescueCondition,
  rescueRef,
  type SosText,
} from '../src/domain/sos-text.ts';
import { announceDetails } from '../src/engine/coalesce.ts';
import { type CommandContext, type DialogStep, defineCommand, type Prompt } from '../src/engine/command.ts';
import { matchChoices } from '../src/engine/dialog.ts';
import { UserError } from '../src/engine/errors.ts';
import { Outcome } from '../src/engine/outcome.ts';
import {
  announceNewRescue,
  announceRelocation,
  fullArgs,
  groupArgs,
  rescueLocation,
} from '../src/engine/rescue.ts';
import type { RescueCase } from '../src/ledger/index.ts';

/** A location shared this recently is where the person is (SPEC 2: a share followed by "SOS" is enough). */
const RECENT_LOCATION_MS = 10 * 60_000;
/** Reports from the same person this close together are one emergency: they update one case. */
const MERGE_WINDOW_MS = 60 * 60_000;

const SosData = z.object({
  caseId: z.number().int().optional(),
  /** Questions answered or skipped. */
  done: z.array(z.string()),
  /** Something was added after the first alert: coordinators get the completed picture at the end. */
  added: z.boolean().optional(),
});
type SosData = z.infer<typeof SosData>;

type Place = { lat?: number; lon?: number; address?: string; area?: string };
type Details = {
  peopleCount?: number;
  conditions?: RescueCondition[];
  conditionsNone?: boolean;
  contact?: string;
};

const SKIP = { value: 'skip', key: 'sos-skip' };

function detailsOf(parsed: SosText): Details {
  return { peopleCount: parsed.peopleCount, conditions: parsed.conditions, contact: parsed.phone };
}

const hasDetails = (d: Details) =>
  d.peopleCount !== undefined || (d.conditions?.length ?? 0) > 0 || d.contact !== undefined;

/**
 * Coordinates in the text, else a location shared in the last minutes, else the text as an address.
 * Coordinates off the globe are no place: a mistyped point must not become an address nobody can find.
 */
function placeOf(ctx: CommandContext, parsed: SosText, useRecentShare: boolean): Place | undefined {
  const words = { address: parsed.address, area: parsed.area };
  if (parsed.lat !== undefined) return { lat: parsed.lat, lon: parsed.lon, ...words };
  const p = ctx.person;
  const recent =
    p.last_lat !== null && p.last_lon !== null && ctx.now - (p.last_location_at ?? 0) <= RECENT_LOCATION_MS;
  if (useRecentShare && recent) return { lat: p.last_lat!, lon: p.last_lon!, ...words };
  return parsed.address ? words : undefined;
}

function relocateByReporter(ctx: CommandContext, c: RescueCase, place: Place, out: Outcome): RescueCase {
  // A new pin keeps the address text (it may name the floor or a landmark); an address never drops a pin.
  const merged = place.lat === undefined ? { lat: c.lat ?? undefined, lon: c.lon ?? undefined } : {};
  const location = rescueLocation(
    ctx.areas,
    { address: c.address ?? undefined, area: c.area ?? undefined, ...merged, ...place },
    'reporter',
  );
  const after = ctx.ledger.rescues.relocate(ctx.actor, c.id, location, 'reporter');
  out.reply('sos-location-updated', { ref: rescueRef(c.id) });
  announceRelocation(out, ctx, c, after, 'reporter');
  return after;
}

/**
 * A report: opens a case where `place` is, or updates the reporter's case of the last hour. Once a
 * message starts the rescue path a case exists and coordinators hear of it (SPEC 7), so a report that
 * says nowhere (or a point off the map) opens one with its location unknown, and the dialog asks.
 */
function report(ctx: CommandContext, parsed: SosText, place: Place | undefined, out: Outcome): RescueCase {
  const { rescues } = ctx.ledger;
  const existing = rescues.activeBy(ctx.sender.id, ctx.now - MERGE_WINDOW_MS);
  if (existing) {
    const moved =
      place &&
      (place.lat !== undefined ||
        (existing.lat === null && place.address && place.address !== existing.address));
    const c = moved ? relocateByReporter(ctx, existing, place, out) : existing;
    const enriched = enrich(ctx, c, detailsOf(parsed), out);
    out.reply('sos-merged', { ref: rescueRef(c.id) });
    if (!moved)
      out.toCoordinators('rescue-repeated-coordinators', fullArgs(ctx.translator, enriched, ctx.now));
    return enriched;
  }
  const c = rescues.open(ctx.actor, ctx.sender.id, rescueLocation(ctx.areas, place ?? {}, 'reporter'), {
    ...detailsOf(parsed),
    contact: parsed.phone ?? phoneOfPersonId(ctx.sender.id),
  });
  const ref = rescueRef(c.id);
  if (parsed.outOfRange !== undefined && parsed.lat === undefined && c.address === null)
    out.reply('sos-created-bad-point', { ref, written: parsed.outOfRange });
  else
    out.reply(
      c.lat !== null ? 'sos-created' : c.address !== null ? 'sos-created-address' : 'sos-created-unknown',
      { ref },
    );
  announceNewRescue(out, ctx, c);
  return c;
}

/**
 * Adds what the reporter told; when the people count or conditions changed, the rescue groups' picture
 * is brought up to date too: their post edited where the platform allows, else one follow-up within
 * the reporter's window of group posts (src/engine/coalesce.ts).
 */
function enrich(ctx: CommandContext, c: RescueCase, details: Details, out: Outcome): RescueCase {
  const after = ctx.ledger.rescues.enrich(ctx.actor, c.id, details);
  const news =
    after.peopleCount !== c.peopleCount ||
    after.conditions.length !== c.conditions.length ||
    after.conditionsNone !== c.conditionsNone;
  if (news) announceDetails(out, ctx, after, groupArgs(ctx.translator, after, ctx.now));
  return after;
}

function caseOf(ctx: CommandContext, data: SosData): RescueCase {
  const c = data.caseId === undefined ? undefined : ctx.ledger.rescues.get(data.caseId);
  if (!c) throw new Error(`rescue dialog without its case: ${data.caseId}`);
  return c;
}

/**
 * Asked while the case has no location at all. The case exists already, so whatever comes is kept: a
 * location share or coordinates place it, other text is taken as the address (`Jl. Imogiri Timur km 8,
 * 3 orang`), and only a point off the map is refused and asked again.
 */
const locationStep: DialogStep<SosData> = {
  id: 'location',
  skip: (data, ctx) => {
    const c = caseOf(ctx, data);
    return data.done.includes('location') || c.lat !== null || c.address !== null;
  },
  ask: () => ({ key: 'sos-ask-location', ask: 'location' }),
  answer(ctx, input, data, out) {
    const c = caseOf(ctx, data);
    if (input.kind === 'location') {
      relocateByReporter(ctx, c, { lat: input.lat, lon: input.lon }, out);
      return { ...data, done: [...data.done, 'location'] };
    }
    if (
      (input.kind === 'choice' && input.value === 'skip') ||
      (input.kind === 'text' && answerWord(input.text) === 'skip')
    )
      return { ...data, done: [...data.done, 'location'] };
    if (input.kind !== 'text' || input.text.trim() === '') throw new UserError('sos-location-invalid');
    const parsed = parseSosText(input.text, ctx.areas);
    if (parsed.outOfRange !== undefined && parsed.lat === undefined)
      throw new UserError('coordinates-out-of-range', { written: parsed.outOfRange });
    const place = placeOf(ctx, parsed, false) ?? { address: input.text.trim().slice(0, 500) };
    // The count and conditions first, so the notices of the new location carry them too.
    relocateByReporter(ctx, enrich(ctx, c, detailsOf(parsed), out), place, out);
    return { ...data, done: [...data.done, 'location'], added: data.added || hasDetails(detailsOf(parsed)) };
  },
};

/** What an answer adds to the case; 'skip' when the person has nothing to add; undefined when unreadable. */
type Reader = (input: InboundContent, choices: readonly Choice[]) => Details | 'skip' | undefined;

/**
 * A question that enriches the case. Whatever the question, free text is read whole, so "4 orang, ada
 * lansia" answers two questions at once, and a location shared meanwhile corrects the case's location.
 */
function enrichStep(
  id: string,
  prompt: Prompt,
  known: (c: RescueCase, ctx: CommandContext) => boolean,
  read: Reader,
): DialogStep<SosData> {
  return {
    id,
    skip: (data, ctx) => data.done.includes(id) || known(caseOf(ctx, data), ctx),
    ask: () => prompt,
    answer(ctx, input, data, out, choices) {
      const c = caseOf(ctx, data);
      if (input.kind === 'location') {
        relocateByReporter(ctx, c, { lat: input.lat, lon: input.lon }, out);
        return data;
      }
      if (input.kind === 'contact') {
        ctx.ledger.rescues.enrich(ctx.actor, c.id, { contact: input.phone });
        return { ...data, added: true };
      }
      // Coordinates typed meanwhile move the case, as a shared location does.
      const point = input.kind === 'text' ? parseSosText(input.text) : undefined;
      if (point?.lat !== undefined && point.lon !== undefined)
        relocateByReporter(ctx, c, { lat: point.lat, lon: point.lon }, out);
      const details = read(input, choices);
      if (details === undefined && point?.lat !== undefined) return data;
      // A point off the map at any question is said to be no place, as at the location question.
      if (details === undefined && point?.outOfRange !== undefined)
        throw new UserError('coordinates-out-of-range', { written: point.outOfRange });
      if (details === undefined) throw new UserError(`sos-${id}-invalid`);
      if (details === 'skip') return { ...data, done: [...data.done, id] };
      enrich(ctx, caseOf(ctx, data), details, out);
      return { ...data, done: [...data.done, id], added: true };
    },
  };
}

const freeText = (input: InboundContent): Details | undefined => {
  if (input.kind !== 'text') return undefined;
  const details = detailsOf(parseSosText(input.text));
  return hasDetails(details) ? details : undefined;
};

const peopleStep = enrichStep(
  'people',
  { key: 'sos-ask-people', choices: [SKIP] },
  (c) => c.peopleCount !== null,
  (input) => {
    if (input.kind === 'choice') return input.value === 'skip' ? 'skip' : undefined;
    const count = input.kind === 'text' ? parsePeopleCount(input.text) : undefined;
    return count === undefined ? freeText(input) : { ...freeText(input), peopleCount: count };
  },
);

const isCondition = (v: string): v is RescueCondition => (RESCUE_CONDITIONS as readonly string[]).includes(v);

const conditionsStep = enrichStep(
  'conditions',
  {
    key: 'sos-ask-conditions',
    choices: [
      ...RESCUE_CONDITIONS.map((c) => ({ value: c, key: `rescue-condition-${c}` })),
      { value: 'none', key: 'sos-condition-none' },
      SKIP,
    ],
  },
  (c) => c.conditions.length > 0 || c.conditionsNone,
  (input, choices) => {
    if (input.kind === 'choice') {
      if (isCondition(input.value)) return { conditions: [input.value] };
      return input.value === 'none' ? { conditionsNone: true } : 'skip';
    }
    if (input.kind !== 'text') return undefined;
    const picked = matchChoices(input.text, choices)?.map((c) => c.value);
    if (picked?.some(isCondition)) return { conditions: picked.filter(isCondition) };
    if (picked?.includes('none')) return { conditionsNone: true };
    if (picked) return 'skip';
    return freeText(input);
  },
);

const contactStep = enrichStep(
  'contact',
  { key: 'sos-ask-contact', ask: 'contact', choices: [SKIP] },
  (c, ctx) => c.contact !== null || ctx.chat.kind === 'group',
  (input) => {
    if (input.kind === 'choice') return input.value === 'skip' ? 'skip' : undefined;
    const phone = input.kind === 'text' ? parsePhone(input.text) : undefined;
    return phone ? { contact: phone } : freeText(input);
  },
);

/**
 * Once the essentials are in (never before them), a photo of the place or the water helps the team: offered
 * where the transport takes photos and none came with the report (attached, or sent and about to join
 * it). It is not a question the dialog waits
 * on, so nothing is held up: a photo sent afterwards joins the case (src/engine/media.ts).
 */
function offerPhoto(ctx: CommandContext, c: RescueCase, out: Outcome): void {
  if (ctx.chat.kind === 'group' || !TRANSPORT_TRAITS[ctx.chat.transport].media) return;
  const since = ctx.now - MERGE_WINDOW_MS;
  const sent =
    ctx.ledger.attachments.ofSubject(rescueRef(c.id)).length > 0 ||
    ctx.ledger.attachments.unattached(ctx.sender.id, since).length > 0;
  if (sent) return;
  out.reply('sos-ask-photo');
}

export default defineCommand<string, SosData>({
  names: { en: ['sos'], id: ['darurat', 'tolong'] },
  intent: 'rescue',
  role: 'anyone',
  dialog: {
    data: SosData,
    start(ctx, text, out) {
      const parsed = parseSosText(text, ctx.areas);
      const c = report(ctx, parsed, placeOf(ctx, parsed, true), out);
      return { caseId: c.id, done: [] };
    },
    steps: [locationStep, peopleStep, conditionsStep, contactStep],
    finish(ctx, data, out) {
      const c = caseOf(ctx, data);
      // Nothing was asked: the first reply already said all there is.
      if (data.done.length === 0 && !data.added) return offerPhoto(ctx, c, out);
      out.reply('sos-complete', groupArgs(ctx.translator, c, ctx.now));
      offerPhoto(ctx, c, out);
      if (!data.added) return;
      const full = fullArgs(ctx.translator, c, ctx.now);
      out.toCoordinators('rescue-details-coordinators', full);
      const team = ctx.ledger.rescues.teamOf(c);
      if (team) out.notify(team, 'rescue-details-coordinators', full);
    },
  },
  /** A location shared outside a dialog while the person has a case in progress moves that case. */
  onLocation(ctx, lat, lon) {
    const c = ctx.ledger.rescues.activeBy(ctx.sender.id);
    if (!c) return undefined;
    const out = new Outcome();
    relocateByReporter(ctx, c, { lat, lon }, out);
    return out;
  },
});
