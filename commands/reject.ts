import { defineCommand } from '../src/engine/command.ts';
import { RefArgs } from './lib/supply/args.ts';
import { findRequest } from './lib/supply/format.ts';
import { rejectRequest } from './lib/supply/moves.ts';

export default defineCommand({
  names: { en: ['reject'], id: ['tolak'] },
  role: 'coordinator',
  args: RefArgs,
  run: (ctx, { target, rest }) => rejectRequest(ctx, findRequest(ctx, target), rest),
});
