import { redact } from '../../src/domain/redaction.ts';
import type { CommandContext } from '../../src/engine/command.ts';
import type { Outcome } from '../../src/engine/outcome.ts';

/**
 * A text a person wrote for groups (a broadcast), redacted before it is stored, so that neither the
 * groups nor the ledger's copy hold a phone number or an exact location. `tell` lets the author know
 * what was removed, in the same answer that says the broadcast is on its way.
 */
export function textForGroups(
  ctx: CommandContext,
  text: string,
): { text: string; tell(out: Outcome): Outcome } {
  const r = redact(text, { publicContacts: ctx.ledger.publicContacts.keys() });
  return {
    text: r.text,
    tell: (out) =>
      r.phones + r.locations === 0
        ? out
        : out.reply('redaction-removed', {
            phones: r.phones,
            locations: r.locations,
            total: r.phones + r.locations,
          }),
  };
}
