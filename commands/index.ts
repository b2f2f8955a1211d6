import type { Command } from '../src/core/command.ts';
import assign from './assign.ts';
import broadcast from './broadcast.ts';
import cancel from './cancel.ts';
import close from './close.ts';
import dup from './dup.ts';
import exportRecords from './export.ts';
import grant from './grant.ts';
import help from './help.ts';
import lang from './lang.ts';
import need from './need.ts';
import open from './open.ts';
import register from './register.ts';
import reject from './reject.ts';
import revoke from './revoke.ts';
import start from './start.ts';
import status from './status.ts';
import verify from './verify.ts';
import whoami from './whoami.ts';

/** Every chat command, in the order /help lists them. Adding a command adds one line here. */
export const commands: readonly Command[] = [
  start,
  help,
  lang,
  cancel,
  need,
  status,
  open,
  verify,
  dup,
  assign,
  close,
  reject,
  register,
  broadcast,
  whoami,
  exportRecords,
  grant,
  revoke,
];
