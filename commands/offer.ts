import { defineCommand } from '../src/engine/command.ts';
import { type OfferData, offerDialog } from './lib/offers/offer-dialog.ts';

/**
 * `/offer` asks what, where, until when, whether the donor brings it and a phone, then answers `O-n`.
 * `/offer 50 blanket, 10 dus mie @ Sleman until Friday` creates the offer at once.
 */
export default defineCommand<string, OfferData>({
  names: { en: ['offer'], id: ['tawarkan', 'tawar'] },
  role: 'anyone',
  where: 'private',
  dialog: offerDialog,
});
