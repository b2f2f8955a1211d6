import { existsSync } from 'node:fs';
import { type Db, migrate, openDatabase, schemaVersion } from './db.ts';
import { openPostgres } from './postgres.ts';

/** Why a copy was not made: said to the operator as it is. */
export class CopyRefused extends Error {}

export interface CopyResult {
  /** Rows copied per table, in the order they were copied. */
  tables: { name: string; rows: number }[];
  events: number;
  schemaVersion: number;
  /** The newest event's hash on each side (null: no events); equal when the chain came across whole. */
  sourceHead: string | null;
  targetHead: string | null;
}

/** PostgreSQL binds at most 65,535 parameters to one statement; a batch stays well below. */
const PARAMETERS_PER_BATCH = 20_000;
const ROWS_PER_BATCH = 1_000;

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

const headOf = (db: Db) =>
  (db.prepare('SELECT hash FROM events ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined) ??
  null;

/** The ordinary tables of the SQLite ledger (an R-tree and its shadow tables are SQLite's own index). */
function sqliteTables(db: Db): string[] {
  const virtual = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")
    .pluck()
    .all() as string[];
  return (
    db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .pluck()
      .all() as string[]
  ).filter((t) => !virtual.some((v) => t === v || t.startsWith(`${v}_`)));
}

const postgresTables = (db: Db) =>
  db
    .prepare(`SELECT table_name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`)
    .pluck()
    .all() as string[];

/**
 * The copy order: tables the migrations filled first (the skills catalog, which the volunteers' geo
 * trigger reads), then every table after the tables its foreign keys point to.
 */
function copyOrder(source: Db, tables: string[], seeded: Set<string>): string[] {
  const after = new Map(
    tables.map((t) => [
      t,
      (source.prepare(`PRAGMA foreign_key_list(${quote(t)})`).all() as { table: string }[])
        .map((f) => f.table)
        .filter((r) => r !== t && tables.includes(r)),
    ]),
  );
  const order: string[] = [];
  const visit = (t: string, path: string[]) => {
    if (order.includes(t)) return;
    if (path.includes(t)) throw new Error(`foreign keys form a cycle: ${[...path, t].join(' -> ')}`);
    for (const r of after.get(t) ?? []) visit(r, [...path, t]);
    order.push(t);
  };
  for (const t of [...tables].sort((a, b) => Number(seeded.has(b)) - Number(seeded.has(a)))) visit(t, []);
  return order;
}

/** A table's rows in primary-key order, so a row that names an earlier row of its table comes after it. */
function* rowsOf(source: Db, table: string, columns: string[]): Generator<unknown[]> {
  const key = (source.prepare(`PRAGMA table_info(${quote(table)})`).all() as { name: string; pk: number }[])
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => quote(c.name));
  const order = key.length > 0 ? key.join(', ') : 'rowid';
  yield* source
    .prepare(`SELECT ${columns.map(quote).join(', ')} FROM ${quote(table)} ORDER BY ${order}`)
    .raw()
    .iterate() as Iterable<unknown[]>;
}

function copyTable(source: Db, target: Db, table: string): number {
  const columns = (source.prepare(`PRAGMA table_info(${quote(table)})`).all() as { name: string }[]).map(
    (c) => c.name,
  );
  const present = new Set(
    target
      .prepare(`SELECT column_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = ?`)
      .pluck()
      .all(table) as string[],
  );
  const missing = columns.filter((c) => !present.has(c));
  if (missing.length > 0) throw new CopyRefused(`the target's ${table} has no column ${missing.join(', ')}`);
  const perBatch = Math.max(1, Math.min(ROWS_PER_BATCH, Math.floor(PARAMETERS_PER_BATCH / columns.length)));
  const row = `(${columns.map(() => '?').join(', ')})`;
  const insert = (rows: number) =>
    target.prepare(
      `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES ${Array(rows).fill(row).join(', ')}`,
    );
  let batch: unknown[][] = [];
  let copied = 0;
  const flush = () => {
    if (batch.length === 0) return;
    insert(batch.length).run(batch.flat());
    copied += batch.length;
    batch = [];
  };
  for (const values of rowsOf(source, table, columns)) {
    batch.push(values);
    if (batch.length === perBatch) flush();
  }
  flush();
  return copied;
}

/** Identity columns continue after the highest copied id, so the next row gets the next number. */
function advanceIdentities(target: Db, tables: string[]): void {
  const identities = target
    .prepare(`SELECT table_name AS t, column_name AS c FROM information_schema.columns
      WHERE table_schema = current_schema() AND is_identity = 'YES'`)
    .all() as { t: string; c: string }[];
  for (const { t, c } of identities.filter((i) => tables.includes(i.t)))
    target
      .prepare(
        `SELECT setval(pg_get_serial_sequence(?, ?), COALESCE(MAX(${quote(c)}), 1), MAX(${quote(c)}) IS NOT NULL)
         FROM ${quote(t)}`,
      )
      .get(quote(t), c);
}

/**
 * Copies the SQLite ledger in `file` into the empty PostgreSQL database at `url`: the schema by the same
 * migrations, then every row as it is (ids, times, hashes, erased parts), so the event chain is the
 * same chain and `verify` passes on the copy. All of it in one transaction on each side: the source is
 * read at one instant, and a failed copy leaves the target empty. A target that holds any table is
 * refused, so a copy can never mix into a ledger in use.
 */
export function copyLedger(file: string, url: string): CopyResult {
  if (!existsSync(file)) throw new CopyRefused(`there is no SQLite ledger at ${file}`);
  const source = openDatabase(file);
  try {
    migrate(source);
    const target = openPostgres(url);
    try {
      const existing = postgresTables(target);
      if (existing.length > 0)
        throw new CopyRefused(
          `the target database is not empty (${existing.length} tables: ${existing.slice(0, 5).join(', ')}${existing.length > 5 ? ', …' : ''}); copy-ledger copies into an empty database only`,
        );
      return source.transaction(() => target.transaction(() => copyAll(source, target))())();
    } finally {
      target.close();
    }
  } finally {
    source.close();
  }
}

function copyAll(source: Db, target: Db): CopyResult {
  const version = migrate(target);
  if (version !== schemaVersion(source))
    throw new CopyRefused(`schema versions differ: SQLite ${schemaVersion(source)}, PostgreSQL ${version}`);
  const onTarget = new Set(postgresTables(target));
  const tables = sqliteTables(source).filter((t) => t !== 'schema_migrations');
  const absent = tables.filter((t) => !onTarget.has(t));
  if (absent.length > 0) throw new CopyRefused(`the target has no table ${absent.join(', ')}`);
  // What the migrations wrote (the catalogs) comes across from the source like every other row.
  const seeded = new Set(
    tables.filter((t) =>
      target
        .prepare(`SELECT EXISTS (SELECT 1 FROM ${quote(t)})`)
        .pluck()
        .get(),
    ),
  );
  for (const t of seeded) target.prepare(`DELETE FROM ${quote(t)}`).run();
  const order = copyOrder(source, tables, seeded);
  const copied = order.map((name) => ({ name, rows: copyTable(source, target, name) }));
  advanceIdentities(target, order);
  return {
    tables: copied,
    events: copied.find((t) => t.name === 'events')?.rows ?? 0,
    schemaVersion: version,
    sourceHead: headOf(source),
    targetHead: headOf(target),
  };
}
