import { defineCommand } from '../src/engine/command.ts';
import { reply } from '../src/engine/outcome.ts';
import { activeVolunteer, vref } from './lib/volunteers.ts';

/** /off: no tasks for now; the volunteer stays signed up. */
export default defineCommand({
  names: { en: ['off'], id: ['libur'] },
  role: 'volunteer',
  run(ctx) {
    const v = activeVolunteer(ctx);
    if (v.available) ctx.ledger.volunteers.setAvailable(ctx.actor, v.id, false);
    return reply('volunteer-off', { ref: vref(v) });
  },
});
