import { z } from 'zod';
import { defineCommand } from '../src/engine/command.ts';
import { UserError } from '../src/engine/errors.ts';
import { Outcome } from '../src/engine/outcome.ts';

export default defineCommand({
  names: { en: ['lang', 'language'], id: ['bahasa'] },
  role: 'anyone',
  keepsDialog: true,
  args: z.string().trim().toLowerCase(),
  run(ctx, lang) {
    const { translator } = ctx;
    if (lang === '') {
      return new Outcome().reply(
        'lang-choose',
        { current: ctx.t('language-name') },
        {
          choices: translator.languages.map((l) => ({
            value: `/lang ${l}`,
            label: translator.t(l, 'language-name'),
          })),
        },
      );
    }
    if (!translator.has(lang))
      throw new UserError('lang-unknown', { lang, languages: translator.languages.join(', ') });
    ctx.ledger.people.setLanguage(ctx.actor, ctx.sender.id, lang);
    // Answered in the new language: the person just asked for it.
    return new Outcome().replyIn(lang, 'lang-set', { language: translator.t(lang, 'language-name') });
  },
});
