import { z } from 'zod';
import { wordValue } from '../src/domain/until.ts';
import { defineCommand } from '../src/engine/command.ts';
import { UserError } from '../src/engine/errors.ts';
import { findOffer, findPosko, poskoNear } from './lib/offers/format.ts';
import { movePledge, pledge } from './lib/offers/pledge.ts';
import { findRequest } from './lib/supply/format.ts';

const STEPS = {
  posko: 'at-posko',
  delivered: 'delivered',
  terkirim: 'delivered',
  diterima: 'delivered',
  cancel: 'cancelled',
  batal: 'cancelled',
} as const;

/** `R-3 O-2`, then a quantity, a step (`posko [K-1]`, `delivered`, `cancel`) or nothing. */
const MatchArgs = z
  .string()
  .trim()
  .transform((s, ctx) => {
    const m = /^([A-Za-z]\s*-?\s*\d+)\s+([A-Za-z]\s*-?\s*\d+)\s*(.*)$/s.exec(s);
    if (!m) {
      ctx.addIssue({ code: 'custom', message: 'error-usage' });
      return z.NEVER;
    }
    const [word = '', ...rest] = m[3]!.trim().split(/\s+/);
    const step = wordValue(STEPS, word.toLowerCase());
    const qty = /^\d+(?:[.,]\d+)?$/.test(word) ? Number(word.replace(',', '.')) : undefined;
    if (word && !step && !(qty && qty > 0)) {
      ctx.addIssue({ code: 'custom', message: 'error-usage' });
      return z.NEVER;
    }
    return { request: m[1]!, offer: m[2]!, step, qty, posko: rest.join(' ') };
  });

/**
 * A coordinator confirms a suggested match (never made silently), then follows the goods: to a posko,
 * delivered, or cancelled with the quantities given back to the offer.
 */
export default defineCommand({
  names: { en: ['match'], id: ['cocokkan'] },
  role: 'coordinator',
  args: MatchArgs,
  run(ctx, { request, offer, step, qty, posko }) {
    const r = findRequest(ctx, request);
    const o = findOffer(ctx, offer);
    if (!step) return pledge(ctx, r, o, qty);
    if (step !== 'at-posko') return movePledge(ctx, r, o, step);
    const at = posko ? findPosko(ctx, posko) : poskoNear(ctx, r)[0]?.posko;
    if (!at) throw new UserError('posko-not-found', { text: posko || '-' });
    return movePledge(ctx, r, o, step, at.id);
  },
});
