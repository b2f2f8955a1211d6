import { z } from 'zod';
import { defineCommand } from '../src/engine/command.ts';
import { UserError } from '../src/engine/errors.ts';

/**
 * /forget: a person's personal data goes at once, after one yes/no question (SPEC privacy; UU 27/2022
 * Pasal 8, the GDPR's right to erasure). Open supply requests are cancelled; a rescue in progress is
 * kept for the team, linked to no one, and the reply says so. The ledger's Forgetting does the erasing.
 */
export default defineCommand<string, { confirmed?: boolean }>({
  names: { en: ['forget'], id: ['lupakan'] },
  role: 'anyone',
  where: 'private',
  dialog: {
    data: z.object({ confirmed: z.boolean().optional() }),
    start: () => ({}),
    steps: [
      {
        id: 'confirm',
        ask: () => ({
          key: 'forget-ask',
          choices: [
            { value: 'yes', key: 'forget-yes' },
            { value: 'no', key: 'forget-no' },
          ],
        }),
        answer: (_ctx, input, data) => {
          if (input.kind === 'choice' && (input.value === 'yes' || input.value === 'no'))
            return { ...data, confirmed: input.value === 'yes' };
          throw new UserError('forget-invalid');
        },
      },
    ],
    finish(ctx, data, out) {
      if (!data.confirmed) {
        out.reply('forget-kept');
        return;
      }
      const f = ctx.ledger.forgetting.forget(ctx.actor, ctx.sender.id, {
        transport: ctx.chat.transport,
        chatId: ctx.chat.chatId,
        messageId: ctx.message.messageId,
      });
      out.reply('forget-done', {
        cancelled: f.cancelled.join(', '),
        cancelledCount: f.cancelled.length,
        rescues: f.keptRescues.join(', '),
        rescueCount: f.keptRescues.length,
      });
      for (const held of f.heldBy)
        out.notifyAssignee(held.personId, 'supply-cancelled-volunteer', { ref: held.ref });
      if (f.keptRescues.length > 0 || f.released.length > 0)
        out.toCoordinators('forget-coordinators', {
          rescues: f.keptRescues.join(', '),
          rescueCount: f.keptRescues.length,
          released: f.released.join(', '),
          releasedCount: f.released.length,
        });
    },
  },
});
