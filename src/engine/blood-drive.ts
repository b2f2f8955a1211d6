import { canGiveRedCells, formatBloodGroup, mayDonateAgain } from '../domain/blood.ts';
import { distanceKm } from '../domain/matching.ts';
import { formatRef } from '../domain/refs.ts';
import { formatLocal } from '../domain/when.ts';
import type { BloodRequest } from '../ledger/index.ts';
import type { JobContext } from './command.ts';
import type { Outcome } from './outcome.ts';

/**
 * How a blood request asks donors (issue 32): privately, nearest first, a few at a time, never more
 * than needed. Each wave asks at most twice the bags still missing, minus those still thinking; the
 * next wave comes only `BLOOD_WAVE_MINUTES` later, and only while the need is not covered.
 */

/** Whether someone asked for this request may still be needed: the bags not yet promised. */
export function missing(ctx: Pick<JobContext, 'ledger'>, r: BloodRequest): number {
  return Math.max(0, r.bags - ctx.ledger.blood.counts(r.id).yes);
}

/** Public words for groups: the group, the hospital and the count, never a donor or a family. */
export function bloodArgs(ctx: Pick<JobContext, 'ledger'>, r: BloodRequest) {
  return {
    ref: formatRef('T', r.id),
    bloodGroup: formatBloodGroup(r.group),
    hospital: r.hospital,
    bags: r.bags,
    found: ctx.ledger.blood.counts(r.id).yes,
    area: r.area ?? '-',
  };
}

export function askNextWave(ctx: JobContext, r: BloodRequest, out: Outcome): number {
  if (r.status !== 'open' || !r.verified || r.deadline <= ctx.now) return 0;
  if (r.lastWave !== null && ctx.now - r.lastWave < ctx.config.BLOOD_WAVE_MINUTES * 60_000) return 0;
  const { waiting } = ctx.ledger.blood.counts(r.id);
  const wave = 2 * missing(ctx, r) - waiting;
  if (wave <= 0) return 0;
  const centre = r.area ? ctx.areas.get(r.area) : undefined;
  const at = { lat: r.lat ?? centre?.lat ?? null, lon: r.lon ?? centre?.lon ?? null, area: r.area };
  const chosen = ctx.ledger.blood
    .activeDonorsNotAsked(r.id)
    .filter(
      (d) =>
        canGiveRedCells(d.group, r.group) &&
        mayDonateAgain(d.lastDonation, ctx.now, ctx.config.BLOOD_INTERVAL_DAYS),
    )
    .map((d) => ({ d, km: distanceKm(at, d) ?? Number.POSITIVE_INFINITY }))
    .sort((a, b) => a.km - b.km)
    .slice(0, wave)
    .map(({ d }) => d.personId);
  if (chosen.length === 0) return 0;
  ctx.ledger.blood.asked(ctx.actor, r.id, chosen);
  const ref = formatRef('T', r.id);
  const args = {
    ref,
    bloodGroup: formatBloodGroup(r.group),
    hospital: r.hospital,
    until: formatLocal(r.deadline, ctx.config.TZ),
  };
  for (const p of chosen)
    out.notify(p, 'blood-ask-donor', args, {
      choices: [
        { value: `/giveblood ${ref} yes`, key: 'blood-yes' },
        { value: `/giveblood ${ref} no`, key: 'blood-no' },
      ],
    });
  return chosen.length;
}

/** The scheduled job: every open request past its wave interval asks its next wave; past the deadline it closes. */
export function runBloodDrives(ctx: JobContext, out: Outcome): void {
  for (const r of ctx.ledger.blood.openRequests()) {
    if (r.deadline <= ctx.now) {
      ctx.ledger.blood.setStatus(ctx.actor, r.id, 'closed');
      out.notify(r.requester, 'blood-deadline-requester', bloodArgs(ctx, r));
      continue;
    }
    askNextWave(ctx, r, out);
  }
}
