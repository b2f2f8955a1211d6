import type { InboundContent } from '../../src/domain/message.ts';
import type { DialogStep } from '../../src/engine/command.ts';
import { UserError } from '../../src/engine/errors.ts';

/** The value of a "skip" button, and the button itself in the words every dialog uses. */
export const SKIP = 'skip';
export const skipChoice = { value: SKIP, key: 'need-skip' };
export const isSkip = (input: InboundContent) => input.kind === 'choice' && input.value === SKIP;

/** A typed answer, trimmed; undefined for a button, a location or a contact. */
export const textOf = (input: InboundContent) => (input.kind === 'text' ? input.text.trim() : undefined);

/**
 * A question answered by one of a fixed set of buttons (urgency, delivery, who may see, age, consent):
 * the button's value is kept with `set`, anything else is refused with `invalidKey` and asked again.
 */
export function choiceStep<D, V extends string>(step: {
  id: string;
  askKey: string;
  values: readonly V[];
  /** The catalog key of each button's label. */
  label: (value: V) => string;
  invalidKey: string;
  set: (data: D, value: V) => D;
  skip?: (data: D) => boolean;
}): DialogStep<D> {
  return {
    id: step.id,
    ...(step.skip ? { skip: step.skip } : {}),
    ask: () => ({ key: step.askKey, choices: step.values.map((v) => ({ value: v, key: step.label(v) })) }),
    answer: (_ctx, input, data) => {
      const value = step.values.find((v) => input.kind === 'choice' && input.value === v);
      if (value === undefined) throw new UserError(step.invalidKey);
      return step.set(data, value);
    },
  };
}
