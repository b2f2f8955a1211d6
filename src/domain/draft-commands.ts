/**
 * What a coordinator decides of a listen-mode draft, as the chat command the buttons under it carry
 * (`/draft D-3 confirm`): the chat's buttons and the dashboard's actions send these same words.
 */
export type DraftDecision = 'confirm' | 'edit' | 'discard' | 'rescue';

export const draftCommand = (ref: string, decision: DraftDecision): string => `/draft ${ref} ${decision}`;

/** `/draft D-3 merge R-5`: the draft is the same need as another draft or a request. */
export const draftMergeCommand = (ref: string, into: string): string => `/draft ${ref} merge ${into}`;
