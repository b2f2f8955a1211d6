import { z } from 'zod';
import { formatLocal } from '../src/domain/when.ts';
import { defineCommand, roleAllows } from '../src/engine/command.ts';
import { UserError } from '../src/engine/errors.ts';
import { reply } from '../src/engine/outcome.ts';
import { phoneFrom } from './lib/supply/need-dialog.ts';

const HOUR = 3_600_000;
/** Coordinators trace for many families; everyone else looks for their own. */
const COORDINATOR_FACTOR = 10;

/**
 * `/find PHONE`: the latest check-in under exactly that number, if its person let it be found; never
 * a list, never a search by name, never another number. Each lookup is recorded (see /whofound) and
 * counted against FIND_PER_HOUR, so nobody can sweep numbers.
 */
export default defineCommand({
  names: { en: ['find'], id: ['cari'] },
  role: 'anyone',
  where: 'private',
  args: z.string().trim().min(1),
  run(ctx, text) {
    const phone = phoneFrom(text);
    const coordinator = roleAllows(ctx.role, 'coordinator');
    const limit = ctx.config.FIND_PER_HOUR * (coordinator ? COORDINATOR_FACTOR : 1);
    if (ctx.ledger.checkins.lookupsBy(ctx.sender.id, ctx.now - HOUR) >= limit)
      throw new UserError('find-too-many', { limit });
    const c = ctx.ledger.checkins.latestFor(phone, coordinator);
    ctx.ledger.checkins.recordLookup(ctx.actor, phone, c);
    if (!c) return reply('find-none');
    return reply('find-found', {
      at: formatLocal(c.createdAt, ctx.config.TZ),
      area: c.area ?? ctx.t('supply-area-none'),
      message: c.message ?? '-',
    });
  },
});
