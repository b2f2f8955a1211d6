import { z } from 'zod';
import { formatLocal } from '../src/domain/when.ts';
import { bloodArgs, missing } from '../src/engine/blood-drive.ts';
import { defineCommand } from '../src/engine/command.ts';
import { UserError } from '../src/engine/errors.ts';
import { Outcome } from '../src/engine/outcome.ts';
import { refAnswer } from './lib/ref-answer.ts';

/**
 * `/giveblood T-n yes|no` (sent as buttons): an asked donor's answer, final for that request. A yes
 * learns where and until when; the requester sees the count rise, never who; once enough said yes the
 * others are told the need is covered.
 */
export default defineCommand({
  names: { en: ['giveblood'], id: ['berikandarah'] },
  role: 'anyone',
  where: 'private',
  hidden: true,
  args: z.string().trim(),
  run(ctx, text) {
    const said = refAnswer(text, 'T');
    if (!said) throw new UserError('error-usage', { usage: ctx.t('cmd-giveblood-usage') });
    const r = ctx.ledger.blood.request(said.id);
    if (!r) throw new UserError('blood-not-found', { ref: `T-${said.id}` });
    if (r.status !== 'open') return new Outcome().reply('blood-covered-donor', { ref: `T-${r.id}` });
    if (!ctx.ledger.blood.answer(ctx.actor, r.id, ctx.sender.id, said.yes))
      throw new UserError('blood-not-asked', { ref: `T-${r.id}` });
    if (!said.yes) return new Outcome().reply('blood-thanks-no');
    const args = bloodArgs(ctx, r);
    const out = new Outcome()
      .reply('blood-thanks-yes', { ...args, until: formatLocal(r.deadline, ctx.config.TZ) })
      .notify(r.requester, 'blood-found-requester', args)
      .announce('supply', r.area, 'blood-announce', args, { subject: `T-${r.id}`, posts: 'edit' });
    if (missing(ctx, r) === 0) {
      ctx.ledger.blood.setStatus(ctx.actor, r.id, 'covered');
      for (const p of ctx.ledger.blood.waiting(r.id))
        out.notify(p, 'blood-covered-donor', { ref: `T-${r.id}` });
      out.toCoordinators('blood-covered-coordinators', args);
    }
    return out;
  },
});
