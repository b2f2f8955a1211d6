import { formatRef } from '../src/domain/refs.ts';
import { formatLocal } from '../src/domain/when.ts';
import { defineCommand } from '../src/engine/command.ts';
import { reply } from '../src/engine/outcome.ts';
import { describeTarget } from './lib/targets.ts';

/** Scheduled broadcasts still to run, soonest first. */
export default defineCommand({
  names: { en: ['schedules'], id: ['jadwalku'] },
  role: 'coordinator',
  run(ctx) {
    const scheduled = ctx.ledger.broadcasts.scheduled();
    if (scheduled.length === 0) return reply('schedules-none');
    const lines = scheduled.map((b) =>
      ctx.t(b.cron ? 'schedules-line-repeating' : 'schedules-line', {
        ref: formatRef('B', b.id),
        when: formatLocal(b.scheduled_at ?? ctx.now, ctx.config.TZ),
        cron: b.cron ?? '',
        target: describeTarget(ctx, ctx.ledger.broadcasts.targetOf(b)),
        text: b.text.length > 60 ? `${b.text.slice(0, 60)}…` : b.text,
      }),
    );
    return reply('schedules-list', { tz: ctx.config.TZ, schedules: lines.join('\n') });
  },
});
