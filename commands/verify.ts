import { defineCommand } from '../src/core/command.ts';
import { RefArgs } from './supply/args.ts';
import { findRequest } from './supply/format.ts';
import { verifyRequest } from './supply/moves.ts';

/** Words that confirm a verification despite likely duplicates: `/verify R-12 ok`. */
const CONFIRM = /^(ok|yes|ya|y|anyway|tetap)$/i;

export default defineCommand({
  names: { en: ['verify'], id: ['verifikasi'] },
  role: 'coordinator',
  args: RefArgs,
  run: (ctx, { target, rest }) => verifyRequest(ctx, findRequest(ctx, target), CONFIRM.test(rest)),
});
