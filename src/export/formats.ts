import type { Cell, RequestItem } from './columns.ts';

/** One exported record: its cells by column name, and the items of a supply request. */
export interface ExportRecord {
  cells: Record<string, Cell>;
  items?: RequestItem[];
}

export interface Table {
  columns: { name: string; hxl: string }[];
  records: ExportRecord[];
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Spreadsheets run a cell that starts with = + - @ tab or CR as a formula; a leading ' makes it text
 * (OWASP ASVS 5.0, 1.2.10). Numbers we wrote ourselves (-7.80) are left alone: they cannot be formulas.
 */
export function neutralise(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** RFC 4180: a field with a comma, quote, CR or LF is quoted, quotes doubled; lines end with CRLF. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const csvLine = (cells: readonly string[]) => `${cells.map(csvField).join(',')}\r\n`;

/** The flat form: a supply request becomes one row per item (item, qty, unit after its reference). */
function flatten(table: Table): { header: { name: string; hxl: string }[]; rows: Cell[][] } {
  const hasItems = table.records.some((r) => r.items !== undefined);
  const itemColumns = [
    { name: 'item', hxl: '#item+name' },
    { name: 'qty', hxl: '#item+qty' },
    { name: 'unit', hxl: '#item+unit' },
  ];
  const header = hasItems
    ? [table.columns[0]!, ...itemColumns, ...table.columns.slice(1)]
    : [...table.columns];
  const rows: Cell[][] = [];
  for (const r of table.records) {
    const cells = table.columns.map((c) => r.cells[c.name] ?? null);
    if (!hasItems) {
      rows.push(cells);
      continue;
    }
    const items = r.items?.length ? r.items : [{ item: null, qty: null, unit: null }];
    for (const i of items) rows.push([cells[0]!, i.item, i.qty, i.unit, ...cells.slice(1)]);
  }
  return { header, rows };
}

export function toCsv(table: Table, hxl = false): string {
  const { header, rows } = flatten(table);
  let out = csvLine(header.map((c) => c.name));
  if (hxl) out += csvLine(header.map((c) => c.hxl));
  for (const row of rows) out += csvLine(row.map(neutralise));
  return out;
}

const plain = (r: ExportRecord): Record<string, unknown> => ({
  ...r.cells,
  ...(r.items ? { items: r.items } : {}),
});

export function toJson(table: Table, meta: Record<string, unknown>): string {
  return `${JSON.stringify({ ...meta, count: table.records.length, records: table.records.map(plain) }, null, 2)}\n`;
}

/** Points for QGIS or uMap; records without coordinates are left out (the count says how many). */
export function toGeoJson(table: Table, meta: Record<string, unknown>): string {
  const features = table.records
    .filter((r) => typeof r.cells.lat === 'number' && typeof r.cells.lon === 'number')
    .map((r) => {
      const { lat, lon, ...properties } = plain(r);
      return {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [lon, lat] },
        properties,
      };
    });
  return `${JSON.stringify(
    {
      type: 'FeatureCollection',
      metadata: { ...meta, without_coordinates: table.records.length - features.length },
      features,
    },
    null,
    2,
  )}\n`;
}
