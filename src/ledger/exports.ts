import { areaParams, inAreaSql } from './area-filter.ts';
import type { Db } from './db.ts';
import { type Actor, EventLog } from './events.ts';

export const EXPORTABLE = [
  'requests',
  'rescues',
  'volunteers',
  'offers',
  'posko',
  'groups',
  'broadcasts',
  'events',
] as const;
export type ExportWhat = (typeof EXPORTABLE)[number];

export interface ExportFilter {
  /** An area path: records in it or anywhere below it. */
  area?: string;
  status?: string;
  /** Records created (events: appended) at or after this time, ms since the epoch. */
  since?: number;
}

interface Source {
  sql: string;
  time: string;
  status?: string;
  area?: string;
}

const SOURCES: Record<ExportWhat, Source> = {
  requests: { sql: 'SELECT * FROM requests', time: 'created_at', status: 'status', area: 'area' },
  rescues: { sql: 'SELECT * FROM rescues', time: 'created_at', status: 'status', area: 'area' },
  volunteers: { sql: 'SELECT * FROM volunteers', time: 'created_at', status: 'status', area: 'area' },
  offers: { sql: 'SELECT * FROM offers', time: 'created_at', status: 'status', area: 'area' },
  posko: { sql: 'SELECT * FROM posko', time: 'created_at', area: 'area' },
  groups: { sql: 'SELECT * FROM groups', time: 'created_at', area: 'area' },
  // Each broadcast with the state of its deliveries, so a reader sees how far it got.
  broadcasts: {
    sql: `SELECT b.*,
        (SELECT COUNT(*) FROM outbox o WHERE o.broadcast_id = b.id AND o.state = 'sent') AS sent,
        (SELECT COUNT(*) FROM outbox o WHERE o.broadcast_id = b.id AND o.state = 'failed') AS failed,
        (SELECT COUNT(*) FROM outbox o WHERE o.broadcast_id = b.id AND o.state IN ('pending', 'sending')) AS pending
      FROM broadcasts b`,
    time: 'created_at',
    status: 'state',
  },
  events: { sql: 'SELECT * FROM events', time: 'at' },
};

/** Which filters each kind of record can take (an area filter on events would silently match nothing). */
export const FILTERABLE: Record<ExportWhat, { status: boolean; area: boolean }> = Object.fromEntries(
  Object.entries(SOURCES).map(([what, s]) => [what, { status: Boolean(s.status), area: Boolean(s.area) }]),
) as Record<ExportWhat, { status: boolean; area: boolean }>;

/** Read-only queries behind `relief-bot export` and /export: whole rows, oldest first. */
export class ExportQueries {
  private readonly events: EventLog;

  constructor(private readonly db: Db) {
    this.events = new EventLog(db);
  }

  /** Personal data left the ledger in an export: who took what is part of the record. */
  recordPersonalExport(actor: Actor, details: { what: string; format: string; count: number }): void {
    this.events.append(actor, { kind: 'export.personal', payload: details });
  }

  rows(what: ExportWhat, filter: ExportFilter = {}): Record<string, unknown>[] {
    const source = SOURCES[what];
    const where: string[] = [];
    const params: (string | number)[] = [];
    const named: Record<string, string> = {};
    if (filter.since !== undefined) {
      where.push(`${source.time} >= ?`);
      params.push(filter.since);
    }
    if (filter.status !== undefined && source.status) {
      where.push(`${source.status} = ?`);
      params.push(filter.status);
    }
    if (filter.area !== undefined && source.area) {
      where.push(inAreaSql(source.area, '@area'));
      Object.assign(named, areaParams('area', filter.area));
    }
    const sql = `SELECT * FROM (${source.sql})${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY id`;
    const rows = this.db.prepare(sql).all(...params, named) as Record<string, unknown>[];
    return what === 'offers' ? this.withOfferItems(rows) : rows;
  }

  /** An offer's lines as a request's `items` (JSON), so both export one row per item the same way. */
  private withOfferItems(rows: Record<string, unknown>[]): Record<string, unknown>[] {
    const lines = this.db.prepare(
      'SELECT item, text, qty, unit, committed FROM offer_items WHERE offer_id = ? ORDER BY line',
    );
    return rows.map((row) => {
      const items = (lines.all(row.id) as Record<string, unknown>[]).map((i) => ({
        item: i.item,
        ...(i.text === null ? {} : { text: i.text }),
        ...(i.qty === null ? {} : { qty: i.qty }),
        ...(i.unit === null ? {} : { unit: i.unit }),
      }));
      return { ...row, items: JSON.stringify(items) };
    });
  }
}
