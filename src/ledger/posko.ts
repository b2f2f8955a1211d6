import type { ItemId, UnitId } from '../domain/items.ts';
import { formatRef } from '../domain/refs.ts';
import { type Db, dialectOf } from './db.ts';
import type { Actor, EventLog } from './events.ts';

/** A collection post (`K-n`). Everything here is public by design: people must find and reach it. */
export interface Posko {
  id: number;
  name: string;
  lat: number | null;
  lon: number | null;
  address: string | null;
  area: string | null;
  hours: string | null;
  accepts: ItemId[];
  contact: string | null;
}

export type PoskoFields = Partial<Pick<Posko, 'hours' | 'accepts' | 'contact'>>;

export interface NewPosko extends PoskoFields {
  name: string;
  lat?: number | null;
  lon?: number | null;
  address?: string | null;
  area?: string | null;
}

export interface StockLine {
  item: ItemId;
  unit?: UnitId;
  qty: number;
}

export type StockResult = { ok: true } | { ok: false; short: StockLine; have: number };

interface PoskoRow extends Omit<Posko, 'accepts'> {
  accepts: string;
}

const toPosko = (r: PoskoRow): Posko => ({ ...r, accepts: JSON.parse(r.accepts) as ItemId[] });
const poskoRef = (id: number) => formatRef('K', id);

/** Collection posts and the goods that pass through them, each change an event. */
export class PoskoStore {
  constructor(
    private readonly db: Db,
    private readonly events: EventLog,
  ) {}

  add(actor: Actor, p: NewPosko): Posko {
    const id = Number(
      this.db
        .prepare(`INSERT INTO posko (name, lat, lon, address, area, created_by, created_at, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`)
        .pluck()
        .get(
          p.name,
          p.lat ?? null,
          p.lon ?? null,
          p.address ?? null,
          p.area ?? null,
          actor.id,
          actor.at,
          actor.at,
        ),
    );
    this.events.append(actor, {
      kind: 'posko.added',
      subject: poskoRef(id),
      payload: {
        name: p.name,
        lat: p.lat ?? null,
        lon: p.lon ?? null,
        address: p.address ?? null,
        area: p.area ?? null,
      },
    });
    const { hours, accepts, contact } = p;
    return this.set(actor, id, { hours, accepts, contact }) ?? this.get(id)!;
  }

  /** Opening hours, accepted items, the public contact: the fields given change, the others stay. */
  set(actor: Actor, id: number, f: PoskoFields): Posko | undefined {
    const given = Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as PoskoFields;
    if (Object.keys(given).length === 0) return this.get(id);
    const changed = this.db
      .prepare(`UPDATE posko SET hours = COALESCE(@hours, hours), accepts = COALESCE(@accepts, accepts),
        contact = COALESCE(@contact, contact), updated_at = @at WHERE id = @id`)
      .run({
        id,
        at: actor.at,
        hours: given.hours ?? null,
        accepts: given.accepts ? JSON.stringify(given.accepts) : null,
        contact: given.contact ?? null,
      }).changes;
    if (changed === 0) return undefined;
    this.events.append(actor, { kind: 'posko.set', subject: poskoRef(id), payload: { ...given } });
    return this.get(id);
  }

  get(id: number): Posko | undefined {
    const row = this.db.prepare('SELECT * FROM posko WHERE id = ?').get(id) as PoskoRow | undefined;
    return row && toPosko(row);
  }

  all(): Posko[] {
    return (this.db.prepare('SELECT * FROM posko ORDER BY id').all() as PoskoRow[]).map(toPosko);
  }

  /** What is in stock: received minus handed out, per item and unit, items with none left omitted. */
  stock(id: number): StockLine[] {
    const rows = this.db
      .prepare(`SELECT item, COALESCE(unit, '') AS unit, SUM(qty) AS qty FROM stock_movements WHERE posko_id = ?
        GROUP BY item, COALESCE(unit, '') ORDER BY item`)
      .all(id) as { item: ItemId; unit: string; qty: number }[];
    return rows
      .filter((r) => Number(r.qty) > 0)
      .map((r) => ({ item: r.item, ...(r.unit ? { unit: r.unit as UnitId } : {}), qty: Number(r.qty) }));
  }

  /**
   * Goods received (`in`) or handed out (`out`), all lines or none: handing out more than the stock
   * holds is refused with the line that falls short, so the stock never goes below zero.
   */
  move(actor: Actor, id: number, direction: 'in' | 'out', lines: readonly StockLine[]): StockResult {
    if (direction === 'out') {
      // Two coordinators handing out the last boxes at once: the second waits, then sees the first's.
      this.db.prepare(`SELECT id FROM posko WHERE id = ? ${dialectOf(this.db).forUpdate}`).get(id);
      const have = this.stock(id);
      const asked = new Map<string, number>();
      for (const l of lines) {
        const key = `${l.item}:${l.unit ?? ''}`;
        const total = (asked.get(key) ?? 0) + l.qty;
        asked.set(key, total);
        const held = have.find((h) => h.item === l.item && (h.unit ?? '') === (l.unit ?? ''))?.qty ?? 0;
        if (total > held) return { ok: false, short: l, have: held };
      }
    }
    const sign = direction === 'in' ? 1 : -1;
    const insert = this.db.prepare(
      'INSERT INTO stock_movements (posko_id, item, unit, qty, actor, at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const l of lines) insert.run(id, l.item, l.unit ?? null, sign * l.qty, actor.id, actor.at);
    this.events.append(actor, {
      kind: `stock.${direction}`,
      subject: poskoRef(id),
      payload: { lines: lines.map((l) => ({ ...l })) },
    });
    return { ok: true };
  }
}
