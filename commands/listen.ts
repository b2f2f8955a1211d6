import { z } from 'zod';
import { wordValue } from '../src/domain/until.ts';
import { defineCommand } from '../src/engine/command.ts';
import { UserError } from '../src/engine/errors.ts';
import { Outcome } from '../src/engine/outcome.ts';
import { readInGroup } from './lib/listen/read-group.ts';

const SWITCH = {
  on: true,
  aktif: true,
  nyala: true,
  hidup: true,
  ya: true,
  off: false,
  mati: false,
  nonaktif: false,
  stop: false,
  berhenti: false,
} as const;

/**
 * Listen mode (issue 34), inside a registered group, by a coordinator: `/listen on` lets the bot read
 * what people write there and turn needs, offers and danger into drafts and alerts for coordinators,
 * privately; `/listen off` stops it; `/listen` says which it is. Off by default. Turning it on or off
 * is said once to the whole group, in its language.
 */
export default defineCommand({
  names: { en: ['listen'], id: ['dengar'] },
  role: 'coordinator',
  where: 'group',
  args: z.string().trim(),
  run(ctx, text) {
    const group = ctx.ledger.groups.byChat(ctx.chat);
    if (!group) throw new UserError('listen-not-registered', { usage: ctx.t('cmd-register-usage') });
    const ref = `G-${group.id}`;
    if (text === '')
      return new Outcome().reply(group.listening ? 'listen-state-on' : 'listen-state-off', { ref });
    const on = wordValue(SWITCH, text.toLowerCase());
    if (on === undefined) throw new UserError('error-usage', { usage: ctx.t('cmd-listen-usage') });
    // Telegram shows a bot in privacy mode (and no admin) only commands and replies to it.
    if (on && ctx.message.groupView === 'commands') throw new UserError('listen-cannot-see');
    if (!ctx.ledger.groups.setListening(ctx.actor, ctx.chat, on))
      return new Outcome().reply(on ? 'listen-already-on' : 'listen-already-off', { ref });
    return new Outcome().toGroup(group.id, { key: on ? 'listen-on-group' : 'listen-off-group' });
  },
  onGroupText: readInGroup,
});
