import { runBloodDrives } from '../../engine/blood-drive.ts';
import type { JobContext } from '../../engine/command.ts';
import { Outcome } from '../../engine/outcome.ts';

/** Blood requests ask their next wave of donors as time passes without enough yeses (issue 32). */
export function askBloodDonors(ctx: JobContext): Outcome {
  const out = new Outcome();
  runBloodDrives(ctx, out);
  return out;
}
