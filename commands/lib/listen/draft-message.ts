import { draftCommand, draftMergeCommand } from '../../../src/domain/draft-commands.ts';
import type { CommandContext } from '../../../src/engine/command.ts';
import { dangerChoices, draftArgs, draftRef, likelyDuplicate } from '../../../src/engine/drafts.ts';
import type { ChoiceSpec, Outcome } from '../../../src/engine/outcome.ts';
import type { MessageArgs } from '../../../src/i18n/catalog.ts';
import type { Draft } from '../../../src/ledger/index.ts';
import { defaultTranslator } from '../supply/format.ts';

/** What coordinators read of a draft, privately: the draft or the danger alert, with the buttons under it. */

/** Confirm, edit, merge with the likely duplicate, discard. */
export function draftChoices(d: Draft, duplicate: string | undefined): ChoiceSpec[] {
  const ref = draftRef(d);
  return [
    { value: draftCommand(ref, 'confirm'), key: 'draft-choice-confirm' },
    { value: draftCommand(ref, 'edit'), key: 'draft-choice-edit' },
    ...(duplicate
      ? [
          {
            value: draftMergeCommand(ref, duplicate),
            key: 'draft-choice-merge',
            args: { original: duplicate },
          },
        ]
      : []),
    { value: draftCommand(ref, 'discard'), key: 'draft-choice-discard' },
  ];
}

/** What coordinators are told of a draft: the alert or the draft, with its one-tap answers. */
function draftMessage(
  ctx: CommandContext,
  d: Draft,
): { key: string; args: MessageArgs; choices: ChoiceSpec[] } {
  const args = draftArgs(ctx.ledger, d, defaultTranslator(ctx), ctx.now);
  if (d.kind === 'danger') return { key: 'listen-danger-coordinators', args, choices: dangerChoices(d) };
  const duplicate = likelyDuplicate(ctx.ledger, d);
  return {
    key: duplicate ? 'listen-draft-duplicate-coordinators' : 'listen-draft-coordinators',
    args: { ...args, ...(duplicate ? { original: duplicate } : {}) },
    choices: draftChoices(d, duplicate),
  };
}

/** The draft, privately to every coordinator. */
export function tellCoordinators(ctx: CommandContext, d: Draft, out: Outcome): Outcome {
  const { key, args, choices } = draftMessage(ctx, d);
  return out.toCoordinators(key, args, undefined, choices);
}

/** The draft again, to the coordinator who asked (`/draft D-3`, or after an edit). */
export function showDraft(ctx: CommandContext, d: Draft, out: Outcome): Outcome {
  const { key, args, choices } = draftMessage(ctx, d);
  return out.reply(key, args, { choices });
}
