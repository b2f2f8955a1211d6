import type { JobContext } from '../../engine/command.ts';
import { Outcome } from '../../engine/outcome.ts';
import { sitrepLines } from '../../engine/sitrep.ts';

/**
 * The scheduled situation report: each `sitrep` group gets it for its own area (all areas when it has
 * none), in its language. The totals are kept so the next report can say what changed.
 */
export function sendSitrep(ctx: JobContext): Outcome {
  const out = new Outcome();
  const { ledger, config, translator } = ctx;
  // The public channel gets its own daily summary (rules/public-channel.ts), built from public figures.
  const groups = ledger.broadcasts
    .recipients({ kind: 'topic', topic: 'sitrep' })
    .filter((g) => !g.publicChannel);
  for (const g of groups) {
    const lang = g.language ?? config.DEFAULT_LANGUAGE;
    const t = (key: string, args?: Record<string, string | number>) => translator.t(lang, key, args);
    out.toGroup(g.id, { lines: sitrepLines(ledger, t, g.area, ctx.now, config.TZ) });
  }
  ledger.sitrep.recordSent(
    ctx.actor,
    ledger.sitrep.stats(null, ctx.now).totals,
    groups.map((g) => g.id),
  );
  return out;
}
