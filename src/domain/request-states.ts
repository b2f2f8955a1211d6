/**
 * The supply request state machine of SPEC 3, in one place: new → verified → assigned → delivered →
 * closed, or cancelled, duplicate, rejected. Every command and the ledger check moves against this table.
 */

export const REQUEST_STATUSES = [
  'new',
  'verified',
  'assigned',
  'delivered',
  'closed',
  'cancelled',
  'duplicate',
  'rejected',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const URGENCIES = ['low', 'normal', 'high', 'critical'] as const;
export type Urgency = (typeof URGENCIES)[number];

/**
 * Allowed moves. Nothing reaches volunteers before a coordinator verified it, so `assigned` needs
 * `verified`. `assigned → assigned` is a coordinator handing the request to another volunteer, and
 * `assigned → verified` the request going back to the pool when its volunteer leaves (the volunteers
 * module's release). Closing without a delivery (`verified`/`assigned` → `closed`) covers a need met
 * some other way; the reason is kept.
 */
export const REQUEST_MOVES: Readonly<Record<RequestStatus, readonly RequestStatus[]>> = {
  new: ['verified', 'cancelled', 'duplicate', 'rejected'],
  verified: ['assigned', 'closed', 'cancelled', 'duplicate', 'rejected'],
  assigned: ['assigned', 'verified', 'delivered', 'closed', 'cancelled'],
  delivered: ['closed'],
  closed: [],
  cancelled: [],
  duplicate: [],
  rejected: [],
};

export const canMove = (from: RequestStatus, to: RequestStatus) => REQUEST_MOVES[from].includes(to);

/** Still needs someone to act: listed by /open, counted as a possible duplicate. */
export const LIVE_STATUSES: readonly RequestStatus[] = ['new', 'verified', 'assigned', 'delivered'];

export const isLive = (s: RequestStatus) => LIVE_STATUSES.includes(s);
