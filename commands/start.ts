import { defineCommand } from '../src/engine/command.ts';
import { reply } from '../src/engine/outcome.ts';

export default defineCommand({
  names: { en: ['start'], id: ['mulai'] },
  role: 'anyone',
  keepsDialog: true,
  run: (ctx) =>
    reply(
      'start-welcome',
      {},
      {
        choices: ctx.translator.languages.map((lang) => ({
          value: `/lang ${lang}`,
          label: ctx.translator.t(lang, 'language-name'),
        })),
      },
    ),
});
