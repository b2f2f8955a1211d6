import type { RequestItem } from '../src/domain/items.ts';
import { type CommandContext, defineCommand } from '../src/engine/command.ts';
import { UserError } from '../src/engine/errors.ts';
import { itemsText } from '../src/engine/items-text.ts';
import { type KeySay, Outcome, reply } from '../src/engine/outcome.ts';
import type { NearTask } from '../src/ledger/index.ts';
import { conditionsText } from './lib/tasks.ts';
import { activeVolunteer, skillLabels } from './lib/volunteers.ts';

/**
 * One task as a catalog line of structured fields. In a group the distance is left out: distances to a
 * few tasks would tell the group where the volunteer is (`distance` is no public field).
 */
function line(ctx: CommandContext, n: NearTask): KeySay {
  const { task } = n;
  const inGroup = ctx.chat.kind === 'group';
  const km = n.km === null ? 0 : Math.round(n.km * 10) / 10;
  const distance =
    n.km === null ? ctx.t('tasks-same-area') : ctx.t(n.approximate ? 'tasks-km-approx' : 'tasks-km', { km });
  const area = task.area ?? '-';
  if (task.kind === 'request')
    return {
      key: inGroup ? 'task-request-line-group' : 'task-request-line',
      args: { ref: task.ref, items: itemsText(task.items as RequestItem[], ctx.t), area, distance },
    };
  return {
    key: inGroup ? 'task-rescue-line-group' : 'task-rescue-line',
    args: {
      ref: task.ref,
      conditions: task.conditions.length > 0 ? ` (${conditionsText(ctx, task)})` : '',
      people: task.peopleCount ?? 'unknown',
      area,
      distance,
      needs: n.needs.length > 0 ? ` · ${ctx.t('tasks-needs', { skills: skillLabels(ctx, n.needs) })}` : '',
    },
  };
}

/** /tasks: up to 10 open tasks near the volunteer, those wanting their skills first, nearest first. */
export default defineCommand({
  names: { en: ['tasks'], id: ['tugas'] },
  role: 'volunteer',
  run(ctx) {
    const v = activeVolunteer(ctx);
    if (v.area === null && v.lat === null && v.areaLat === null) throw new UserError('tasks-no-place');
    const near = ctx.ledger.tasks.near(v, ctx.areas, 10);
    if (near.length === 0) return reply('tasks-none');
    return new Outcome().replyLines(
      [{ key: 'tasks-list', args: { first: near[0]!.task.ref } }, ...near.map((n) => line(ctx, n))],
      { choices: near.map((n) => ({ value: `/take ${n.task.ref}`, label: n.task.ref })) },
    );
  },
});
