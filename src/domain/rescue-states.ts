export type RescueStatus = 'open' | 'acknowledged' | 'team_assigned' | 'rescued' | 'closed';
/** A case still waiting for, or receiving, help: a new report from its reporter updates it. */
export const ACTIVE_RESCUE: readonly RescueStatus[] = ['open', 'acknowledged', 'team_assigned'];
