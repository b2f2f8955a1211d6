import type { JobContext } from '../../engine/command.ts';
import { Outcome } from '../../engine/outcome.ts';

/** The daily purge: personal data of records finished more than RETENTION_DAYS ago is erased. */
export function purgeExpired(ctx: JobContext): Outcome {
  const cutoff = ctx.now - ctx.config.RETENTION_DAYS * 86_400_000;
  const counts = ctx.ledger.housekeeping.purge(ctx.actor, cutoff);
  ctx.log.info(counts, 'retention purge');
  return new Outcome();
}

/** Export files under `exports/` older than EXPORT_TTL_HOURS are removed. */
export function expireExports(ctx: JobContext): Outcome {
  const removed = ctx.ledger.exportFiles.expire(ctx.now, ctx.config.EXPORT_TTL_HOURS * 3_600_000);
  if (removed > 0) ctx.log.info({ removed }, 'expired exports removed');
  return new Outcome();
}
