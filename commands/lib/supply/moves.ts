import { formatRef, parseRef } from '../../../src/domain/refs.ts';
import type { RequestStatus } from '../../../src/domain/request-states.ts';
import type { CommandContext } from '../../../src/engine/command.ts';
import { UserError } from '../../../src/engine/errors.ts';
import { Outcome } from '../../../src/engine/outcome.ts';
import type { MoveDetails, SupplyRequest } from '../../../src/ledger/index.ts';
import { leadingRef } from './args.ts';
import {
  coarseLocation,
  defaultTranslator,
  fullLocation,
  refusedMove,
  requestArgs,
  requestRef,
  translatorFor,
} from './format.ts';

/**
 * The moves people make on a supply request, each checked against the state machine
 * (src/domain/request-states.ts) and each telling the requester, in their language, what changed.
 */

function move(
  ctx: CommandContext,
  r: SupplyRequest,
  to: RequestStatus,
  extra: MoveDetails = {},
): SupplyRequest {
  const result = ctx.ledger.requests.move(ctx.actor, r.id, to, extra);
  if (!result) throw new UserError('supply-not-found', { ref: requestRef(r) });
  if (!result.ok) throw refusedMove(ctx, { ...r, status: result.from }, to);
  return result.request;
}

function tellRequester(out: Outcome, ctx: CommandContext, r: SupplyRequest, key: string, args = {}): void {
  if (r.requester === ctx.sender.id) return;
  out.notify(r.requester, key, { ref: requestRef(r), ...args });
}

/**
 * new → verified, announced to the supply groups of its area. Likely duplicates are shown first and
 * nothing changes until the coordinator links them (/dup) or confirms (`/verify R-12 ok`).
 */
export function verifyRequest(ctx: CommandContext, r: SupplyRequest, confirmed: boolean): Outcome {
  // A coordinator verifies new requests only; an assigned one returns to `verified` when its volunteer leaves.
  if (r.status !== 'new') throw refusedMove(ctx, r, 'verified');
  const ref = requestRef(r);
  const duplicates = ctx.ledger.requests.likelyDuplicates(r);
  if (duplicates.length > 0 && !confirmed) {
    const list = duplicates
      .slice(0, 5)
      .map((d) =>
        ctx.t('supply-duplicate-line', {
          ...requestArgs(d.request, ctx.t),
          why: ctx.t(`supply-dup-why-${d.why}`),
        }),
      )
      .join('\n');
    return new Outcome().reply(
      'supply-verify-duplicates',
      { ref, list },
      {
        choices: [
          ...duplicates.slice(0, 3).map((d) => ({
            value: `/dup ${ref} ${requestRef(d.request)}`,
            key: 'supply-dup-choice',
            args: { original: requestRef(d.request) },
          })),
          { value: `/verify ${ref} ok`, key: 'supply-verify-anyway' },
        ],
      },
    );
  }
  const verified = move(ctx, r, 'verified');
  const groups = ctx.ledger.groups.forAnnouncement('supply', verified.area).length;
  const t = defaultTranslator(ctx);
  const out = new Outcome()
    .reply('supply-verified', { ref, groups })
    .announce('supply', verified.area, 'supply-announce', {
      ...requestArgs(verified, t),
      place: coarseLocation(verified, t),
    });
  tellRequester(out, ctx, verified, 'supply-verified-requester');
  return out;
}

/** verified → assigned (or assigned → assigned to hand it to someone else); the volunteer gets everything. */
export function assignRequest(ctx: CommandContext, r: SupplyRequest, volunteerText: string): Outcome {
  const ref = parseRef(leadingRef(volunteerText));
  if (ref?.kind !== 'V')
    throw new UserError('supply-volunteer-invalid', { text: volunteerText.slice(0, 40) });
  const volunteer = ctx.ledger.requests.volunteer(ref.id);
  if (!volunteer) throw new UserError('supply-volunteer-not-found', { volunteer: formatRef('V', ref.id) });
  if (volunteer.status !== 'active')
    throw new UserError('supply-volunteer-left', { volunteer: formatRef('V', ref.id) });
  if (r.status === 'assigned' && r.assignedVolunteer === volunteer.id)
    throw new UserError('supply-already-assigned', {
      ref: requestRef(r),
      volunteer: formatRef('V', volunteer.id),
    });
  const assigned = move(ctx, r, 'assigned', { volunteer: volunteer.id });
  const vt = translatorFor(ctx, volunteer.personId);
  const out = new Outcome()
    .reply('supply-assigned', {
      ref: requestRef(r),
      volunteer: formatRef('V', volunteer.id),
      name: volunteer.name ?? '',
    })
    .notifyAssignee(volunteer.personId, 'supply-assigned-volunteer', {
      ...requestArgs(assigned, vt),
      location: fullLocation(assigned, vt),
      contact: assigned.contact ?? vt('supply-contact-none'),
      notes: assigned.notes ?? '-',
    });
  const previous =
    r.assignedVolunteer === null ? undefined : ctx.ledger.requests.volunteer(r.assignedVolunteer);
  if (previous) out.notifyAssignee(previous.personId, 'supply-unassigned-volunteer', { ref: requestRef(r) });
  tellRequester(out, ctx, assigned, 'supply-assigned-requester');
  return out;
}

/** Ends a request whose need is met (delivered, or met some other way); the reason is kept. */
export function closeRequest(ctx: CommandContext, r: SupplyRequest, reason: string): Outcome {
  const closed = move(ctx, r, 'closed', reason ? { reason } : {});
  const out = new Outcome().reply('supply-closed', { ref: requestRef(r) });
  tellRequester(out, ctx, closed, 'supply-closed-requester', { reason: reason || '-' });
  if (r.status === 'assigned') notifyVolunteer(ctx, out, r, 'supply-closed-volunteer');
  return out;
}

export function rejectRequest(ctx: CommandContext, r: SupplyRequest, reason: string): Outcome {
  if (!reason) throw new UserError('supply-reason-needed', { usage: ctx.t('cmd-reject-usage') });
  const rejected = move(ctx, r, 'rejected', { reason });
  const out = new Outcome().reply('supply-rejected', { ref: requestRef(r) });
  tellRequester(out, ctx, rejected, 'supply-rejected-requester', { reason });
  return out;
}

/** Marks `r` as the same need as `original` and links it; the original is followed instead. */
export function markDuplicate(ctx: CommandContext, r: SupplyRequest, original: SupplyRequest): Outcome {
  if (original.id === r.id) throw new UserError('supply-dup-self', { ref: requestRef(r) });
  if (['duplicate', 'cancelled', 'rejected'].includes(original.status))
    throw new UserError('supply-dup-original-ended', {
      original: requestRef(original),
      status: ctx.t(`supply-status-${original.status}`),
    });
  const dup = move(ctx, r, 'duplicate', { duplicateOf: original.id });
  const args = { ref: requestRef(r), original: requestRef(original) };
  const out = new Outcome().reply('supply-dup-done', args);
  tellRequester(out, ctx, dup, 'supply-dup-requester', { original: requestRef(original) });
  return out;
}

/** The requester withdraws their own request; nobody else may. */
export function cancelOwnRequest(ctx: CommandContext, r: SupplyRequest): Outcome {
  if (r.requester !== ctx.sender.id) throw new UserError('supply-not-yours', { ref: requestRef(r) });
  move(ctx, r, 'cancelled');
  const out = new Outcome().reply('supply-cancelled', { ref: requestRef(r) });
  if (r.status === 'assigned') notifyVolunteer(ctx, out, r, 'supply-cancelled-volunteer');
  return out;
}

function notifyVolunteer(ctx: CommandContext, out: Outcome, r: SupplyRequest, key: string): void {
  const v = r.assignedVolunteer === null ? undefined : ctx.ledger.requests.volunteer(r.assignedVolunteer);
  if (v) out.notifyAssignee(v.personId, key, { ref: requestRef(r) });
}
