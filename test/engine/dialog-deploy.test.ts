import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { DialogStep } from '../../src/engine/command.ts';
import { defineCommand } from '../../src/engine/command.ts';
import { UserError } from '../../src/engine/errors.ts';
import { Harness } from '../support/harness.ts';

/**
 * Dialogs survive a deploy (issue 16): a dialog in flight is saved by its step's id and its data read
 * back through the dialog's schema, so a new version that adds, removes or changes steps either asks
 * the right next question or restarts politely, never takes an answer for a different question.
 */
type Data = { name?: string; age?: number; town?: string };
const Data = z.object({
  name: z.string().optional(),
  age: z.number().optional(),
  town: z.string().optional(),
});

const text = (input: { kind: string; text?: string }) => {
  if (input.kind !== 'text' || !input.text) throw new UserError('unsupported-kind');
  return input.text;
};
const step = (id: keyof Data, key: string, read: (s: string) => unknown = (s) => s): DialogStep<Data> => ({
  id,
  ask: () => ({ key }),
  answer: (_ctx, input, data) => ({ ...data, [id]: read(text(input)) }),
});
const NAME = step('name', 'volunteer-ask-name');
const AGE = step('age', 'need-ask-people', Number);
const TOWN = step('town', 'need-ask-location');

const version = (steps: DialogStep<Data>[], data: z.ZodType<Data> = Data) =>
  defineCommand<string, Data>({
    names: { en: ['survey'], id: ['survei'] },
    role: 'anyone',
    dialog: {
      data,
      start: () => ({}),
      steps,
      finish: (_ctx, d, out) => void out.replyRaw(`done name=${d.name} age=${d.age} town=${d.town}`),
    },
  });

let h: Harness;
afterEach(() => h.close());

/** Starts the survey on version one and answers its first question, then "deploys" version two. */
function deployMidDialog(v1: DialogStep<Data>[], v2: ReturnType<typeof version>): Harness {
  h = new Harness({}, [version(v1)]);
  h.say('telegram:1', '/survey');
  h.say('telegram:1', 'Sari');
  h.ledger.close();
  h.db.close();
  const file = h.file;
  const old = h;
  h = new Harness({}, [v2], file);
  old.core.stop();
  return h;
}

describe('a dialog in flight across a deploy', () => {
  it('a step added before the one waiting: the answer still goes to the question that was asked', () => {
    deployMidDialog([NAME, TOWN], version([NAME, AGE, TOWN]));
    // Version one asked for the town; version two put an age question before it.
    expect(h.say('telegram:1', 'Imogiri')).toContain('done name=Sari age=undefined town=Imogiri');
  });

  it('a step added after the one waiting is asked next', () => {
    deployMidDialog([NAME, TOWN], version([NAME, TOWN, AGE]));
    const reply = h.say('telegram:1', 'Imogiri');
    expect(reply).toContain('For how many people');
    expect(h.say('telegram:1', '4')).toContain('done name=Sari age=4 town=Imogiri');
  });

  it('the waiting step was removed: the dialog says so and starts again', () => {
    deployMidDialog([NAME, TOWN], version([NAME, AGE]));
    const reply = h.say('telegram:1', 'Imogiri');
    expect(reply).toContain('changed while you were in it');
    expect(reply).toContain('What is your name');
    expect(h.count('dialogs')).toBe(1);
  });

  it('what it kept no longer fits the new schema: it starts again too', () => {
    const strict = Data.extend({ name: z.string().regex(/^\d+$/).optional() });
    deployMidDialog([NAME, TOWN], version([NAME, TOWN], strict));
    expect(h.say('telegram:1', 'Imogiri')).toContain('changed while you were in it');
  });

  it('a dialog saved by position (before step ids) restarts politely', () => {
    h = new Harness({}, [version([NAME, TOWN])]);
    h.say('telegram:1', '/survey');
    h.db.prepare('UPDATE dialogs SET step = NULL').run();
    expect(h.say('telegram:1', 'Sari')).toContain('changed while you were in it');
  });
});
