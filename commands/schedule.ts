import { z } from 'zod';
import { formatRef } from '../src/domain/refs.ts';
import { formatLocal, parseWhen } from '../src/domain/when.ts';
import { defineCommand } from '../src/engine/command.ts';
import { UserError } from '../src/engine/errors.ts';
import { reply } from '../src/engine/outcome.ts';
import { textForGroups } from './lib/group-text.ts';
import { describeTarget, parseTarget } from './lib/targets.ts';

/**
 * `/schedule WHEN TARGET TEXT`: a broadcast for later (`18:00`, `2026-12-01 07:00`) or a repeating one
 * (a cron expression in quotes), in the configured time zone. The scheduler sends it when due.
 */
export default defineCommand({
  names: { en: ['schedule'], id: ['jadwal'] },
  role: 'coordinator',
  args: z.string(),
  run(ctx, text) {
    const tz = ctx.config.TZ;
    const when = parseWhen(text, tz, ctx.now);
    if ('error' in when)
      throw new UserError(`schedule-${when.error}`, { usage: ctx.t('cmd-schedule-usage') });
    const { target, rest } = parseTarget(ctx, when.rest);
    if (rest.trim() === '') throw new UserError('broadcast-no-text', { usage: ctx.t('cmd-schedule-usage') });
    const redacted = textForGroups(ctx, rest.trim());
    const b = ctx.ledger.broadcasts.create(ctx.actor, {
      author: ctx.sender.id,
      text: redacted.text,
      target,
      state: 'scheduled',
      scheduledAt: when.at,
      ...(when.cron ? { cron: when.cron } : {}),
    });
    const ref = formatRef('B', b.id);
    const out = reply(when.cron ? 'schedule-repeating' : 'schedule-once', {
      ref,
      when: formatLocal(when.at, tz),
      cron: when.cron ?? '',
      tz,
      target: describeTarget(ctx, target),
      groups: ctx.ledger.broadcasts.recipients(target).length,
    });
    return redacted.tell(out);
  },
});
