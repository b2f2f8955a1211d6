import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { type Dialect, SQLITE } from './dialect.ts';
import { moveFreeTextToPersonal } from './free-text-rechain.ts';
import { rechainWithPseudonyms } from './rechain.ts';

/**
 * A connection; `dialect` names the engine's SQL where it must differ (unset: SQLite), `totalChanges`
 * counts the rows it changed where the engine has no total_changes(), `listen` hears notifications
 * other connections commit (PostgreSQL's LISTEN; SQLite has no other connection to hear), and
 * `onLost` hears that the connection to the server is gone (a file has none to lose).
 */
export type Db = Database.Database & {
  readonly dialect?: Dialect;
  readonly totalChanges?: number;
  listen?(channel: string, listener: () => void): void;
  onLost?(listener: (reason: string) => void): void;
};

export const dialectOf = (db: Db): Dialect => db.dialect ?? SQLITE;

// Next to this module in src/ledger/; the build copies them next to the bundle, dist/migrations.
const MIGRATIONS_DIR = path.join(import.meta.dirname, 'migrations');

/** SQLite 3.7.0 to 3.51.2 have a WAL-reset race that can lose committed writes. */
export const MIN_SQLITE_VERSION = '3.51.3';
/** Past this the WAL file is truncated after a checkpoint, so readers during exports cannot grow it forever. */
export const JOURNAL_SIZE_LIMIT = 64 * 1024 * 1024;
export const BUSY_TIMEOUT_MS = 5000;

export class LedgerOpenError extends Error {}

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/**
 * Opens the ledger file with the durability this bot promises and refuses to run without it:
 * WAL + synchronous=FULL (an acknowledged message survives a power cut where the disk honours fsync).
 */
export function openDatabase(file: string, options: { readonly?: boolean } = {}): Db {
  if (file !== ':memory:') {
    try {
      mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    } catch (err) {
      throw new LedgerOpenError(
        `Cannot create the database directory for ${file}: ${(err as Error).message}`,
      );
    }
  }
  let db: Db;
  try {
    db = new Database(file, { readonly: options.readonly ?? false });
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (!options.readonly) db.pragma('journal_mode = WAL');
  } catch (err) {
    throw new LedgerOpenError(`Cannot open the database ${file}: ${(err as Error).message}`);
  }
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Each handled message is a savepoint; SQLite keeps the pages a savepoint may roll back in a temporary
  // journal, by default a file created and deleted per transaction. In memory it costs no system calls,
  // and it is never needed after a commit or a crash (the WAL is what makes a commit durable).
  db.pragma('temp_store = MEMORY');
  // Erased personal data is overwritten with zeros, not left in free pages of the file (issue 15).
  db.pragma('secure_delete = ON');
  db.pragma(`journal_size_limit = ${JOURNAL_SIZE_LIMIT}`);
  checkSettings(db, file);
  cacheStatements(db);
  return db;
}

/** Distinct SQL texts kept prepared per connection; past it the least recently used one is dropped. */
const STATEMENT_CACHE_SIZE = 512;

/**
 * Statements prepared once per connection, not once per call: `db.prepare(sql)` anywhere in the ledger
 * returns the statement this connection already compiled for that text (compiling took about a tenth
 * of the CPU per message). A cached statement comes back in its plain mode, whatever `.pluck()` or
 * `.raw()` an earlier caller switched on, so every caller sees what a fresh statement would give.
 */
function cacheStatements(db: Db): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    let stmt = cache.get(sql);
    if (stmt) {
      cache.delete(sql);
      // A statement still iterating (a caller's open .iterate()) cannot be shared: give a new one.
      if (stmt.busy) return prepare(sql);
      if (stmt.reader) stmt.pluck(false).raw(false).expand(false);
    } else {
      stmt = prepare(sql);
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    }
    cache.set(sql, stmt);
    return stmt;
  }) as Db['prepare'];
}

function checkSettings(db: Db, file: string): void {
  const version = db.prepare('SELECT sqlite_version() AS v').pluck().get() as string;
  const problems: string[] = [];
  if (compareVersions(version, MIN_SQLITE_VERSION) < 0)
    problems.push(`SQLite ${version} < ${MIN_SQLITE_VERSION}`);
  if (file !== ':memory:' && !db.readonly && db.pragma('journal_mode', { simple: true }) !== 'wal')
    problems.push('journal_mode is not WAL');
  if (db.pragma('synchronous', { simple: true }) !== 2) problems.push('synchronous is not FULL');
  if ((db.pragma('busy_timeout', { simple: true }) as number) < BUSY_TIMEOUT_MS)
    problems.push('busy_timeout too low');
  if (db.pragma('foreign_keys', { simple: true }) !== 1) problems.push('foreign_keys is off');
  if (problems.length > 0) {
    db.close();
    throw new LedgerOpenError(`Database ${file} is not safe to use: ${problems.join(', ')}`);
  }
}

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** What PostgreSQL runs after `sql` in its place of SQLite's triggers and virtual tables. */
  postgres?: string;
  /** Rewrites stored rows where SQL alone cannot; runs after `sql`, in the same transaction. */
  code?: (db: Db) => void;
}

/** The migrations that need code besides their SQL file, by version. */
const CODE_STEPS: Record<number, (db: Db) => void> = {
  140: (db) => rechainWithPseudonyms(db),
  285: (db) => moveFreeTextToPersonal(db),
};

export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => {
      const version = Number(f.slice(0, 3));
      const code = CODE_STEPS[version];
      const companion = path.join(dir, f.replace(/\.sql$/, '.postgres.sql'));
      return {
        version,
        name: f.slice(4, -4),
        sql: readFileSync(path.join(dir, f), 'utf8'),
        ...(existsSync(companion) ? { postgres: readFileSync(companion, 'utf8') } : {}),
        ...(code ? { code } : {}),
      };
    });
}

/**
 * Applies every migration not yet applied, all in one transaction (a new ledger is created with one
 * commit, and a failed upgrade leaves the ledger as it was); returns the schema version.
 */
export function migrate(db: Db, migrations = listMigrations()): number {
  const d = dialectOf(db);
  db.transaction(() => {
    if (d.lockMigrations) db.exec(d.lockMigrations);
    db.exec(
      d.ddl(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`),
    );
    const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      db.exec(d.ddl(m.sql));
      if (d.engine === 'postgres' && m.postgres) db.exec(m.postgres);
      m.code?.(db);
      record.run(m.version, m.name, Date.now());
    }
  })();
  return schemaVersion(db);
}

export function schemaVersion(db: Db): number {
  return (db.prepare('SELECT COALESCE(MAX(version), 0) FROM schema_migrations').pluck().get() as number) ?? 0;
}
