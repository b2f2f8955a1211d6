/** What a group is registered for; announcements go to the groups of their topic and area. */
export type Topic = 'rescue' | 'supply' | 'volunteers' | 'sitrep';
export const TOPICS: readonly Topic[] = ['rescue', 'supply', 'volunteers', 'sitrep'];
