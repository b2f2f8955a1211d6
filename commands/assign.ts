import { defineCommand } from '../src/core/command.ts';
import { UserError } from '../src/core/errors.ts';
import { parseRef } from '../src/core/refs.ts';
import { assignRescue } from './rescue/moves.ts';
import { RefArgs } from './supply/args.ts';
import { findRequest } from './supply/format.ts';
import { assignRequest } from './supply/moves.ts';

/** `/assign R-12 V-40`: hands a record to a volunteer. Each kind of record has its own branch. */
export default defineCommand({
  names: { en: ['assign'], id: ['tugaskan'] },
  role: 'coordinator',
  args: RefArgs,
  run(ctx, { target, rest }) {
    const ref = parseRef(target);
    if (ref?.kind === 'R') return assignRequest(ctx, findRequest(ctx, target), rest);
    if (ref?.kind === 'S') return assignRescue(ctx, ref.id, rest);
    throw new UserError('supply-not-a-request', { ref: target });
  },
});
