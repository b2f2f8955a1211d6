import { defineCommand } from '../src/engine/command.ts';
import { suggestMatchesTo } from './lib/offers/format.ts';
import { RefArgs } from './lib/supply/args.ts';
import { defaultTranslator, findRequest } from './lib/supply/format.ts';
import { verifyRequest } from './lib/supply/moves.ts';

/** Words that confirm a verification despite likely duplicates: `/verify R-12 ok`. */
const CONFIRM = /^(ok|yes|ya|y|anyway|tetap)$/i;

export default defineCommand({
  names: { en: ['verify'], id: ['verifikasi'] },
  role: 'coordinator',
  args: RefArgs,
  run(ctx, { target, rest }) {
    const r = findRequest(ctx, target);
    const out = verifyRequest(ctx, r, CONFIRM.test(rest));
    // Once verified, the offers that could meet it are suggested to coordinators (issue 27).
    if (ctx.ledger.requests.get(r.id)?.status === 'verified')
      suggestMatchesTo(ctx, out, defaultTranslator(ctx), { requestId: r.id });
    return out;
  },
});
