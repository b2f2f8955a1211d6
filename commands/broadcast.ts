import { z } from 'zod';
import { formatRef } from '../src/domain/refs.ts';
import { type Command, type CommandContext, defineCommand } from '../src/engine/command.ts';
import { UserError } from '../src/engine/errors.ts';
import { Outcome } from '../src/engine/outcome.ts';
import type { BroadcastTarget } from '../src/ledger/index.ts';
import { afterConfirm, confirmStep, goOrConfirm, PendingBroadcast } from './lib/group-text.ts';
import { describeTarget, parseTarget } from './lib/targets.ts';

/** The same text to the same target this soon after is most likely a second press, not a new notice. */
export const TWIN_WINDOW_MS = 5 * 60_000;

function progress(ctx: CommandContext, ref: string): Outcome {
  const { broadcasts } = ctx.ledger;
  const b = broadcasts.get(Number(ref.slice(2)));
  if (!b) throw new UserError('broadcast-not-found', { ref });
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

/** Writes the broadcast and one delivery row per target group, in this message's transaction. */
function queue(ctx: CommandContext, target: BroadcastTarget, body: string): Outcome {
  const { broadcasts } = ctx.ledger;
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
  const out = new Outcome().reply('broadcast-queued', {
    ref: formatRef('B', b.id),
    groups: groups.length,
    target: describeTarget(ctx, target),
  });
  for (const g of groups) out.toGroup(g.id, { raw: body }, b.id);
  return out;
}

/**
 * `/broadcast TARGET TEXT` queues one delivery row per target group in this message's transaction and
 * answers with `B-n`; the author hears again when every row is final. `/broadcast B-n` shows progress.
 * A text the redaction changed, or that still looks personal, is shown to its author as groups would
 * read it, and goes only after their yes (asked in a private chat).
 */
const broadcast: Command = defineCommand<string, PendingBroadcast>({
  names: { en: ['broadcast'], id: ['siaran'] },
  role: 'coordinator',
  args: z.string(),
  run(ctx, text): Outcome {
    const asked = /^B-\d+$/i.exec(text.trim());
    if (asked) return progress(ctx, asked[0].toUpperCase());
    const { target, rest } = parseTarget(ctx, text);
    if (rest.trim() === '') throw new UserError('broadcast-no-text', { usage: ctx.t('cmd-broadcast-usage') });
    return goOrConfirm(ctx, broadcast, rest.trim(), { target }, (d) => queue(ctx, target, d.text));
  },
  dialog: {
    data: PendingBroadcast,
    start: (ctx) => {
      throw new UserError('broadcast-no-text', { usage: ctx.t('cmd-broadcast-usage') });
    },
    steps: [confirmStep],
    finish: (ctx, d, out) => afterConfirm(out, d, () => queue(ctx, d.target, d.text)),
  },
});

export default broadcast;
