import { createHmac, randomBytes } from 'node:crypto';
import type { OutboundFile } from '../domain/message.ts';
import { PERSONAL_EXPORT_MARK } from '../ledger/export-files.ts';
import type { Ledger } from '../ledger/index.ts';
import { type Cell, COLUMNS, requestItems } from './columns.ts';
import { type ExportRecord, type Table, toCsv, toGeoJson, toJson } from './formats.ts';
import { type ExportOptions, sinceMs } from './options.ts';

export type { ExportOptions } from './options.ts';
export { ExportOptionsSchema, parseExportArgs } from './options.ts';

const MIME = { csv: 'text/csv', hxl: 'text/csv', json: 'application/json', geojson: 'application/geo+json' };
const EXTENSION = { csv: 'csv', hxl: 'hxl.csv', json: 'json', geojson: 'geojson' };

const PSEUDONYM = /^P-\d+$/;

/**
 * The ledger names people by a stable pseudonym (`P-12`, issue 15); an export without personal data
 * gives them one of its own, the same within one file, so two files cannot be joined. The chain's links
 * (prev_hash -> hash) still verify; recomputing each hash needs the stored ones, so --include-personal.
 */
function pseudonymiser(): (v: Cell) => Cell {
  const key = randomBytes(32);
  const alias = (id: string) => createHmac('sha256', key).update(id).digest('hex').slice(0, 12);
  return (v) => (typeof v === 'string' && PSEUDONYM.test(v) ? `P~${alias(v)}` : v);
}

export interface ExportResult {
  file: OutboundFile;
  count: number;
}

/**
 * Builds one export file from the ledger. A default export is built from an allow-list of structured
 * fields (references, areas, catalog items and quantities, counts, urgency, status, times, coordinates
 * to 2 decimals); personal data and free text (notes, addresses, reasons, titles, broadcast texts, items
 * outside the catalog) only with `includePersonal`, in a file named as no other export is.
 */
export function buildExport(ledger: Ledger, options: ExportOptions, now: number): ExportResult {
  const { what, format, includePersonal } = options;
  const rows = ledger.exports.rows(what, {
    ...(options.area ? { area: options.area } : {}),
    ...(options.status ? { status: options.status } : {}),
    ...(options.since ? { since: sinceMs(options.since, now) } : {}),
  });
  const columns = COLUMNS[what].filter((c) => includePersonal || !(c.personal || c.freeText));
  const hide = what === 'events' && !includePersonal ? pseudonymiser() : undefined;
  const records: ExportRecord[] = rows.map((row) => {
    const cells: Record<string, Cell> = {};
    for (const c of columns) {
      let v = c.value(row);
      if (c.coordinate && typeof v === 'number' && !includePersonal) v = Number(v.toFixed(2));
      if (hide && ['actor', 'subject', 'message_ref'].includes(c.name)) v = hide(v);
      cells[c.name] = v;
    }
    if (what !== 'requests' && what !== 'offers') return { cells };
    return { cells, items: requestItems(row, includePersonal) };
  });
  const table: Table = { columns: columns.map(({ name, hxl }) => ({ name, hxl })), records };
  const meta = {
    what,
    exported_at: new Date(now).toISOString(),
    personal_data: includePersonal,
    filters: { area: options.area ?? null, status: options.status ?? null, since: options.since ?? null },
  };
  const content =
    format === 'csv' || format === 'hxl'
      ? toCsv(table, format === 'hxl')
      : format === 'json'
        ? toJson(table, meta)
        : toGeoJson(table, meta);
  const stamp = new Date(now).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  const name = includePersonal
    ? `${what}${PERSONAL_EXPORT_MARK}${stamp}-${randomBytes(4).toString('hex')}`
    : `${what}-${stamp}`;
  return {
    file: { name: `${name}.${EXTENSION[format]}`, mime: MIME[format], content },
    count: records.length,
  };
}
