import { formatRef } from '../../domain/refs.ts';
import type { JobContext } from '../../engine/command.ts';
import { Outcome } from '../../engine/outcome.ts';

/**
 * Offers whose date has passed expire, so nobody is matched with goods already gone; each donor is
 * asked whether theirs still stands, with a choice that renews it (`/renew O-3`) for OFFER_DAYS.
 */
export function expireOffers(ctx: JobContext): Outcome {
  const out = new Outcome();
  for (const o of ctx.ledger.offers.expireDue(ctx.actor)) {
    const ref = formatRef('O', o.id);
    out.notify(
      o.donor,
      'offer-expired-ask',
      { ref },
      {
        choices: [
          { value: `/renew ${ref}`, key: 'offer-renew-choice', args: { days: ctx.config.OFFER_DAYS } },
        ],
      },
    );
  }
  return out;
}
