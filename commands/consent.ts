import { z } from 'zod';
import { defineCommand } from '../src/engine/command.ts';
import { UserError } from '../src/engine/errors.ts';
import { Outcome } from '../src/engine/outcome.ts';
import { refAnswer } from './lib/ref-answer.ts';

/**
 * `/consent M-n yes|no` (sent as buttons): the person found for a missing-person report decides whether
 * its reporter may have their number. Only the person whose check-in was matched may answer.
 */
export default defineCommand({
  names: { en: ['consent'], id: ['setuju'] },
  role: 'anyone',
  where: 'private',
  hidden: true,
  args: z.string().trim(),
  run(ctx, text) {
    const said = refAnswer(text, 'M');
    if (!said) throw new UserError('error-usage', { usage: ctx.t('cmd-consent-usage') });
    const m = ctx.ledger.missing.get(said.id);
    const checkin = m?.foundIn?.startsWith('C-')
      ? ctx.ledger.checkins.get(Number(m.foundIn.slice(2)))
      : undefined;
    if (!m || checkin?.personId !== ctx.sender.id) throw new UserError('consent-not-yours');
    if (!ctx.ledger.missing.answerConsent(ctx.actor, m.id, said.yes)) throw new UserError('consent-already');
    const out = new Outcome().reply(said.yes ? 'consent-given' : 'consent-refused', {
      ref: `M-${said.id}`,
    });
    if (said.yes)
      out.notify(m.reporter, 'found-contact', { ref: `M-${m.id}`, name: m.name, phone: checkin.phone });
    else out.notify(m.reporter, 'found-no-contact', { ref: `M-${m.id}`, name: m.name });
    return out;
  },
});
