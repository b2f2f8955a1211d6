import { defineCommand } from '../src/engine/command.ts';
import { RefArgs } from './lib/supply/args.ts';
import { findRequest } from './lib/supply/format.ts';
import { verifyRequest } from './lib/supply/moves.ts';

/** Words that confirm a verification despite likely duplicates: `/verify R-12 ok`. */
const CONFIRM = /^(ok|yes|ya|y|anyway|tetap)$/i;

export default defineCommand({
  names: { en: ['verify'], id: ['verifikasi'] },
  role: 'coordinator',
  args: RefArgs,
  run: (ctx, { target, rest }) => verifyRequest(ctx, findRequest(ctx, target), CONFIRM.test(rest)),
});
