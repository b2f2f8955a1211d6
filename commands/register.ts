import { z } from 'zod';
import { formatRef } from '../src/domain/refs.ts';
import { defineCommand } from '../src/engine/command.ts';
import { UserError } from '../src/engine/errors.ts';
import { reply } from '../src/engine/outcome.ts';
import { parseTopicsAndArea, resolveArea, topicList } from './lib/targets.ts';

/**
 * Inside a group: makes it a broadcast target `G-n` for some topics and an area, or changes them.
 * The group then receives announcements and broadcasts matching both.
 */
export default defineCommand({
  names: { en: ['register'], id: ['daftar'] },
  role: 'coordinator',
  where: 'group',
  args: z.string(),
  run(ctx, text) {
    const { topics, areaText } = parseTopicsAndArea(text);
    if (topics.length === 0)
      throw new UserError('register-no-topics', { usage: ctx.t('cmd-register-usage') });
    const area = areaText === '' ? null : resolveArea(ctx, areaText);
    const { group, created } = ctx.ledger.groups.register(ctx.actor, ctx.chat, {
      topics,
      area,
      registeredBy: ctx.sender.id,
      title: ctx.message.chatTitle,
    });
    const ref = formatRef('G', group.id);
    return reply(created ? 'register-created' : 'register-updated', {
      ref,
      topics: topicList(ctx, topics),
      area: area ?? ctx.t('target-everywhere'),
    });
  },
});
