import { formatRef } from '../../domain/refs.ts';
import { formatLocal, nextCronRun } from '../../domain/when.ts';
import type { JobContext } from '../../engine/command.ts';
import { Outcome } from '../../engine/outcome.ts';
import { type Broadcast, decodeTarget } from '../../ledger/broadcasts.ts';

/**
 * Tells each author whose broadcast has no delivery row left in flight how many groups got it and
 * which failed, once. Run after deliveries settle, and every minute as a safety net.
 */
export function reportFinishedBroadcasts(ctx: JobContext): Outcome {
  const out = new Outcome();
  const { broadcasts } = ctx.ledger;
  for (const b of broadcasts.finishedUnreported()) {
    const p = broadcasts.progress(b.id);
    const ref = formatRef('B', b.id);
    broadcasts.markDone(ctx.actor, b.id, { sent: p.sent, failed: p.failedGroups });
    const key =
      p.total === 0 ? 'broadcast-done-none' : p.failed > 0 ? 'broadcast-done-failed' : 'broadcast-done';
    out.notify(b.author, key, { ref, sent: p.sent, total: p.total, failed: p.failedGroups.join(', ') });
  }
  return out;
}

/**
 * Sends what is due: a one-off schedule becomes its own broadcast; a repeating one spawns a broadcast
 * per run and moves to its next time after now, so runs missed while the bot was down go out once.
 */
export function sendDueSchedules(ctx: JobContext): Outcome {
  const out = new Outcome();
  const { broadcasts } = ctx.ledger;
  for (const s of broadcasts.dueSchedules(ctx.now)) {
    let sending: Broadcast;
    if (s.cron) {
      sending = broadcasts.create(ctx.actor, {
        author: s.author,
        text: s.text,
        target: decodeTarget(s.target),
        state: 'pending',
        scheduleId: s.id,
      });
      const next = nextCronRun(s.cron, ctx.config.TZ, ctx.now);
      broadcasts.reschedule(ctx.actor, s.id, next);
      ctx.log.info(
        { schedule: s.id, next: next && formatLocal(next, ctx.config.TZ) },
        'repeating broadcast run',
      );
    } else {
      sending = broadcasts.startSending(ctx.actor, s.id);
    }
    const groups = broadcasts.recipients(decodeTarget(s.target));
    for (const g of groups) out.toGroup(g.id, { raw: s.text }, sending.id);
  }
  return out;
}
