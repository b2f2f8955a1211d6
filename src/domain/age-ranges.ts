/** How a missing person's age is asked (SPEC: issue 31): ranges, since families rarely know it exactly. */
export const AGE_RANGES = ['child', 'teen', 'adult', 'elder', 'unknown'] as const;
export type AgeRange = (typeof AGE_RANGES)[number];
