import type { RequestItem } from '../src/domain/items.ts';
import { phoneOfPersonId } from '../src/domain/message.ts';
import { formatRef } from '../src/domain/refs.ts';
import { type CommandContext, defineCommand } from '../src/engine/command.ts';
import { UserError } from '../src/engine/errors.ts';
import { itemsAsWritten } from '../src/engine/items-text.ts';
import { Outcome } from '../src/engine/outcome.ts';
import type { Task } from '../src/ledger/index.ts';
import { conditionsText, TaskRefArg } from './lib/tasks.ts';
import { activeVolunteer, vref } from './lib/volunteers.ts';

/** Where to go, in full: only the volunteer who took the task and coordinators see this. */
function whereText(ctx: CommandContext, task: Task): string {
  const parts = [task.address, task.area];
  if (task.lat !== null && task.lon !== null)
    parts.push(`${task.lat}, ${task.lon} https://maps.google.com/?q=${task.lat},${task.lon}`);
  return parts.filter(Boolean).join(' · ') || ctx.t('task-unknown-place');
}

/** A WhatsApp requester's id is their number: the fallback when they gave no other contact. */
function contactText(ctx: CommandContext, task: Task): string {
  return task.contact ?? phoneOfPersonId(task.owner) ?? ctx.t('task-no-contact');
}

function details(ctx: CommandContext, task: Task): Outcome {
  const common = {
    ref: task.ref,
    where: whereText(ctx, task),
    contact: contactText(ctx, task),
    notes: task.notes ?? '-',
  };
  if (task.kind === 'request') {
    const people = task.peopleCount ? ctx.t('task-people', { count: task.peopleCount }) : '';
    return new Outcome().reply('task-taken-request', {
      ...common,
      itemsAsWritten: itemsAsWritten(task.items as RequestItem[], ctx.t),
      people,
    });
  }
  const conditions = task.conditions.length > 0 ? ` (${conditionsText(ctx, task)})` : '';
  return new Outcome().reply('task-taken-rescue', {
    ...common,
    people: task.peopleCount ?? 'unknown',
    conditions,
  });
}

/** /take R-12: the task is the volunteer's if it is still free; the ledger decides a race. */
export default defineCommand({
  names: { en: ['take'], id: ['ambil'] },
  role: 'volunteer',
  args: TaskRefArg,
  run(ctx, ref) {
    const v = activeVolunteer(ctx);
    const result = ctx.ledger.tasks.take(ctx.actor, v.id, ref);
    if (!result.ok) {
      switch (result.reason) {
        case 'not-found':
          throw new UserError('task-not-found', { ref });
        case 'yours':
          throw new UserError('task-already-yours', { ref });
        case 'taken':
          throw new UserError('task-taken-by', { ref, volunteer: formatRef('V', result.by) });
        case 'not-open':
          throw new UserError('task-not-open', {
            ref,
            status: ctx.t(
              result.task.kind === 'request'
                ? `supply-status-${result.task.status}`
                : `status-rescue-${result.task.status}`,
            ),
          });
      }
    }
    const { task } = result;
    const rescue = task.kind === 'rescue';
    return details(ctx, task)
      .notify(task.owner, rescue ? 'notify-rescue-assigned' : 'notify-request-assigned', {
        ref: task.ref,
        volunteer: vref(v),
        name: v.name ?? vref(v),
      })
      .announce(rescue ? 'rescue' : 'supply', task.area, 'announce-task-taken', {
        ref: task.ref,
        area: task.area ?? '-',
        volunteer: vref(v),
      });
  },
});
