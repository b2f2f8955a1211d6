import type { JobContext } from '../../engine/command.ts';
import { Outcome } from '../../engine/outcome.ts';

/** How much of an undelivered message coordinators are shown, enough to act on it. */
const EXCERPT = 300;

/**
 * Tells coordinators, once, of every private message the outbox gave up on (a person who blocked the
 * bot, a WhatsApp number outside the 24-hour window with no template that fits): someone in need may
 * be waiting for it, and a coordinator can reach them another way. Messages to coordinators themselves
 * are not reported, or a coordinator who cannot be reached would be told of it forever.
 */
export function reportUndelivered(ctx: JobContext): Outcome {
  const out = new Outcome();
  const { outbox, people } = ctx.ledger;
  for (const f of outbox.unreportedFailures()) {
    outbox.markFailureReported(f.id, ctx.now);
    const to = `${f.transport}:${f.chatId}`;
    const role = people.get(to)?.role;
    if (ctx.config.ADMINS.includes(to) || role === 'coordinator' || role === 'admin') continue;
    const excerpt = f.text.length > EXCERPT ? `${f.text.slice(0, EXCERPT - 1)}…` : f.text;
    out.toCoordinators('undelivered-notice', { to, reason: reasonKey(f.error), excerpt });
  }
  return out;
}

function reasonKey(error: string | null): string {
  if (error?.includes('24-hour')) return 'outside-window';
  if (error && /blocked|unreachable|kicked|not a member|undeliverable|131026/i.test(error))
    return 'unreachable';
  return 'failed';
}
