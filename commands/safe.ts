import { defineCommand } from '../src/engine/command.ts';
import { type SafeData, safeDialog } from './lib/family/safe-dialog.ts';

/**
 * `/safe [private] [message] [@ place]`: "I'm safe", found by anyone who knows the person's number (or,
 * with `private`, by coordinators only). Asks for the number once where the platform does not give it.
 */
export default defineCommand<string, SafeData>({
  names: { en: ['safe'], id: ['aman'] },
  role: 'anyone',
  where: 'private',
  dialog: safeDialog,
});
