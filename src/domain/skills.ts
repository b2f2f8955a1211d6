/**
 * The volunteer skills catalog (SPEC 3). Ids are stable (stored in the ledger, typed in commands);
 * labels live in the catalogs as `skill-<id>`. The order matches the `skills` table of migration 010,
 * which gives each id its code in the geo index: append new skills at the end, in both places.
 */
export const SKILLS = [
  'medical',
  'sar',
  'boat',
  'driver',
  'logistics',
  'cooking',
  'shelter',
  'translation',
  'counselling',
  'other',
] as const;
export type Skill = (typeof SKILLS)[number];

export const isSkill = (s: string): s is Skill => (SKILLS as readonly string[]).includes(s);

/** Languages a volunteer may say they speak; labels are `spoken-<code>` in the catalogs. */
export const SPOKEN_LANGUAGES = ['id', 'en', 'jv', 'su'] as const;

/** Rescue conditions that want a skill first (a rescue with water rising wants a boat or SAR). */
const CONDITION_SKILLS: Record<string, Skill[]> = {
  water_rising: ['boat', 'sar'],
  trapped: ['sar'],
  injured: ['medical'],
};

/** The skills a task's conditions want, each once; none for a supply request or a case without them. */
export function skillsWanted(conditions: readonly string[]): Skill[] {
  const wanted = conditions.flatMap((c) => CONDITION_SKILLS[c.toLowerCase().replace(/[\s-]+/g, '_')] ?? []);
  return [...new Set(wanted)];
}
