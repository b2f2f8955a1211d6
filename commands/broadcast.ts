import { z } from 'zod';
import { formatRef } from '../src/domain/refs.ts';
import { defineCommand } from '../src/engine/command.ts';
import { UserError } from '../src/engine/errors.ts';
import { Outcome } from '../src/engine/outcome.ts';
import { textForGroups } from './lib/group-text.ts';
import { describeTarget, parseTarget } from './lib/targets.ts';

/** The same text to the same target this soon after is most likely a second press, not a new notice. */
export const TWIN_WINDOW_MS = 5 * 60_000;

/**
 * `/broadcast TARGET TEXT` queues one delivery row per target group in this message's transaction and
 * answers with `B-n`; the author hears again when every row is final. `/broadcast B-n` shows progress.
 */
export default defineCommand({
  names: { en: ['broadcast'], id: ['siaran'] },
  role: 'coordinator',
  args: z.string(),
  run(ctx, text) {
    const { broadcasts } = ctx.ledger;
    const asked = /^B-(\d+)$/i.exec(text.trim());
    if (asked) {
      const b = broadcasts.get(Number(asked[1]));
      if (!b) throw new UserError('broadcast-not-found', { ref: text.trim() });
      const p = broadcasts.progress(b.id);
      return new Outcome().reply(
        b.state === 'scheduled' ? 'broadcast-progress-scheduled' : 'broadcast-progress',
        {
          ref: formatRef('B', b.id),
          sent: p.sent,
          total: p.total,
          pending: p.pending,
          failed: p.failedGroups.join(', ') || '-',
        },
      );
    }
    const { target, rest } = parseTarget(ctx, text);
    if (rest.trim() === '') throw new UserError('broadcast-no-text', { usage: ctx.t('cmd-broadcast-usage') });
    const redacted = textForGroups(ctx, rest.trim());
    const body = redacted.text;
    const twin = broadcasts.recentTwin(body, target, ctx.now - TWIN_WINDOW_MS);
    if (twin) {
      const p = broadcasts.progress(twin.id);
      throw new UserError('broadcast-twin', {
        ref: formatRef('B', twin.id),
        minutes: Math.max(1, Math.round((ctx.now - twin.created_at) / 60_000)),
        sent: p.sent,
        total: p.total,
        window: TWIN_WINDOW_MS / 60_000,
      });
    }
    const groups = broadcasts.recipients(target);
    if (groups.length === 0)
      throw new UserError('broadcast-no-groups', { target: describeTarget(ctx, target) });
    const b = broadcasts.create(ctx.actor, { author: ctx.sender.id, text: body, target, state: 'pending' });
    const ref = formatRef('B', b.id);
    const out = new Outcome().reply('broadcast-queued', {
      ref,
      groups: groups.length,
      target: describeTarget(ctx, target),
    });
    for (const g of groups) out.toGroup(g.id, { raw: body }, b.id);
    return redacted.tell(out);
  },
});
