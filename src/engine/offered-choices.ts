import { answerWord } from '../domain/answer-words.ts';
import type { ChatRef, Choice, PersonId } from '../domain/message.ts';
import type { Ledger } from '../ledger/index.ts';
import { bareLabel, COMMAND_CHOICES, isExpired, matchChoice } from './dialog.ts';

/**
 * Choices that are commands (`/lang id`, `/stillneeded R-12 yes`), offered in a reply or a notice,
 * are kept for the person's chat as a one-question pseudo-dialog: where there are no buttons the
 * person answers "1" or a label, and that must still work after a restart. A dialog in progress in
 * that chat keeps the numbers: its question is the one being answered.
 */
export function rememberOffered(
  ledger: Ledger,
  personId: PersonId,
  chat: ChatRef,
  choices: readonly Choice[] | undefined,
  now: number,
): void {
  if (!choices?.length || !choices.every((c) => c.value.startsWith('/'))) return;
  const current = ledger.dialogs.get(personId, chat);
  if (current && current.command !== COMMAND_CHOICES && !isExpired(current, now)) return;
  ledger.dialogs.save(personId, chat, {
    command: COMMAND_CHOICES,
    step: 'choice',
    data: {},
    choices: [...choices],
    startedAt: now,
    updatedAt: now,
  });
}

/**
 * A typed answer to offered choices: its number, a label, or the first word of exactly one label
 * ("ya" for "Ya, masih perlu", "no" for "No, not any more").
 */
export function matchOffered(text: string, choices: readonly Choice[]): Choice | undefined {
  const exact = matchChoice(text, choices);
  if (exact) return exact;
  const word = text.trim().toLowerCase();
  if (!/^\p{L}+$/u.test(word)) return undefined;
  const found = choices.filter((c) => firstWord(c) === word);
  if (found.length === 1) return found[0];
  // `y`, `t`, `yes`, `tidak` to a notice whose buttons are commands ending in yes or no.
  const yesNo = answerWord(text);
  const byWord =
    yesNo === 'yes' || yesNo === 'no' ? choices.filter((c) => c.value.endsWith(` ${yesNo}`)) : [];
  return byWord.length === 1 ? byWord[0] : undefined;
}

const firstWord = (c: Choice) => /^\p{L}+/u.exec(bareLabel(c).toLowerCase())?.[0];

/** "7" when only 2 were offered: the person meant to pick one, so they are asked again. */
export const isNumberOutOfRange = (text: string, choices: readonly Choice[]) =>
  /^\d{1,2}$/.test(text.trim()) && matchChoice(text, choices) === undefined;
