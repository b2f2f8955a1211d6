import type { Command } from '../src/core/command.ts';
import cancel from './cancel.ts';
import grant from './grant.ts';
import help from './help.ts';
import lang from './lang.ts';
import register from './register.ts';
import revoke from './revoke.ts';
import start from './start.ts';
import whoami from './whoami.ts';

/** Every chat command, in the order /help lists them. Adding a command adds one line here. */
export const commands: readonly Command[] = [start, help, lang, cancel, register, whoami, grant, revoke];
