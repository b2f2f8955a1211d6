import type { JobContext } from '../../engine/command.ts';
import { Outcome } from '../../engine/outcome.ts';

/** The daily purge: personal data of records finished more than RETENTION_DAYS ago is erased. */
export function purgeExpired(ctx: JobContext): Outcome {
  const cutoff = ctx.now - ctx.config.RETENTION_DAYS * 86_400_000;
  const counts = ctx.ledger.housekeeping.purge(ctx.actor, cutoff);
  ctx.log.info(counts, 'retention purge');
  return new Outcome();
}
