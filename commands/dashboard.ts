import { defineCommand } from '../src/engine/command.ts';
import { httpServed, LINK_MINUTES, signInLink } from '../src/engine/dashboard.ts';
import { reply } from '../src/engine/outcome.ts';

/**
 * A coordinator's way into the dashboard: a sign-in link, usable once within 10 minutes, bound to them.
 * Private chats only, and the link is a personal message (`url`), so it never reaches a group.
 */
export default defineCommand({
  names: { en: ['dashboard'], id: ['dasbor'] },
  role: 'coordinator',
  where: 'private',
  run(ctx) {
    if (!httpServed(ctx.config)) return reply('dashboard-off');
    const url = signInLink(ctx.ledger, ctx.config, ctx.sender.id, ctx.lang, ctx.now);
    return reply('dashboard-link', { url, minutes: LINK_MINUTES });
  },
});
