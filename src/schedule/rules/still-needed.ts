import { formatRef } from '../../domain/refs.ts';
import type { JobContext } from '../../engine/command.ts';
import { Outcome } from '../../engine/outcome.ts';

/** A supply request untouched this long gets a question to its requester (SPEC 4). */
export const STILL_NEEDED_AFTER_MS = 48 * 3_600_000;

/**
 * Asks each requester whose live request has been idle for 48 hours whether it is still needed, with
 * yes/no choices that are commands (`/stillneeded R-12 yes`), so a button, "1" or typing all work.
 */
export function askStillNeeded(ctx: JobContext): Outcome {
  const out = new Outcome();
  const { housekeeping } = ctx.ledger;
  for (const r of housekeeping.idleRequests(ctx.now - STILL_NEEDED_AFTER_MS)) {
    const ref = formatRef('R', r.id);
    housekeeping.asked(ctx.actor, r.id);
    out.notify(
      r.requester,
      'still-needed-ask',
      { ref },
      {
        choices: [
          { value: `/stillneeded ${ref} yes`, key: 'still-needed-yes' },
          { value: `/stillneeded ${ref} no`, key: 'still-needed-no' },
        ],
      },
    );
  }
  return out;
}
