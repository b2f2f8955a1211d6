import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import Database from 'better-sqlite3';
import { isPostgresUrl, openPostgres } from '../../src/ledger/postgres.ts';
import { ledgerEnv, ledgerLocation } from './engine.ts';
import { FakeBotApi } from './fake-bot-api.ts';
import { tempDir } from './harness.ts';
import { signalBot, startBot } from './spawn.ts';

/**
 * The bot started as a user starts it (`npm start` with a token), talking to a fake Bot API server on
 * loopback through TELEGRAM_API_ROOT. Call `stopAll` after each test (or file).
 */

const cleanups: (() => Promise<void> | void)[] = [];
export async function stopAll(): Promise<void> {
  for (const c of cleanups.splice(0).reverse()) await c();
}

/** Registers something to undo in `stopAll`. */
export function onStop(cleanup: () => Promise<void> | void): void {
  cleanups.push(cleanup);
}

export async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise((r) => srv.close(r));
  return port;
}

export interface Running {
  fake: FakeBotApi;
  bot: ChildProcess;
  /** Where the bot keeps its ledger: a SQLite file, or a postgres:// URL in the PostgreSQL project. */
  dbPath: string;
  port: number;
  stderr: () => string;
  /** SIGTERM; true when every process ended within 30 s. */
  stop: () => Promise<boolean>;
}

export async function startWithFake(env: Record<string, string> = {}, fake?: FakeBotApi): Promise<Running> {
  const api = fake ?? (await FakeBotApi.start());
  const tmp = tempDir();
  // This project's engine unless the test names the ledger.
  const dbPath = env.DATABASE_URL ?? env.DATABASE_PATH ?? ledgerLocation(tmp.dir);
  const port = env.HTTP_PORT ? Number(env.HTTP_PORT) : await freePort();
  const bot = startBot({
    TELEGRAM_BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.apiRoot,
    ...ledgerEnv(dbPath),
    HTTP_PORT: String(port),
    HTTP_HOST: '127.0.0.1',
    DEFAULT_LANGUAGE: 'id',
    ...env,
  });
  let stderr = '';
  bot.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const stop = () => signalBot(bot, 'SIGTERM');
  cleanups.push(async () => {
    await stop();
    if (!fake) await api.close();
    tmp.cleanup();
  });
  // Started once it asks for updates (or set its webhook); on a busy machine that can take a while.
  const before = api.calls.length;
  await api.waitFor(
    () => api.calls.slice(before).some((c) => c.method === 'getUpdates' || c.method === 'setWebhook'),
    60_000,
  );
  return { fake: api, bot, dbPath, port, stderr: () => stderr, stop };
}

/** One value read from a running bot's ledger, on either engine. */
export function query<T>(dbPath: string, sql: string, ...params: unknown[]): T {
  const db = isPostgresUrl(dbPath) ? openPostgres(dbPath) : new Database(dbPath, { readonly: true });
  try {
    return db
      .prepare(sql)
      .pluck()
      .get(...params) as T;
  } finally {
    db.close();
  }
}
