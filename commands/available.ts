import { z } from 'zod';
import { defineCommand } from '../src/engine/command.ts';
import { reply } from '../src/engine/outcome.ts';
import { activeVolunteer, placeFrom, vref } from './lib/volunteers.ts';

/** /available [place]: ready for tasks again, optionally somewhere else than at sign-up. */
export default defineCommand({
  names: { en: ['available'], id: ['siap'] },
  role: 'volunteer',
  args: z.string().trim().max(200),
  run(ctx, where) {
    let v = activeVolunteer(ctx);
    if (where !== '')
      v = ctx.ledger.volunteers.moveTo(ctx.actor, v.id, placeFrom(ctx, { kind: 'text', text: where }));
    if (!v.available) v = ctx.ledger.volunteers.setAvailable(ctx.actor, v.id, true);
    return where === ''
      ? reply('volunteer-available', { ref: vref(v) })
      : reply('volunteer-available-at', { ref: vref(v), area: v.area ?? `${v.lat}, ${v.lon}` });
  },
});
