import { formatRef, parseRef } from '../src/domain/refs.ts';
import { defineCommand } from '../src/engine/command.ts';
import { UserError } from '../src/engine/errors.ts';
import { assignRescue } from './lib/rescue/moves.ts';
import { RefArgs } from './lib/supply/args.ts';
import { findRequest } from './lib/supply/format.ts';
import { assignRequest } from './lib/supply/moves.ts';

/** `/assign R-12 V-40`: hands a record to a volunteer. Each kind of record has its own branch. */
export default defineCommand({
  names: { en: ['assign'], id: ['tugaskan'] },
  role: 'coordinator',
  args: RefArgs,
  run(ctx, { target, rest }) {
    const ref = parseRef(target);
    if (ref?.kind === 'R') return assignRequest(ctx, findRequest(ctx, target), rest);
    if (ref?.kind === 'S') return assignRescue(ctx, ref.id, rest);
    // The typed text is echoed only where it is a reference: anything else is not for a group to read.
    if (!ref) throw new UserError('supply-ref-invalid', { text: target.slice(0, 40) });
    throw new UserError('supply-not-a-request', { ref: formatRef(ref.kind, ref.id) });
  },
});
