import { defineCommand } from '../src/engine/command.ts';
import { type NeedData, needDialog } from './lib/supply/need-dialog.ts';

/**
 * `/need` asks for items, people, location, urgency, contact and a note, then answers with `R-n`.
 * `/need 20 water, 5 rice @ -7.80,110.36` (or `@ Bantul`) creates the request at once.
 */
export default defineCommand<string, NeedData>({
  names: { en: ['need'], id: ['butuh'] },
  role: 'anyone',
  where: 'private',
  dialog: needDialog,
});
