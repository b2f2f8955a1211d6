import type { DialogStep } from '../../../src/engine/command.ts';
import { UserError } from '../../../src/engine/errors.ts';
import type { Outcome } from '../../../src/engine/outcome.ts';
import { isSkip, skipChoice, textOf } from '../dialog-answers.ts';
import { areaChoices, pickArea, pointLocation, type RequestLocation, textLocation } from './location.ts';

/** A dialog's data that asks where something is: the place read so far, and whether it was asked. */
type Located = RequestLocation & { located?: boolean };

/** Runs `read`; a refusal is said at once, and the dialog then asks for that part (the one-shot forms). */
export function orAsk<T>(out: Outcome, read: () => T): T | undefined {
  try {
    return read();
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    out.reply(err.key, err.args);
    return undefined;
  }
}

/**
 * "Where?": a shared point, typed coordinates or an address (`/need`, `/offer`, `/safe`). With
 * `skippable`, a skip button leaves the place unknown; with `skip`, the step is passed over when that
 * holds too (a one-shot form that already said enough).
 */
export function locationStep<D extends Located>(
  askKey: string,
  options: { skippable?: boolean; skip?: (d: D) => boolean } = {},
): DialogStep<D> {
  return {
    id: 'location',
    skip: (d) => d.located === true || options.skip?.(d) === true,
    ask: () => ({
      key: askKey,
      ask: 'location',
      ...(options.skippable ? { choices: [skipChoice] } : {}),
    }),
    answer: (ctx, input, d) => {
      if (options.skippable && isSkip(input)) return { ...d, located: true };
      if (input.kind === 'location')
        return { ...d, ...pointLocation(ctx, input.lat, input.lon), located: true };
      const text = textOf(input);
      if (!text) throw new UserError('need-location-invalid');
      return { ...d, ...textLocation(ctx, text), located: true };
    },
  };
}

/** "Which area?": asked only when an address named no known area. */
export function areaStep<D extends Located>(): DialogStep<D> {
  return {
    id: 'area',
    skip: (d) => d.needsArea !== true,
    ask: (ctx) => ({
      key: 'need-ask-area',
      choices: areaChoices(ctx).map((path) => ({ value: path, label: path })),
    }),
    answer: (ctx, input, d) => {
      const text = input.kind === 'choice' ? input.value : textOf(input);
      if (!text) throw new UserError('need-area-unknown', { text: '' });
      return { ...d, area: pickArea(ctx, text), needsArea: false };
    },
  };
}
