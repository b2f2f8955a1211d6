import { defineCommand } from '../src/engine/command.ts';
import { type DonorData, donorDialog } from './lib/drives/donor-dialog.ts';

/** `/donor [GROUP]`: register as a blood donor, with consent to be asked; `/donorstatus` pauses or leaves. */
export default defineCommand<string, DonorData>({
  names: { en: ['donor'], id: ['donordarah'] },
  role: 'anyone',
  where: 'private',
  dialog: donorDialog,
});
