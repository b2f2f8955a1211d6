import type { RequestItem } from '../domain/items.ts';
import type { MessageArgs } from '../i18n/catalog.ts';

/** Renders a catalog key in one language. */
export type Tr = (key: string, args?: MessageArgs) => string;

const catalogItem = (i: RequestItem, t: Tr, name: string) => {
  const unit = i.unit ? `${t(`unit-${i.unit}`)} ` : '';
  return i.qty === undefined ? `${unit}${name}` : `${i.qty} ${unit}${name}`;
};

/**
 * `20 water, 5 kg rice, other items (2)` in the reader's language: catalog items and quantities only,
 * the `items` field of messages for groups and task lists. Items outside the catalog are the
 * requester's own words (an address has been one): they are counted, never quoted.
 */
export function itemsText(items: readonly RequestItem[], t: Tr): string {
  const listed = items
    .filter((i) => i.item !== 'other')
    .map((i) => catalogItem(i, t, t(`item-${i.item}`, { qty: i.qty ?? 2 })));
  const others = items.length - listed.length;
  return [...listed, ...(others > 0 ? [t('items-other', { count: others })] : [])].join(', ');
}

/**
 * Every item, those outside the catalog in the requester's words: `itemsAsWritten`, for the requester,
 * the assigned volunteer and coordinators only.
 */
export function itemsAsWritten(items: readonly RequestItem[], t: Tr): string {
  return items
    .map((i) =>
      catalogItem(i, t, i.item === 'other' ? (i.text ?? '?') : t(`item-${i.item}`, { qty: i.qty ?? 2 })),
    )
    .join(', ');
}
