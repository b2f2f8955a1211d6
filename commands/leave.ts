import { defineCommand } from '../src/engine/command.ts';
import { reply } from '../src/engine/outcome.ts';
import { activeVolunteer, vref } from './volunteer.ts';

/** /leave: deactivates the volunteer, erases their phone number and opens their tasks to others again. */
export default defineCommand({
  names: { en: ['leave'], id: ['keluar'] },
  role: 'volunteer',
  run(ctx) {
    const v = activeVolunteer(ctx);
    const released = ctx.ledger.tasks.release(ctx.actor, v.id);
    ctx.ledger.volunteers.leave(ctx.actor, v.id);
    const out = reply('volunteer-left', { ref: vref(v) });
    if (released.length > 0)
      out.toCoordinators('volunteer-left-released', { ref: vref(v), tasks: released.join(', ') });
    return out;
  },
});
