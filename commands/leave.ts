import { z } from 'zod';
import { type CommandContext, defineCommand } from '../src/engine/command.ts';
import { UserError } from '../src/engine/errors.ts';
import type { Outcome } from '../src/engine/outcome.ts';
import { groupArgs } from '../src/engine/rescue.ts';
import { activeVolunteer, vref } from './lib/volunteers.ts';

interface LeaveData {
  /** The tasks held when /leave was sent: the confirmation names them. */
  held: string[];
  leave?: boolean;
}

const YES = /^(y|yes|ya|iya|yup|ok|oke)$/i;
const NO = /^(n|no|tidak|tdk|nggak|gak|ga|batal|stay|tetap)$/i;

/**
 * Leaves and tells everyone the departure concerns: a rescue goes back to open (escalation runs again),
 * a supply request back to verified; their reporters and requesters hear, in their language, that the
 * team changed and that coordinators know; the rescue groups learn the case needs a team again.
 */
function leave(ctx: CommandContext, out: Outcome): void {
  const v = activeVolunteer(ctx);
  const released = ctx.ledger.tasks.release(ctx.actor, v.id);
  ctx.ledger.volunteers.leave(ctx.actor, v.id);
  out.reply('volunteer-left', { ref: vref(v) });
  if (released.length === 0) return;
  out.toCoordinators('volunteer-left-released', {
    ref: vref(v),
    tasks: released.map((t) => t.ref).join(', '),
  });
  for (const task of released) {
    if (task.kind === 'request') {
      out.notify(task.owner, 'leave-team-changed-requester', { ref: task.ref });
      continue;
    }
    out.notify(task.owner, 'leave-team-changed-reporter', { ref: task.ref });
    const c = ctx.ledger.rescues.get(task.id)!;
    out.announce('rescue', c.area, 'leave-rescue-needs-team-group', groupArgs(ctx.translator, c, ctx.now));
  }
}

/** /leave: deactivates the volunteer and erases their phone number; with tasks in hand, asks first. */
export default defineCommand<string, LeaveData>({
  names: { en: ['leave'], id: ['keluar'] },
  role: 'volunteer',
  dialog: {
    data: z.object({ held: z.array(z.string()) }),
    start(ctx) {
      return { held: ctx.ledger.tasks.heldBy(activeVolunteer(ctx).id) };
    },
    steps: [
      {
        id: 'confirm',
        skip: (data) => data.held.length === 0,
        ask: (_ctx, data) => ({
          key: 'leave-confirm',
          args: { tasks: data.held.join(', ') },
          choices: [
            { value: 'yes', key: 'leave-confirm-yes' },
            { value: 'no', key: 'leave-confirm-no' },
          ],
        }),
        answer(_ctx, input, data) {
          const said = input.kind === 'choice' ? input.value : input.kind === 'text' ? input.text.trim() : '';
          if (YES.test(said)) return { ...data, leave: true };
          if (NO.test(said)) return { ...data, leave: false };
          throw new UserError('leave-confirm-invalid');
        },
      },
    ],
    finish(ctx, data, out) {
      if (data.leave === false) {
        out.reply('leave-kept', { tasks: data.held.join(', ') });
        return;
      }
      leave(ctx, out);
    },
  },
});
