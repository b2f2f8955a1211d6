import { z } from 'zod';
import { parseRef } from '../src/domain/refs.ts';
import { defineCommand } from '../src/engine/command.ts';
import { UserError } from '../src/engine/errors.ts';
import { Outcome } from '../src/engine/outcome.ts';

const FoundArgs = z
  .string()
  .trim()
  .transform((s, ctx) => {
    const [m, where] = s.split(/\s+/).map(parseRef);
    if (m?.kind !== 'M' || (where?.kind !== 'C' && where?.kind !== 'S')) {
      ctx.addIssue({ code: 'custom', message: 'error-usage' });
      return z.NEVER;
    }
    return { report: m.id, where };
  });

/**
 * A coordinator confirms that a missing person was found: in a check-in (`C-n`: the reporter is told,
 * and the found person is asked whether the reporter may have their number) or among the people of a
 * rescue case (`S-n`: the reporter is told a coordinator will follow up).
 */
export default defineCommand({
  names: { en: ['found'], id: ['ditemukan'] },
  role: 'coordinator',
  args: FoundArgs,
  run(ctx, { report, where }) {
    const m = ctx.ledger.missing.get(report);
    if (!m) throw new UserError('missing-not-found', { ref: `M-${report}` });
    const ref = `M-${m.id}`;
    const checkin = where.kind === 'C' ? ctx.ledger.checkins.get(where.id) : undefined;
    if (where.kind === 'C' && !checkin)
      throw new UserError('missing-checkin-not-found', { ref: `C-${where.id}` });
    if (where.kind === 'S' && !ctx.ledger.rescues.get(where.id))
      throw new UserError('missing-rescue-not-found', { ref: `S-${where.id}` });
    if (!ctx.ledger.missing.found(ctx.actor, m.id, `${where.kind}-${where.id}`, checkin !== undefined))
      throw new UserError('missing-not-open', { ref });
    const out = new Outcome().reply('found-done', { ref, in: `${where.kind}-${where.id}` });
    if (checkin) {
      out.notify(m.reporter, 'found-reporter-checkin', { ref, name: m.name });
      out.notify(
        checkin.personId,
        'found-consent-ask',
        { ref },
        {
          choices: [
            { value: `/consent ${ref} yes`, key: 'found-consent-yes' },
            { value: `/consent ${ref} no`, key: 'found-consent-no' },
          ],
        },
      );
    } else out.notify(m.reporter, 'found-reporter-rescue', { ref, name: m.name, case: `S-${where.id}` });
    return out;
  },
});
