import path from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { type Db, LedgerOpenError } from './db.ts';
import { POSTGRES } from './dialect.ts';
import type { PgAnswer, PgNotice, PgRequest } from './pg-worker.ts';

/** How long one statement may take on the server (statement_timeout). */
const STATEMENT_TIMEOUT_MS = 30_000;
/** How long this thread waits for an answer: past the server's own limit, so the server's error wins. */
const ANSWER_TIMEOUT_MS = STATEMENT_TIMEOUT_MS + 5_000;

/** A named parameter's value, or (`asText`) the same value as text, for a test of it against NULL. */
interface Slot {
  name: string;
  asText: boolean;
}

/** A statement in PostgreSQL's terms: `$n` parameters, and the names bound to them when they had names. */
interface Translated {
  name: string;
  text: string;
  /** For `@name` parameters, what each `$n` binds; null for `?` ones. */
  names: Slot[] | null;
  count: number;
}

/**
 * better-sqlite3's `?` and `@name` parameters as `$1…$n` (a name used twice is one parameter), outside
 * string literals, quoted names and comments. PostgreSQL types a parameter where it first meets it, and
 * `@x IS NULL` says nothing of a type: such a test reads a parameter of its own, the value as text.
 * A camelCase alias is quoted, as PostgreSQL folds an unquoted one to lower case and SQLite keeps it.
 */
export function translateParameters(sql: string): { text: string; names: Slot[] | null; count: number } {
  let text = '';
  const named = new Map<string, number>();
  let positional = 0;
  for (let i = 0; i < sql.length; ) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      const end = sql.indexOf(c, i + 1);
      const stop = end === -1 ? sql.length : end + 1;
      text += sql.slice(i, stop);
      i = stop;
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end;
    } else if (c === '?') {
      text += `$${++positional}`;
      i++;
    } else if (c === '@' && /[A-Za-z_]/.test(sql[i + 1] ?? '')) {
      const name = /^@(\w+)/.exec(sql.slice(i))![1]!;
      const nullTest = /^\s+IS\s+(NOT\s+)?NULL\b/i.test(sql.slice(i + name.length + 1));
      const key = nullTest ? `${name} as text` : name;
      if (!named.has(key)) named.set(key, named.size + 1);
      text += nullTest ? `$${named.get(key)}::text` : `$${named.get(key)}`;
      i += name.length + 1;
    } else {
      text += c;
      i++;
    }
  }
  if (positional > 0 && named.size > 0) throw new Error(`mixed ? and @name parameters in: ${sql}`);
  text = text.replace(/\bAS\s+([a-z][a-z0-9_]*[A-Z]\w*)/g, 'AS "$1"');
  return named.size > 0
    ? {
        text,
        names: [...named.keys()].map((k) => ({
          name: k.replace(/ as text$/, ''),
          asText: k.endsWith(' as text'),
        })),
        count: named.size,
      }
    : { text, names: null, count: positional };
}

type Mode = 'object' | 'pluck' | 'raw';

/** The commands whose row count is rows changed (SELECT's is rows read). */
const WRITES = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE']);

/** What the ledger uses of a better-sqlite3 statement, on PostgreSQL. */
class PgStatement {
  readonly reader = true;
  readonly busy = false;
  private mode: Mode = 'object';

  constructor(
    private readonly db: PgDatabase,
    private readonly q: Translated,
  ) {}

  pluck(on = true): this {
    this.mode = on ? 'pluck' : this.mode === 'pluck' ? 'object' : this.mode;
    return this;
  }

  raw(on = true): this {
    this.mode = on ? 'raw' : this.mode === 'raw' ? 'object' : this.mode;
    return this;
  }

  run(...params: unknown[]): { changes: number; lastInsertRowid: number } {
    return { changes: this.execute(params).count, lastInsertRowid: 0 };
  }

  get(...params: unknown[]): unknown {
    const r = this.execute(params);
    return r.rows.length === 0 ? undefined : this.shape(r.names, r.rows[0]!);
  }

  all(...params: unknown[]): unknown[] {
    const r = this.execute(params);
    return r.rows.map((row) => this.shape(r.names, row));
  }

  *iterate(...params: unknown[]): IterableIterator<unknown> {
    yield* this.all(...params);
  }

  private shape(names: string[], row: unknown[]): unknown {
    if (this.mode === 'pluck') return row[0];
    if (this.mode === 'raw') return row;
    const o: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) o[names[i]!] = row[i];
    return o;
  }

  private execute(params: unknown[]): Extract<PgAnswer, { ok: true }> {
    const answer = this.db.call({
      op: 'query',
      name: this.q.name,
      text: this.q.text,
      values: this.bind(params),
    });
    if (answer.command && WRITES.has(answer.command)) this.db.totalChanges += answer.count;
    return answer;
  }

  private bind(params: unknown[]): unknown[] {
    if (this.q.names) {
      const given = (params[0] ?? {}) as Record<string, unknown>;
      return this.q.names.map(({ name, asText }) => {
        if (!(name in given)) throw new RangeError(`Missing named parameter "${name}"`);
        const v = given[name] ?? null;
        return asText && v !== null ? String(v) : v;
      });
    }
    // As better-sqlite3: an object binds named parameters only, so a statement without them ignores it.
    const flat = params.flat().filter((v) => v === null || typeof v !== 'object' || Buffer.isBuffer(v));
    if (flat.length !== this.q.count)
      throw new RangeError(
        `Too ${flat.length < this.q.count ? 'few' : 'many'} parameter values were provided`,
      );
    return flat.map((v) => v ?? null);
  }
}

/**
 * The worker's file, built beside the bundle (dist/pg-worker.cjs). Run from the TypeScript source (the
 * tests, which build dist/ first), it is the same built file: a worker thread cannot load TypeScript.
 */
const workerFile = () =>
  import.meta.url.endsWith('.ts')
    ? path.join(import.meta.dirname, '..', '..', 'dist', 'pg-worker.cjs')
    : path.join(import.meta.dirname, 'pg-worker.cjs');

/**
 * A ledger connection to PostgreSQL with better-sqlite3's synchronous shape: each statement is posted to
 * a worker thread that holds the `pg` client, and this thread waits (Atomics.wait) for its answer. The
 * engine's guarantee stays as on SQLite: a message is handled in one transaction that nothing
 * interleaves, its effects and outbox rows commit together.
 */
class PgDatabase {
  readonly dialect = POSTGRES;
  readonly readonly = false;
  open = true;
  /** Rows this connection has inserted, updated or deleted, as SQLite's total_changes() counts them. */
  totalChanges = 0;
  private depth = 0;
  private readonly worker: Worker;
  private readonly port;
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  private readonly statements = new Map<string, Translated>();
  private readonly notices;
  private readonly listeners = new Map<string, (() => void)[]>();
  private readonly lostListeners: ((reason: string) => void)[] = [];

  constructor(url: string) {
    const { port1, port2 } = new MessageChannel();
    const notices = new MessageChannel();
    this.port = port1;
    this.notices = notices.port1;
    this.worker = new Worker(workerFile(), {
      workerData: { url, port: port2, signal: this.signal, notices: notices.port2 },
      transferList: [port2, notices.port2],
    });
    // The worker waits on its port; it must not keep the process alive once the ledger is dropped.
    this.worker.unref();
    this.notices.on('message', (notice: PgNotice) => {
      if ('lost' in notice) for (const listener of this.lostListeners) listener(notice.lost);
      else for (const listener of this.listeners.get(notice.channel) ?? []) listener();
    });
    this.notices.unref();
  }

  /** Calls `listener` if the connection is lost (this connection never makes another). */
  onLost(listener: (reason: string) => void): void {
    this.lostListeners.push(listener);
  }

  /** Calls `listener` whenever a NOTIFY on `channel` commits, from this connection or another. */
  listen(channel: string, listener: () => void): void {
    const listeners = this.listeners.get(channel);
    if (listeners) return void listeners.push(listener);
    this.call({ op: 'listen', channel });
    this.listeners.set(channel, [listener]);
  }

  get inTransaction(): boolean {
    return this.depth > 0;
  }

  call(request: PgRequest): Extract<PgAnswer, { ok: true }> {
    if (!this.open && request.op !== 'close') throw new TypeError('The database connection is not open');
    Atomics.store(this.signal, 0, 0);
    this.port.postMessage(request);
    // A wake-up is no answer: the worker's notify for the previous answer may arrive late, after this
    // thread had already seen that answer's flag. Only the flag says an answer is waiting.
    const deadline = Date.now() + ANSWER_TIMEOUT_MS;
    while (Atomics.load(this.signal, 0) === 0) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`PostgreSQL did not answer within ${ANSWER_TIMEOUT_MS} ms`);
      Atomics.wait(this.signal, 0, 0, left);
    }
    const answer = receiveMessageOnPort(this.port)?.message as PgAnswer | undefined;
    if (!answer) throw new Error('PostgreSQL worker answered nothing');
    if (!answer.ok) throw Object.assign(new Error(answer.message), { code: answer.code });
    return answer;
  }

  prepare(sql: string): PgStatement {
    let q = this.statements.get(sql);
    if (!q) {
      // A name makes the server keep the statement parsed and planned for this connection.
      q = { name: `q${this.statements.size + 1}`, ...translateParameters(sql) };
      this.statements.set(sql, q);
    }
    return new PgStatement(this, q);
  }

  exec(sql: string): this {
    this.call({ op: 'exec', text: sql });
    return this;
  }

  /** better-sqlite3's transaction functions: BEGIN…COMMIT outside, a savepoint within another. */
  transaction<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
    return (...args: A): R => {
      const savepoint = this.depth > 0 ? `s${this.depth}` : undefined;
      this.exec(savepoint ? `SAVEPOINT ${savepoint}` : 'BEGIN');
      this.depth++;
      let result: R;
      try {
        result = fn(...args);
      } catch (err) {
        this.depth--;
        if (this.open)
          this.exec(
            savepoint ? `ROLLBACK TO SAVEPOINT ${savepoint}; RELEASE SAVEPOINT ${savepoint}` : 'ROLLBACK',
          );
        throw err;
      }
      this.depth--;
      this.exec(savepoint ? `RELEASE SAVEPOINT ${savepoint}` : 'COMMIT');
      return result;
    };
  }

  pragma(): never {
    throw new Error('PRAGMA is SQLite only');
  }

  close(): void {
    if (!this.open) return;
    try {
      this.call({ op: 'close' });
    } finally {
      this.open = false;
      this.notices.close();
      void this.worker.terminate();
    }
  }
}

/**
 * Opens the ledger on the PostgreSQL server of `url` (postgres://…). The handle stands where a
 * better-sqlite3 one stands: it offers what the ledger uses of it (prepare, exec, transaction, close).
 */
export function openPostgres(url: string): Db {
  const db = new PgDatabase(url);
  try {
    // A process whose machine vanished (power, network) holds its locks (the sender's, a transaction's)
    // until the server notices: keepalives let it notice within about 25 s instead of hours.
    db.exec(
      `SET statement_timeout = ${STATEMENT_TIMEOUT_MS}; SET tcp_keepalives_idle = 10; SET tcp_keepalives_interval = 5; SET tcp_keepalives_count = 3`,
    );
  } catch (err) {
    try {
      db.close();
    } catch {
      // A connection that never opened fails its close the same way; the thread is ended all the same.
    }
    // The first statement is where a wrong address, password or database name shows: one line, as
    // for a SQLite file that cannot be opened, and never the password.
    throw new LedgerOpenError(`Cannot open the database ${withoutPassword(url)}: ${(err as Error).message}`);
  }
  return db as unknown as Db;
}

/** A database URL as it may be printed or logged: its password left out. */
export function withoutPassword(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '';
  return u.toString();
}

export const isPostgresUrl = (location: string) => /^postgres(ql)?:\/\//.test(location);
