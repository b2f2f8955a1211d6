import { z } from 'zod';
import { formatRef } from '../src/domain/refs.ts';
import { formatLocal, parseWhen } from '../src/domain/when.ts';
import { type Command, type CommandContext, defineCommand } from '../src/engine/command.ts';
import { UserError } from '../src/engine/errors.ts';
import { type Outcome, reply } from '../src/engine/outcome.ts';
import { afterConfirm, confirmStep, goOrConfirm, PendingBroadcast } from './lib/group-text.ts';
import { describeTarget, parseTarget } from './lib/targets.ts';

/** Stores the scheduled broadcast; the scheduler sends it when due. */
function store(ctx: CommandContext, d: PendingBroadcast & { at: number }): Outcome {
  const tz = ctx.config.TZ;
  const b = ctx.ledger.broadcasts.create(ctx.actor, {
    author: ctx.sender.id,
    text: d.text,
    target: d.target,
    state: 'scheduled',
    scheduledAt: d.at,
    ...(d.cron ? { cron: d.cron } : {}),
  });
  return reply(d.cron ? 'schedule-repeating' : 'schedule-once', {
    ref: formatRef('B', b.id),
    when: formatLocal(d.at, tz),
    cron: d.cron ?? '',
    tz,
    target: describeTarget(ctx, d.target),
    groups: ctx.ledger.broadcasts.recipients(d.target).length,
  });
}

/**
 * `/schedule WHEN TARGET TEXT`: a broadcast for later (`18:00`, `2026-12-01 07:00`) or a repeating one
 * (a cron expression in quotes), in the configured time zone. The scheduler sends it when due. Like
 * /broadcast, a text the redaction changed or that looks personal waits for its author's yes.
 */
const schedule: Command = defineCommand<string, PendingBroadcast>({
  names: { en: ['schedule'], id: ['jadwal'] },
  role: 'coordinator',
  args: z.string(),
  run(ctx, text): Outcome {
    const when = parseWhen(text, ctx.config.TZ, ctx.now);
    if ('error' in when)
      throw new UserError(`schedule-${when.error}`, { usage: ctx.t('cmd-schedule-usage') });
    const { target, rest } = parseTarget(ctx, when.rest);
    if (rest.trim() === '') throw new UserError('broadcast-no-text', { usage: ctx.t('cmd-schedule-usage') });
    const pending = { target, at: when.at, ...(when.cron ? { cron: when.cron } : {}) };
    return goOrConfirm(ctx, schedule, rest.trim(), pending, (d) => store(ctx, { ...d, at: when.at }));
  },
  dialog: {
    data: PendingBroadcast,
    start: (ctx) => {
      throw new UserError('broadcast-no-text', { usage: ctx.t('cmd-schedule-usage') });
    },
    steps: [confirmStep],
    finish: (ctx, d, out) => afterConfirm(out, d, () => store(ctx, { ...d, at: d.at ?? ctx.now })),
  },
});

export default schedule;
