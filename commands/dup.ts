import { defineCommand } from '../src/core/command.ts';
import { UserError } from '../src/core/errors.ts';
import { leadingRef, RefArgs } from './supply/args.ts';
import { findRequest } from './supply/format.ts';
import { markDuplicate } from './supply/moves.ts';

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
