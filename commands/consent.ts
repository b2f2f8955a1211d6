import { z } from 'zod';
import { answerWord } from '../src/domain/answer-words.ts';
import { parseRef } from '../src/domain/refs.ts';
import { defineCommand } from '../src/engine/command.ts';
import { UserError } from '../src/engine/errors.ts';
import { Outcome } from '../src/engine/outcome.ts';

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
    const [refText = '', word = ''] = text.split(/\s+/);
    const ref = parseRef(refText);
    const answer = answerWord(word);
    if (ref?.kind !== 'M' || (answer !== 'yes' && answer !== 'no'))
      throw new UserError('error-usage', { usage: ctx.t('cmd-consent-usage') });
    const m = ctx.ledger.missing.get(ref.id);
    const checkin = m?.foundIn?.startsWith('C-')
      ? ctx.ledger.checkins.get(Number(m.foundIn.slice(2)))
      : undefined;
    if (!m || checkin?.personId !== ctx.sender.id) throw new UserError('consent-not-yours');
    if (!ctx.ledger.missing.answerConsent(ctx.actor, m.id, answer === 'yes'))
      throw new UserError('consent-already');
    const out = new Outcome().reply(answer === 'yes' ? 'consent-given' : 'consent-refused', {
      ref: refText.toUpperCase(),
    });
    if (answer === 'yes')
      out.notify(m.reporter, 'found-contact', { ref: `M-${m.id}`, name: m.name, phone: checkin.phone });
    else out.notify(m.reporter, 'found-no-contact', { ref: `M-${m.id}`, name: m.name });
    return out;
  },
});
