import { z } from 'zod';
import { formatRef, parseRef } from '../../src/domain/refs.ts';
import type { CommandContext } from '../../src/engine/command.ts';
import type { Task } from '../../src/ledger/index.ts';

/** What /take, /done and /tasks share. */

/** `R-12`, `r12`, `S-3`: the argument of /take and /done, normalized to `R-12`. */
export const TaskRefArg = z
  .string()
  .trim()
  .refine((s) => ['R', 'S'].includes(parseRef(s)?.kind ?? ''), 'task-bad-ref')
  .transform((s) => {
    const ref = parseRef(s)!;
    return formatRef(ref.kind, ref.id);
  });

/** Rescue conditions in the reader's language, with the rescue module's labels. */
export const conditionsText = (ctx: CommandContext, task: Task) =>
  task.conditions.map((c) => ctx.t(`rescue-condition-${c}`)).join(', ');
