import { z } from 'zod';
import { readCoordinates } from '../src/domain/coordinates.ts';
import { ACTIVE_RESCUE } from '../src/domain/rescue-states.ts';
import { parseRescueRef, rescueRef } from '../src/domain/sos-text.ts';
import { defineCommand } from '../src/engine/command.ts';
import { UserError } from '../src/engine/errors.ts';
import { Outcome } from '../src/engine/outcome.ts';
import { announceRelocation, fullArgs, rescueLocation } from '../src/engine/rescue.ts';

const LocateArgs = z
  .string()
  .trim()
  .transform((text, ctx) => {
    const [first = '', ...rest] = text.split(/\s+/);
    const id = parseRescueRef(first);
    const place = rest.join(' ').trim();
    if (id === undefined || place === '')
      ctx.addIssue({ code: 'custom', message: 'expected a rescue case and a place' });
    return { id: id ?? 0, place };
  });

/**
 * A coordinator corrects where a case is (a pin dropped at home, an address misread): coordinates replace
 * the point and keep the address; an address replaces both. Each correction is an event; the team, the
 * reporter and the coordinators hear the new place.
 */
export default defineCommand({
  names: { en: ['locate'], id: ['lokasi'] },
  role: 'coordinator',
  args: LocateArgs,
  run(ctx, { id, place }) {
    const ref = rescueRef(id);
    const c = ctx.ledger.rescues.get(id);
    if (!c) throw new UserError('rescue-not-found', { ref });
    if (!ACTIVE_RESCUE.includes(c.status))
      throw new UserError('rescue-wrong-status', { ref, status: c.status });
    const read = readCoordinates(place);
    if (read?.kind === 'out-of-range')
      throw new UserError('coordinates-out-of-range', { written: read.written });
    const point = read && { lat: read.lat, lon: read.lon };
    const area = point ? undefined : ctx.areas.mentionedIn(place)[0]?.path;
    const location = rescueLocation(
      ctx.areas,
      point
        ? { ...point, address: c.address ?? undefined }
        : { address: place.slice(0, 500), area: area ?? c.area ?? undefined },
      'coordinator',
    );
    const after = ctx.ledger.rescues.relocate(ctx.actor, id, location, 'coordinator');
    const out = new Outcome().reply('locate-done', fullArgs(ctx.translator, after, ctx.now));
    return announceRelocation(out, ctx, c, after, 'coordinator');
  },
});
