import { z } from 'zod';
import { formatRef } from '../src/domain/refs.ts';
import { defineCommand } from '../src/engine/command.ts';
import { UserError } from '../src/engine/errors.ts';
import { Outcome } from '../src/engine/outcome.ts';

const Args = z
  .string()
  .trim()
  .regex(/^R-\d+\s+(yes|no|ya|tidak)$/i, 'still-needed-usage')
  .transform((s) => {
    const [ref = '', answer = ''] = s.split(/\s+/);
    return { id: Number(ref.slice(2)), yes: ['yes', 'ya'].includes(answer.toLowerCase()) };
  });

/**
 * The answer to "is R-n still needed?", sent by its buttons or typed. Yes keeps the request open (the
 * idle clock starts again); no cancels it and tells the assigned volunteer, if any.
 */
export default defineCommand({
  names: { en: ['stillneeded'], id: ['masihperlu'] },
  role: 'anyone',
  hidden: true,
  args: Args,
  run(ctx, { id, yes }) {
    const ref = formatRef('R', id);
    const { requests, housekeeping } = ctx.ledger;
    const request = requests.get(id);
    if (!request || request.requester !== ctx.sender.id)
      throw new UserError('still-needed-not-yours', { ref });
    if (!housekeeping.awaitingAnswer(id)) throw new UserError('still-needed-not-asked', { ref });
    housekeeping.answer(ctx.actor, id, yes ? 'yes' : 'no');
    if (yes) return new Outcome().reply('still-needed-kept', { ref });
    const moved = requests.move(ctx.actor, id, 'cancelled', { reason: 'no longer needed' });
    if (!moved?.ok) throw new UserError('still-needed-not-asked', { ref });
    const out = new Outcome().reply('still-needed-closed', { ref });
    const volunteer =
      request.assignedVolunteer === null ? undefined : requests.volunteer(request.assignedVolunteer);
    if (volunteer) out.notifyAssignee(volunteer.personId, 'still-needed-volunteer', { ref });
    return out;
  },
});
