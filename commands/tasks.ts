import type { RequestItem } from '../src/domain/items.ts';
import { type CommandContext, defineCommand } from '../src/engine/command.ts';
import { UserError } from '../src/engine/errors.ts';
import { reply } from '../src/engine/outcome.ts';
import type { NearTask } from '../src/ledger/index.ts';
import { itemsText } from './lib/supply/format.ts';
import { conditionsText } from './lib/tasks.ts';
import { activeVolunteer, skillLabels } from './lib/volunteers.ts';

function line(ctx: CommandContext, n: NearTask): string {
  const { task } = n;
  const km = n.km === null ? 0 : Math.round(n.km * 10) / 10;
  const distance =
    n.km === null ? ctx.t('tasks-same-area') : ctx.t(n.approximate ? 'tasks-km-approx' : 'tasks-km', { km });
  const area = task.area ?? '-';
  if (task.kind === 'request')
    return ctx.t('task-request-line', {
      ref: task.ref,
      items: itemsText(task.items as RequestItem[], ctx.t),
      area,
      distance,
    });
  return ctx.t('task-rescue-line', {
    ref: task.ref,
    conditions: task.conditions.length > 0 ? ` (${conditionsText(ctx, task)})` : '',
    people: task.peopleCount ?? '?',
    area,
    distance,
    needs: n.needs.length > 0 ? ` · ${ctx.t('tasks-needs', { skills: skillLabels(ctx, n.needs) })}` : '',
  });
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
    return reply(
      'tasks-list',
      { first: near[0]!.task.ref, lines: near.map((n) => line(ctx, n)).join('\n') },
      { choices: near.map((n) => ({ value: `/take ${n.task.ref}`, label: n.task.ref })) },
    );
  },
});
