import type { Area } from '../../src/domain/areas.ts';
import { readCoordinates } from '../../src/domain/coordinates.ts';
import type { InboundContent } from '../../src/domain/message.ts';
import { formatRef } from '../../src/domain/refs.ts';
import type { CommandContext } from '../../src/engine/command.ts';
import { UserError } from '../../src/engine/errors.ts';
import type { Volunteer, Whereabouts } from '../../src/ledger/index.ts';

/** What the volunteer commands share: a volunteer's reference, their record, their skills, a place. */

export const vref = (v: Pick<Volunteer, 'id'>) => formatRef('V', v.id);

/** The caller's active volunteer record, or a refusal telling them how to sign up. */
export function activeVolunteer(ctx: CommandContext): Volunteer {
  const v = ctx.ledger.volunteers.byPerson(ctx.sender.id);
  if (v?.status !== 'active') throw new UserError('volunteer-not-registered');
  return v;
}

export const skillLabels = (ctx: CommandContext, skills: readonly string[]) =>
  skills.map((s) => ctx.t(`skill-${s}`)).join(', ');

/** A place from a location share, `lat,lon` text, or an area name (a full path or a unique last part). */
export function placeFrom(ctx: CommandContext, input: InboundContent): Whereabouts {
  let lat: number | undefined;
  let lon: number | undefined;
  let area: Area | undefined;
  const text = input.kind === 'text' ? input.text.trim() : input.kind === 'choice' ? input.value : '';
  const read = input.kind === 'location' ? undefined : readCoordinates(text);
  if (read?.kind === 'out-of-range')
    throw new UserError('coordinates-out-of-range', { written: read.written });
  if (input.kind === 'location') {
    ({ lat, lon } = input);
  } else if (read) {
    ({ lat, lon } = read);
  } else {
    const found = ctx.areas.lookup(text);
    if ('ambiguous' in found)
      throw new UserError('volunteer-area-ambiguous', {
        answer: text,
        options: found.ambiguous.map((a) => a.path).join(', '),
      });
    if ('unknown' in found) {
      const example = ctx.areas.all().find((a) => a.depth >= 2)?.name ?? ctx.areas.all()[0]?.name ?? '';
      throw new UserError('volunteer-area-unknown', { answer: text.slice(0, 80), example });
    }
    area = found.area;
  }
  if (lat !== undefined && lon !== undefined) area = ctx.areas.locate(lat, lon);
  return {
    area: area?.path ?? null,
    lat: lat ?? null,
    lon: lon ?? null,
    areaLat: area?.lat ?? null,
    areaLon: area?.lon ?? null,
  };
}
