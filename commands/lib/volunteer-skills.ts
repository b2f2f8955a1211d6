import type { Choice, InboundContent } from '../../src/domain/message.ts';
import { isSkill, SKILLS } from '../../src/domain/skills.ts';
import type { CommandContext, Prompt } from '../../src/engine/command.ts';
import { matchChoices } from '../../src/engine/dialog.ts';
import { UserError } from '../../src/engine/errors.ts';
import type { ChoiceSpec } from '../../src/engine/outcome.ts';

/** The "done" button under the skills once one is pressed; not a skill id. */
const SKILLS_DONE = 'done';

/** What the sign-up keeps of the skills question: the answer, and the buttons pressed so far. */
interface SkillsData {
  skills?: string[] | undefined;
  picked?: string[] | undefined;
}

const labels = (ctx: CommandContext, skills: readonly string[]) =>
  skills.map((s) => ctx.t(`skill-${s}`)).join(', ');

/** The skills question: pressed skills marked ✓, and "done" once there is one. */
export function askSkills(ctx: CommandContext, picked: readonly string[]): Prompt {
  const choices: ChoiceSpec[] = SKILLS.map((s) =>
    picked.includes(s) ? { value: s, label: `✓ ${ctx.t(`skill-${s}`)}` } : { value: s, key: `skill-${s}` },
  );
  if (picked.length === 0) return { key: 'volunteer-ask-skills', choices };
  return {
    key: 'volunteer-ask-skills-more',
    args: { skills: labels(ctx, picked) },
    choices: [...choices, { value: SKILLS_DONE, key: 'choice-done' }],
  };
}

/**
 * A pressed button (Telegram) toggles its skill and the question comes again; "done" ends it. A typed
 * answer ("1,3", "boat", "2") is the whole answer, as on every transport without buttons.
 */
export function answerSkills<D extends SkillsData>(
  ctx: CommandContext,
  input: InboundContent,
  data: D,
  choices: readonly Choice[],
): D {
  const { picked = [], ...rest } = data;
  if (input.kind === 'choice' && input.value === SKILLS_DONE) {
    if (picked.length === 0) throw new UserError('volunteer-skills-none');
    return { ...rest, skills: picked } as D;
  }
  if (ctx.message.content.kind === 'choice' && input.kind === 'choice' && isSkill(input.value)) {
    const toggled = picked.includes(input.value)
      ? picked.filter((s) => s !== input.value)
      : [...picked, input.value];
    return { ...rest, picked: SKILLS.filter((s) => toggled.includes(s)) } as D;
  }
  return { ...rest, skills: typedSkills(input, choices) } as D;
}

function typedSkills(input: InboundContent, choices: readonly Choice[]): string[] {
  if (input.kind === 'choice' && isSkill(input.value)) return [input.value];
  const offered = choices.filter((c) => c.value !== SKILLS_DONE);
  const picked = input.kind === 'text' ? matchChoices(input.text, offered) : undefined;
  if (!picked)
    throw new UserError('volunteer-bad-skills', {
      answer: input.kind === 'text' ? input.text.slice(0, 80) : '',
    });
  return picked.map((c) => c.value);
}
