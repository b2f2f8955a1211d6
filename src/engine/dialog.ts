import { answerWord, CHOICE_VALUES } from '../domain/answer-words.ts';
import type { Choice, InboundContent } from '../domain/message.ts';
import type { DialogState } from '../ledger/dialogs.ts';
import type { Command, CommandContext, Prompt } from './command.ts';
import { UserError } from './errors.ts';
import { Outcome } from './outcome.ts';

/** A dialog untouched this long is over: the next message starts afresh (SPEC 2). */
export const DIALOG_TTL_MS = 30 * 60_000;

/**
 * The pseudo-dialog that remembers command choices offered outside a dialog (`/lang`'s languages, the
 * "still needed?" notice's yes and no), so "1" or a label answers them where there are no buttons.
 */
export const COMMAND_CHOICES = '_choices';

/** A notice's question may be read hours after it came: its choices stay answerable for a day. */
export const COMMAND_CHOICES_TTL_MS = 24 * 3_600_000;

type Data = Record<string, unknown>;

export const isExpired = (state: DialogState, now: number) =>
  now - state.updatedAt > (state.command === COMMAND_CHOICES ? COMMAND_CHOICES_TTL_MS : DIALOG_TTL_MS);

/**
 * Matches a typed answer against the offered choices: its number ("2") or its label, any case. This is
 * how WhatsApp and the console answer what Telegram answers with a button.
 */
export function matchChoice(text: string, choices: readonly Choice[]): Choice | undefined {
  const t = text.trim().toLowerCase();
  if (/^\d{1,2}$/.test(t)) return choices[Number(t) - 1];
  return choices.find((c) => bareLabel(c).toLowerCase() === t || c.value.toLowerCase() === t);
}

/**
 * `ya`, `t`, `lewati`, `skip`, `tidak ada` typed to a question whose buttons say yes, no, skip or none,
 * in whichever language the buttons are labelled.
 */
export function choiceByWord(text: string, choices: readonly Choice[]): Choice | undefined {
  const word = answerWord(text);
  if (!word) return undefined;
  for (const value of CHOICE_VALUES[word]) {
    const found = choices.find((c) => c.value === value);
    if (found) return found;
  }
  return undefined;
}

/** A label without the mark of a chosen option (`✓ Boat`): typing "boat" still names it. */
export const bareLabel = (c: Choice) => c.label.replace(/^✓\s*/, '');

/** Several answers at once: "1, 3", "boat, medical", "1 3". Undefined when any part matches nothing. */
export function matchChoices(text: string, choices: readonly Choice[]): Choice[] | undefined {
  const parts = text
    .split(/[,;]|\s+(?:and|dan|&)\s+/i)
    .flatMap((p) => (/^[\d\s]+$/.test(p.trim()) ? p.trim().split(/\s+/) : [p]))
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return undefined;
  const found: Choice[] = [];
  for (const p of parts) {
    const c = matchChoice(p, choices);
    if (!c) return undefined;
    if (!found.includes(c)) found.push(c);
  }
  return found;
}

function promptOutcome(out: Outcome, prompt: Prompt): void {
  out.reply(prompt.key, prompt.args, {
    ...(prompt.choices ? { choices: prompt.choices } : {}),
    ...(prompt.ask ? { ask: prompt.ask } : {}),
  });
}

function renderChoices(ctx: CommandContext, prompt: Prompt): Choice[] {
  return (prompt.choices ?? []).map((c) => ({
    value: c.value,
    label: 'label' in c ? c.label : ctx.t(c.key, c.args),
    ...(c.typed ? { typed: true } : {}),
  }));
}

/** Moves to the first step at or after `from` that is not skipped; asks it, or finishes the dialog. */
function advance(
  ctx: CommandContext,
  command: Command,
  from: number,
  data: Data,
  startedAt: number,
  out: Outcome,
): void {
  const dialog = command.dialog!;
  let step = from;
  while (step < dialog.steps.length && dialog.steps[step]!.skip?.(data, ctx)) step++;
  const current = dialog.steps[step];
  if (!current) {
    ctx.ledger.dialogs.clear(ctx.sender.id, ctx.chat);
    dialog.finish(ctx, data, out);
    return;
  }
  const prompt = current.ask(ctx, data);
  ctx.ledger.dialogs.save(ctx.sender.id, ctx.chat, {
    command: command.name,
    step: current.id,
    data,
    choices: renderChoices(ctx, prompt),
    startedAt,
    updatedAt: ctx.now,
  });
  promptOutcome(out, prompt);
}

export function startDialog(ctx: CommandContext, command: Command, text: string): Outcome {
  const out = new Outcome();
  const data = command.dialog!.start(ctx, text, out);
  advance(ctx, command, 0, data, ctx.now, out);
  return out;
}

/**
 * Starts `command`'s dialog from data another dialog already gathered (a "tolong ..." message kept
 * while the person chose between rescue and supplies): no start text to read again.
 */
export function startDialogWith(ctx: CommandContext, command: Command, data: Data): Outcome {
  const out = new Outcome();
  advance(ctx, command, 0, data, ctx.now, out);
  return out;
}

/** Feeds one answer to the step the dialog is at. A refused answer is explained and the step asked again. */
export function continueDialog(
  ctx: CommandContext,
  command: Command,
  state: DialogState,
  input: InboundContent,
): Outcome {
  const dialog = command.dialog!;
  const index = dialog.steps.findIndex((s) => s.id === state.step);
  const saved = dialog.data.safeParse(state.data);
  if (index < 0 || !saved.success) return restart(ctx, command);
  const step = dialog.steps[index]!;
  const out = new Outcome();
  let answer = input;
  if (input.kind === 'text') {
    const choice = matchChoice(input.text, state.choices) ?? choiceByWord(input.text, state.choices);
    const keepsTyped = choice?.typed && !/^\d{1,2}$/.test(input.text.trim());
    if (choice && !keepsTyped) answer = { kind: 'choice', value: choice.value };
  }
  let data: Data;
  try {
    // A savepoint: a refused answer leaves nothing of what the step may have begun to write.
    data = ctx.ledger.transaction(() => step.answer(ctx, answer, saved.data, out, state.choices));
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    ctx.ledger.dialogs.save(ctx.sender.id, ctx.chat, { ...state, updatedAt: ctx.now });
    // One message, not the refusal and then the question: two can arrive after the person's next message.
    const prompt = step.ask(ctx, state.data);
    const refusal = { key: err.key, ...(err.args ? { args: err.args } : {}) };
    const question = { key: prompt.key, ...(prompt.args ? { args: prompt.args } : {}) };
    return new Outcome().replyLines([refusal, question], {
      gap: true,
      ...(prompt.choices ? { choices: prompt.choices } : {}),
      ...(prompt.ask ? { ask: prompt.ask } : {}),
    });
  }
  advance(ctx, command, step.again?.(data) ? index : index + 1, data, state.startedAt, out);
  return out;
}

/**
 * The dialog changed under a person in the middle of it (a deploy removed their step, or what it kept
 * no longer fits): say so and begin again, rather than take their answer for a different question.
 */
function restart(ctx: CommandContext, command: Command): Outcome {
  ctx.ledger.dialogs.clear(ctx.sender.id, ctx.chat);
  const out = new Outcome().reply('dialog-restarted');
  return out.merge(startDialog(ctx, command, ''));
}
