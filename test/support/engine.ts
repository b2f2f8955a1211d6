import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { inject } from 'vitest';
import { isPostgresUrl, openPostgres } from '../../src/ledger/postgres.ts';

/**
 * The engine the tests of this vitest project run on: `postgres` in the PostgreSQL project (its
 * `LEDGER_ENGINE`), SQLite otherwise. Suites written once open their ledger through `ledgerLocation`.
 */
export const ENGINE: 'sqlite' | 'postgres' = process.env.LEDGER_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

/**
 * How many runs a property gets that opens a ledger per run. On PostgreSQL each run is a new database
 * (created and migrated, about a third of a second here), so it gets a third of them: the properties
 * are about what people type and what the bot answers, which SQLite's full count covers, while these
 * runs show the same holds on the other engine. Keeps `npm test` within its time on two cores.
 */
export const ledgerRuns = (runs: number): number =>
  ENGINE === 'postgres' ? Math.max(5, Math.round(runs / 3)) : runs;

/**
 * Where a test's ledger lives: a file in `dir` on SQLite; on PostgreSQL a new empty database on the
 * run's server (test/support/postgres-server.ts), so that tests never meet.
 */
export function ledgerLocation(dir: string, name = 'relief.db'): string {
  if (ENGINE === 'sqlite') return path.join(dir, name);
  const server = openPostgres(inject('pgUrl'));
  const database = `t_${randomBytes(6).toString('hex')}`;
  try {
    server.exec(`CREATE DATABASE ${database}`);
  } finally {
    server.close();
  }
  const url = new URL(inject('pgUrl'));
  url.pathname = `/${database}`;
  return url.toString();
}

/** The environment that points `npm start` or `relief-bot` at a test's ledger, on either engine. */
export const ledgerEnv = (location: string): Record<string, string> =>
  isPostgresUrl(location) ? { DATABASE_URL: location } : { DATABASE_PATH: location };

/** A second connection to a test's ledger, for seeding and inspecting rows beside the ledger's own. */
export function openRawLedger(
  location: string,
  openFile: (file: string) => Database.Database,
): Database.Database {
  return isPostgresUrl(location) ? openPostgres(location) : openFile(location);
}

/** The ledger's tables, on either engine. */
export function tableNames(db: Database.Database): string[] {
  const sql =
    ENGINE === 'postgres'
      ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name"
      : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
  return db.prepare(sql).pluck().all() as string[];
}
