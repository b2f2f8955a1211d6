import { aggregateNeeds } from '../domain/matching.ts';
import type { Ledger } from '../ledger/index.ts';
import { itemsText, type Tr } from './items-text.ts';
import type { KeySay } from './outcome.ts';

/**
 * "What is needed where" (`/needs` and the scheduled digest to supply groups): per area, what verified
 * requests still need after pledges. Areas and catalog items only, so it may go to groups. No lines
 * when nothing is open.
 */
export function needsLines(ledger: Ledger, t: Tr, within?: string | null): KeySay[] {
  const needs = aggregateNeeds(ledger.offers.neededItems(), within ?? undefined);
  if (needs.length === 0) return [];
  return [
    { key: 'needs-title', args: { count: needs.length } },
    ...needs.map((n) => ({
      key: 'needs-line',
      args: { area: n.area ?? t('supply-area-none'), items: itemsText(n.items, t) },
    })),
  ];
}
