import { formatRef, parseRef } from '../src/domain/refs.ts';
import { defineCommand } from '../src/engine/command.ts';
import { UserError } from '../src/engine/errors.ts';
import { closeRescue } from './lib/rescue/moves.ts';
import { RefArgs } from './lib/supply/args.ts';
import { findRequest } from './lib/supply/format.ts';
import { closeRequest } from './lib/supply/moves.ts';

/** `/close R-12 reason`: ends a record whose need is met. Each kind of record has its own branch. */
export default defineCommand({
  names: { en: ['close'], id: ['tutup'] },
  role: 'coordinator',
  args: RefArgs,
  run(ctx, { target, rest }) {
    const ref = parseRef(target);
    if (ref?.kind === 'R') return closeRequest(ctx, findRequest(ctx, target), rest);
    if (ref?.kind === 'S') return closeRescue(ctx, ref.id, rest);
    // The typed text is echoed only where it is a reference: anything else is not for a group to read.
    if (!ref) throw new UserError('supply-ref-invalid', { text: target.slice(0, 40) });
    throw new UserError('supply-not-a-request', { ref: formatRef(ref.kind, ref.id) });
  },
});
