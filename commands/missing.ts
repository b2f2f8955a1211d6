import { defineCommand } from '../src/engine/command.ts';
import { type MissingData, missingDialog } from './lib/family/missing-dialog.ts';

/** `/missing [NAME]`: report a missing person (`M-n`), for coordinators' eyes only. */
export default defineCommand<string, MissingData>({
  names: { en: ['missing'], id: ['hilang'] },
  role: 'anyone',
  where: 'private',
  dialog: missingDialog,
});
