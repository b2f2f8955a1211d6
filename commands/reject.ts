import { defineCommand } from '../src/core/command.ts';
import { RefArgs } from './supply/args.ts';
import { findRequest } from './supply/format.ts';
import { rejectRequest } from './supply/moves.ts';

export default defineCommand({
  names: { en: ['reject'], id: ['tolak'] },
  role: 'coordinator',
  args: RefArgs,
  run: (ctx, { target, rest }) => rejectRequest(ctx, findRequest(ctx, target), rest),
});
