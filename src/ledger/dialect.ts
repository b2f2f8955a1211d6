/**
 * The SQL that must differ between SQLite and PostgreSQL, each difference in one place. Every other
 * query is written once in the form both engines read (`ON CONFLICT`, `RETURNING`, `CASE`). JSON is
 * stored as text in both: PostgreSQL casts it where a query looks inside.
 */
export interface Dialect {
  readonly engine: 'sqlite' | 'postgres';
  /** The elements of a JSON array held as text, as the rows of `alias`, column `value`, scalars as text. */
  jsonValues(json: string, alias: string): string;
  /** The elements of a JSON array held as text, as the rows of `alias`, column `value`, each still JSON. */
  jsonElements(json: string, alias: string): string;
  /** Several expressions as the rows of `alias`, column `value` (NULLs included). */
  rowsOf(expressions: readonly string[], alias: string): string;
  /** The text at `keys` inside a JSON object (NULL when absent). */
  jsonText(json: string, ...keys: string[]): string;
  /** A JSON object held as text without its member `key`. */
  jsonWithout(json: string, key: string): string;
  /** A JSON array held as text, each object element without its member `key` ('[]' when empty). */
  jsonArrayWithout(json: string, key: string): string;
  /** True when `needle` occurs in `text` (NULL when either is NULL), wildcards meaning themselves. */
  contains(text: string, needle: string): string;
  /** A floating-point column rounded to `digits` decimals. */
  round(column: string, digits: number): string;
  /** Case-insensitive order of a text column. */
  caseless(column: string): string;
  /** A planner hint for SQLite, where statistics are not gathered; PostgreSQL's planner has its own. */
  indexedBy(index: string): string;
  /**
   * The volunteers' geo index points in a box, with a key between two: binds min lat, max lat, min lon,
   * max lon, first key, last key, in that order. SQLite's R-tree reads box constraints as they are;
   * PostgreSQL's B-tree on (key, lat, lon) seeks only on columns bounded on both sides and keys listed
   * (an open `>=` read every point from there on: 56 ms a query at 100,000 volunteers, not 1).
   */
  readonly geoPointsInBox: string;
  /**
   * The tables the current transaction updated or deleted rows of (triggers' writes included), so
   * that an erasure can vacuum exactly those after its commit. SQLite rewrites in place: none.
   */
  readonly tablesWrittenInTransaction: string | null;
  /** The value bound to LIMIT that means "no limit". */
  readonly noLimit: number | null;
  /** A migration's SQL (written for SQLite) as this engine runs it. */
  ddl(sql: string): string;
  /**
   * Taken before the chain head is read, held to the end of the appending transaction, so that two
   * connections never link to the same head. SQLite needs none: one writer holds the whole file.
   */
  readonly lockChainHead: string | null;
  /**
   * Taken first in the migrating transaction, so that processes started together on one database do
   * not both create the schema: the next waits, then finds it made. SQLite: one process per file.
   */
  readonly lockMigrations: string | null;
  /**
   * Takes, to the end of the transaction, the lock of each chat named in the JSON array `?`
   * (`transport:chat id`), in one order for every process so that two batches cannot wait on each
   * other. Null on SQLite, where one writer holds the whole file.
   */
  readonly lockChats: string | null;
  /** What ends a query that claims rows: rows another transaction is claiming are passed over. */
  skipLocked(table: string): string;
  /**
   * What ends a read whose answer a write in the same transaction depends on (a posko's stock before
   * goods leave it): the row stays locked to the end. Empty on SQLite, where one writer holds the file.
   */
  readonly forUpdate: string;
  /**
   * Makes this connection the one that sends for the transport `?` while it lives, if no live
   * connection is (true) or not (false). Null on SQLite: its one process is the sender.
   */
  readonly trySender: string | null;
  /** Taken by every scheduled job's transaction: one job runs at a time across processes. */
  readonly lockJobs: string | null;
  /** Refuses every write of this connection, as a read-only database would (false allows them again). */
  readOnly(on: boolean): string;
  /** Whether an error code says the database cannot store now (disk, file, server), not the statement. */
  isWriteFailure(code: string): boolean;
  /** Whether an error code says the transaction lost to another one (a deadlock): run it again. */
  isConflict(code: string): boolean;
}

/** The advisory lock key of the event chain's head on PostgreSQL ("RELF"). */
export const CHAIN_HEAD_LOCK = 0x52454c46;
/** The advisory lock key of the migrations on PostgreSQL ("RELM"). */
export const MIGRATIONS_LOCK = 0x52454c4d;
/** The advisory lock spaces (the first of two keys) of chats, transport senders and jobs. */
export const CHAT_LOCKS = 0x52454c01;
export const SENDER_LOCKS = 0x52454c02;
export const JOB_LOCK = 0x52454c03;

/** SQLite's answers when the disk or the file, not the statement, is at fault. */
const SQLITE_WRITE_FAILURE = /^SQLITE_(?:FULL|READONLY|IOERR|CANTOPEN|CORRUPT|NOTADB|PERM|NOMEM)/;
/**
 * PostgreSQL's: a read-only transaction (a standby, a server set read-only), insufficient resources
 * (disk full, out of memory), the server shutting down or refusing connections, an I/O or data
 * corruption error, a lost connection.
 */
const POSTGRES_WRITE_FAILURE = /^(?:25006|53\w{3}|57P0[1-3]|58\w{3}|XX00[12]|08\w{3})$/;

/**
 * SQLite's DDL in PostgreSQL's words: an `INTEGER PRIMARY KEY` (SQLite's rowid) becomes an identity,
 * INTEGER a BIGINT (SQLite's integers are 64-bit), REAL a DOUBLE PRECISION. Triggers and virtual tables
 * are SQLite's own; a migration that has them has a `.postgres.sql` companion with PostgreSQL's forms.
 */
function postgresDdl(sql: string): string {
  return sql
    .replace(/--[^\n]*/g, '')
    .replace(/CREATE TRIGGER[\s\S]*?\bEND;/g, '')
    .replace(/CREATE VIRTUAL TABLE[^;]*;/g, '')
    .replace(/\bINTEGER PRIMARY KEY( AUTOINCREMENT)?/g, 'BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY')
    .replace(/\bINTEGER\b/g, 'BIGINT')
    .replace(/\bREAL\b/g, 'DOUBLE PRECISION');
}

export const SQLITE: Dialect = {
  engine: 'sqlite',
  jsonValues: (json, alias) => `json_each(${json}) AS ${alias}`,
  jsonElements: (json, alias) => `json_each(${json}) AS ${alias}`,
  rowsOf: (expressions, alias) => `json_each(json_array(${expressions.join(', ')})) AS ${alias}`,
  jsonText: (json, ...keys) => `json_extract(${json}, '$.${keys.join('.')}')`,
  jsonWithout: (json, key) => `json_remove(${json}, '$.${key}')`,
  jsonArrayWithout: (json, key) =>
    `(SELECT json_group_array(json_remove(value, '$.${key}')) FROM json_each(${json}))`,
  contains: (text, needle) => `instr(${text}, ${needle}) > 0`,
  round: (column, digits) => `ROUND(${column}, ${digits})`,
  caseless: (column) => `${column} COLLATE NOCASE`,
  indexedBy: (index) => `INDEXED BY ${index}`,
  geoPointsInBox:
    'min_lat >= ? AND max_lat <= ? AND min_lon >= ? AND max_lon <= ? AND min_key >= ? AND max_key <= ?',
  tablesWrittenInTransaction: null,
  noLimit: -1,
  ddl: (sql) => sql,
  lockChainHead: null,
  lockMigrations: null,
  lockChats: null,
  skipLocked: () => '',
  forUpdate: '',
  trySender: null,
  lockJobs: null,
  readOnly: (on) => `PRAGMA query_only = ${on ? 1 : 0}`,
  isWriteFailure: (code) => SQLITE_WRITE_FAILURE.test(code),
  // One connection writes at a time and waits for the file (busy_timeout): no transaction loses.
  isConflict: () => false,
};

export const POSTGRES: Dialect = {
  engine: 'postgres',
  jsonValues: (json, alias) => `json_array_elements_text(${json}::json) AS ${alias}(value)`,
  jsonElements: (json, alias) => `json_array_elements(${json}::json) AS ${alias}(value)`,
  rowsOf: (expressions, alias) => `unnest(ARRAY[${expressions.join(', ')}]) AS ${alias}(value)`,
  jsonText: (json, ...keys) => `(${json}::json #>> '{${keys.join(',')}}')`,
  jsonWithout: (json, key) => `(${json}::jsonb - '${key}')::text`,
  jsonArrayWithout: (json, key) =>
    `COALESCE((SELECT json_agg(e.value::jsonb - '${key}')::text FROM json_array_elements(${json}::json) AS e(value)), '[]')`,
  contains: (text, needle) => `strpos(${text}, ${needle}) > 0`,
  round: (column, digits) => `round(${column}::numeric, ${digits})::double precision`,
  caseless: (column) => `lower(${column})`,
  indexedBy: () => '',
  // A point's min and max are one value: bounding min_* on both sides is the same box.
  geoPointsInBox: 'min_lat BETWEEN ? AND ? AND min_lon BETWEEN ? AND ? AND min_key IN (?, ?)',
  tablesWrittenInTransaction: `SELECT relname FROM pg_stat_xact_user_tables
    WHERE schemaname = current_schema() AND n_tup_upd + n_tup_del + n_tup_hot_upd > 0`,
  noLimit: null,
  ddl: postgresDdl,
  lockChainHead: `SELECT pg_advisory_xact_lock(${CHAIN_HEAD_LOCK})`,
  lockMigrations: `SELECT pg_advisory_xact_lock(${MIGRATIONS_LOCK})`,
  lockChats: `SELECT pg_advisory_xact_lock(${CHAT_LOCKS}, k) FROM (SELECT DISTINCT hashtext(value) AS k
    FROM json_array_elements_text(?::json) AS c(value) ORDER BY k) AS chats`,
  skipLocked: (table) => `FOR UPDATE OF ${table} SKIP LOCKED`,
  forUpdate: 'FOR UPDATE',
  trySender: `SELECT pg_try_advisory_lock(${SENDER_LOCKS}, hashtext(?))`,
  lockJobs: `SELECT pg_advisory_xact_lock(${JOB_LOCK})`,
  readOnly: (on) => `SET default_transaction_read_only = ${on ? 'on' : 'off'}`,
  isWriteFailure: (code) => POSTGRES_WRITE_FAILURE.test(code),
  // deadlock_detected, serialization_failure
  isConflict: (code) => code === '40P01' || code === '40001',
};
