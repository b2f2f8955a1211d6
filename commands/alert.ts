import { z } from 'zod';
import { answerWord } from '../src/domain/answer-words.ts';
import { CAP_DEFAULTS, CAP_SCALES, type CapLevels, type CapScale, capLevel } from '../src/domain/cap.ts';
import { personalHints } from '../src/domain/personal-hints.ts';
import { formatRef } from '../src/domain/refs.ts';
import { type Command, type CommandContext, type DialogStep, defineCommand } from '../src/engine/command.ts';
import { startDialogWith } from '../src/engine/dialog.ts';
import { UserError } from '../src/engine/errors.ts';
import { Outcome } from '../src/engine/outcome.ts';
import { saidSend, textForGroups } from './lib/group-text.ts';
import { parseTarget } from './lib/targets.ts';

/** The same warning for the same area this soon after is a second press, not a new alert. */
const TWIN_WINDOW_MS = 5 * 60_000;

const PendingAlert = z.object({
  area: z.string(),
  text: z.string(),
  /** How many phone numbers, exact locations and private links the redaction took out. */
  removed: z.number().int(),
  urgency: z.enum(CAP_SCALES.urgency).optional(),
  severity: z.enum(CAP_SCALES.severity).optional(),
  certainty: z.enum(CAP_SCALES.certainty).optional(),
  send: z.boolean().optional(),
});
type PendingAlert = z.infer<typeof PendingAlert>;

const levelsOf = (d: PendingAlert): CapLevels => ({
  urgency: d.urgency ?? CAP_DEFAULTS.urgency,
  severity: d.severity ?? CAP_DEFAULTS.severity,
  certainty: d.certainty ?? CAP_DEFAULTS.certainty,
});

/** A level as people read it: `Severe` is `cap-severe`, in the reader's language. */
const levelLabel = (ctx: Pick<CommandContext, 't'>, level: string) => ctx.t(`cap-${level.toLowerCase()}`);

/** One question per CAP scale, with a button for each level; "skip" keeps the default. */
function levelStep(scale: CapScale): DialogStep<PendingAlert> {
  return {
    id: scale,
    skip: (d) => d[scale] !== undefined,
    ask: (ctx) => ({
      key: `alert-ask-${scale}`,
      args: { level: levelLabel(ctx, CAP_DEFAULTS[scale]) },
      choices: CAP_SCALES[scale].map((level) => ({ value: level, key: `cap-${level.toLowerCase()}` })),
    }),
    answer: (_ctx, input, d) => {
      const said = input.kind === 'choice' ? input.value : input.kind === 'text' ? input.text : '';
      if (answerWord(said) === 'skip') return { ...d, [scale]: CAP_DEFAULTS[scale] };
      const level = (CAP_SCALES[scale] as readonly string[]).includes(said) ? said : capLevel(scale, said);
      if (level === undefined) throw new UserError('alert-level-invalid');
      return { ...d, [scale]: level };
    },
  };
}

const confirmAlert: DialogStep<PendingAlert> = {
  id: 'confirm',
  ask: (ctx, d) => {
    const hints = personalHints(d.text);
    const levels = levelsOf(d);
    return {
      key: 'alert-confirm',
      args: {
        area: d.area,
        text: d.text,
        removed: d.removed,
        hints: hints.length === 0 ? 'none' : hints.map((h) => ctx.t(`broadcast-hint-${h}`)).join(', '),
        urgency: levelLabel(ctx, levels.urgency),
        severity: levelLabel(ctx, levels.severity),
        certainty: levelLabel(ctx, levels.certainty),
      },
      choices: [
        { value: 'yes', key: 'choice-yes' },
        { value: 'no', key: 'choice-no' },
      ],
    };
  },
  answer: (_ctx, input, d) => {
    const send = saidSend(input);
    if (send === undefined) throw new UserError('alert-confirm-invalid');
    return { ...d, send };
  },
};

/**
 * Stores the alert and sends it, as a broadcast, to the area's groups (and those below it), paced by
 * the outbox like any broadcast. The alert is public (the CAP feed) even where no group is registered.
 */
function issue(ctx: CommandContext, d: PendingAlert): Outcome {
  const { alerts, broadcasts } = ctx.ledger;
  const twin = alerts.recentTwin(d.area, d.text, ctx.now - TWIN_WINDOW_MS);
  if (twin)
    throw new UserError('alert-twin', { ref: formatRef('A', twin.id), minutes: TWIN_WINDOW_MS / 60_000 });
  const levels = levelsOf(d);
  const body = ctx.t('alert-post', {
    area: d.area,
    text: d.text,
    urgency: levelLabel(ctx, levels.urgency),
    severity: levelLabel(ctx, levels.severity),
    certainty: levelLabel(ctx, levels.certainty),
  });
  const target = { kind: 'area', area: d.area } as const;
  const groups = broadcasts.recipients(target);
  const b =
    groups.length === 0
      ? undefined
      : broadcasts.create(ctx.actor, { author: ctx.sender.id, text: body, target, state: 'pending' });
  const a = alerts.issue(ctx.actor, {
    area: d.area,
    text: d.text,
    ...levels,
    language: ctx.lang,
    broadcastId: b?.id ?? null,
  });
  const out = new Outcome().reply('alert-issued', {
    ref: formatRef('A', a.id),
    area: d.area,
    groups: groups.length,
    urgency: levelLabel(ctx, levels.urgency),
    severity: levelLabel(ctx, levels.severity),
    certainty: levelLabel(ctx, levels.certainty),
    feed: ctx.config.PUBLIC_PAGE ? 'yes' : 'no',
  });
  if (b) for (const g of groups) out.toGroup(g.id, { raw: body }, b.id);
  return out;
}

/**
 * `/alert AREA TEXT`: a public warning for an area, in the OASIS CAP 1.2 sense. In a private chat the
 * coordinator is asked its urgency, severity and certainty (skip keeps CAP_DEFAULTS) and sees it as the
 * public will before it goes; typed in a group it goes at once with the defaults, unless the redaction
 * changed the text or it still looks personal (then it must be sent from a private chat).
 */
const alert: Command = defineCommand<string, PendingAlert>({
  names: { en: ['alert'], id: ['peringatan'] },
  role: 'coordinator',
  args: z.string(),
  run(ctx, text): Outcome {
    if (text.trim() === '') throw new UserError('alert-no-text', { usage: ctx.t('cmd-alert-usage') });
    const { target, rest } = parseTarget(ctx, text);
    if (target.kind !== 'area') throw new UserError('alert-no-area', { usage: ctx.t('cmd-alert-usage') });
    if (rest.trim() === '') throw new UserError('alert-no-text', { usage: ctx.t('cmd-alert-usage') });
    const cleaned = textForGroups(ctx, rest.trim());
    const d: PendingAlert = { area: target.area, text: cleaned.text, removed: cleaned.removed };
    if (ctx.chat.kind === 'private') return startDialogWith(ctx, alert, d);
    if (cleaned.confirm) throw new UserError('alert-confirm-in-private');
    return issue(ctx, d);
  },
  dialog: {
    data: PendingAlert,
    start: (ctx) => {
      throw new UserError('alert-no-text', { usage: ctx.t('cmd-alert-usage') });
    },
    steps: [levelStep('urgency'), levelStep('severity'), levelStep('certainty'), confirmAlert],
    finish: (ctx, d, out) => {
      if (!d.send) {
        out.reply('alert-dropped');
        return;
      }
      try {
        out.merge(issue(ctx, d));
      } catch (err) {
        if (!(err instanceof UserError)) throw err;
        out.reply(err.key, err.args);
      }
    },
  },
});

export default alert;
