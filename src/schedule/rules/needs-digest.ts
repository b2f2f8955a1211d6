import type { JobContext } from '../../engine/command.ts';
import { needsLines } from '../../engine/needs-text.ts';
import { Outcome } from '../../engine/outcome.ts';

/**
 * `/needs` posted to each `supply` group on NEEDS_CRON, for the group's own area (everything for a group
 * without one), in its language, with a line telling donors how to offer. A group whose area needs
 * nothing gets nothing: an empty list every few hours teaches people to mute the bot.
 */
export function postNeedsDigest(ctx: JobContext): Outcome {
  const out = new Outcome();
  const { ledger, config, translator } = ctx;
  for (const g of ledger.broadcasts.recipients({ kind: 'topic', topic: 'supply' })) {
    const lang = g.language ?? config.DEFAULT_LANGUAGE;
    const lines = needsLines(ledger, (key, args) => translator.t(lang, key, args), g.area);
    if (lines.length > 0) out.toGroup(g.id, { lines: [...lines, { key: 'needs-digest-offer' }] });
  }
  return out;
}
