import { defineCommand } from '../src/engine/command.ts';
import { UserError } from '../src/engine/errors.ts';
import { leadingRef, RefArgs } from './lib/supply/args.ts';
import { findRequest } from './lib/supply/format.ts';
import { markDuplicate } from './lib/supply/moves.ts';

/** `/dup R-14 R-12`: R-14 is the same need as R-12, which is followed instead. */
export default defineCommand({
  names: { en: ['dup', 'duplicate'], id: ['duplikat'] },
  role: 'coordinator',
  args: RefArgs,
  run(ctx, { target, rest }) {
    if (!rest) throw new UserError('error-usage', { usage: ctx.t('cmd-dup-usage') });
    return markDuplicate(ctx, findRequest(ctx, target), findRequest(ctx, leadingRef(rest)));
  },
});
