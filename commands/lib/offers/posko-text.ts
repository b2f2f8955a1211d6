import { type ItemId, parseItems } from '../../../src/domain/items.ts';
import { UserError } from '../../../src/engine/errors.ts';
import type { PoskoFields } from '../../../src/ledger/index.ts';
import { phoneFrom } from '../supply/need-dialog.ts';

/** The words that start a posko field, in both languages: `hours 08-17`, `terima air, beras`, `kontak 0274…`. */
const FIELD_WORDS: Record<string, keyof PoskoFields> = {
  hours: 'hours',
  jam: 'hours',
  buka: 'hours',
  accepts: 'accepts',
  accept: 'accepts',
  terima: 'accepts',
  menerima: 'accepts',
  contact: 'contact',
  kontak: 'contact',
};

const FIELD_START = new RegExp(`(?:^|\\s)(${Object.keys(FIELD_WORDS).join('|')})\\s*:?\\s+`, 'gi');
const MAX_HOURS = 80;

/** Catalog items a posko takes, from `water, rice, blanket`; words outside the catalog are refused. */
function acceptedItems(text: string): ItemId[] {
  const parsed = parseItems(text);
  if (!parsed.ok) throw new UserError('posko-accepts-invalid', { text: text.slice(0, 60) });
  const other = parsed.items.find((i) => i.item === 'other');
  if (other) throw new UserError('posko-accepts-invalid', { text: other.text ?? '' });
  return [...new Set(parsed.items.map((i) => i.item as ItemId))];
}

/** Splits `Posko Imogiri @ Imogiri jam 08-17 terima air, beras` into the head and the fields after it. */
export function readPoskoFields(text: string): { head: string; fields: PoskoFields } {
  const marks = [...text.matchAll(FIELD_START)];
  const head = text.slice(0, marks[0]?.index ?? text.length).trim();
  const fields: PoskoFields = {};
  marks.forEach((m, n) => {
    const value = text.slice(m.index! + m[0].length, marks[n + 1]?.index ?? text.length).trim();
    const field = FIELD_WORDS[m[1]!.toLowerCase()]!;
    if (!value) throw new UserError('posko-field-empty', { field: m[1]! });
    if (field === 'hours') fields.hours = value.slice(0, MAX_HOURS);
    if (field === 'accepts') fields.accepts = acceptedItems(value);
    if (field === 'contact') fields.contact = phoneFrom(value);
  });
  return { head, fields };
}
