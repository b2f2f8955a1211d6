import { z } from 'zod';
import type { InboundContent } from '../../src/domain/message.ts';
import { personalHints } from '../../src/domain/personal-hints.ts';
import { redactReport } from '../../src/domain/redaction.ts';
import { TOPICS, type Topic } from '../../src/domain/topics.ts';
import type { Command, CommandContext, DialogStep } from '../../src/engine/command.ts';
import { startDialogWith } from '../../src/engine/dialog.ts';
import { UserError } from '../../src/engine/errors.ts';
import type { Outcome } from '../../src/engine/outcome.ts';

/**
 * A text a person wrote for groups (a broadcast), redacted before it is stored, so that neither the
 * groups nor the ledger's copy hold a phone number, an exact location or a private link. `confirm`
 * says whether the author must see the cleaned text first: something was removed, or it still looks
 * personal (an address, a name with an honorific, an e-mail address).
 */
export function textForGroups(
  ctx: CommandContext,
  text: string,
): { text: string; removed: number; confirm: boolean } {
  const r = redactReport(text, { publicContacts: ctx.ledger.publicContacts.keys() });
  return { ...r, confirm: r.removed > 0 || personalHints(r.text).length > 0 };
}

/**
 * A broadcast (now or scheduled) waiting for its author's yes: kept as dialog state in the ledger, so
 * a restart still finds the question. Only the cleaned text is kept, never what was removed.
 */
export const PendingBroadcast = z.object({
  target: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('all') }),
    z.object({ kind: z.literal('topic'), topic: z.enum(TOPICS as [Topic, ...Topic[]]) }),
    z.object({ kind: z.literal('area'), area: z.string() }),
    z.object({ kind: z.literal('group'), groupId: z.number().int() }),
  ]),
  text: z.string(),
  /** How many phone numbers, exact locations and private links the redaction took out. */
  removed: z.number().int(),
  /** A scheduled one: when, and its cron if it repeats. */
  at: z.number().optional(),
  cron: z.string().optional(),
  send: z.boolean().optional(),
});
export type PendingBroadcast = z.infer<typeof PendingBroadcast>;

const YES = /^(?:y|ya|yes|iya|ok|oke|kirim|send)$/i;
const NO = /^(?:n|no|tidak|tdk|nggak|gak|jangan)$/i;

/** The author's yes (send) or no (drop) to a text shown as its readers will see it; else undefined. */
export function saidSend(input: InboundContent): boolean | undefined {
  const said = input.kind === 'choice' ? input.value : input.kind === 'text' ? input.text.trim() : '';
  if (YES.test(said)) return true;
  if (NO.test(said)) return false;
  return undefined;
}

/** The question: the text as groups will read it, and what looked personal; yes/ya or no/tidak. */
export const confirmStep: DialogStep<PendingBroadcast> = {
  id: 'confirm',
  ask: (ctx, d) => {
    const hints = personalHints(d.text);
    return {
      key: 'broadcast-confirm',
      args: {
        text: d.text,
        removed: d.removed,
        hints: hints.length === 0 ? 'none' : hints.map((h) => ctx.t(`broadcast-hint-${h}`)).join(', '),
      },
      choices: [
        { value: 'yes', key: 'choice-yes' },
        { value: 'no', key: 'choice-no' },
      ],
    };
  },
  answer: (_ctx, input, d) => {
    const send = saidSend(input);
    if (send === undefined) throw new UserError('broadcast-confirm-invalid');
    return { ...d, send };
  },
};

/**
 * Cleans a text for groups and goes on with it (`go`) when nothing needs its author's eye; otherwise
 * starts `command`'s confirmation dialog. It asks in a private chat only: the cleaned text may still
 * hold what the author would not show the group they typed in, and a personal question has nowhere
 * else to go.
 */
export function goOrConfirm(
  ctx: CommandContext,
  command: Command,
  text: string,
  pending: Omit<PendingBroadcast, 'text' | 'removed'>,
  go: (d: PendingBroadcast) => Outcome,
): Outcome {
  const cleaned = textForGroups(ctx, text);
  const d = { ...pending, text: cleaned.text, removed: cleaned.removed };
  if (!cleaned.confirm) return go(d);
  if (ctx.chat.kind !== 'private') throw new UserError('broadcast-confirm-in-private');
  return startDialogWith(ctx, command, d);
}

/** The author's answer, once given: queued (a refusal such as "no group matches" is the answer), or dropped. */
export function afterConfirm(out: Outcome, d: PendingBroadcast, queue: () => Outcome): void {
  if (!d.send) {
    out.reply('broadcast-dropped');
    return;
  }
  try {
    out.merge(queue());
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    out.reply(err.key, err.args);
  }
}
