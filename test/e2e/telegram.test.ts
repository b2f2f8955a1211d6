import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeBotApi } from '../support/fake-bot-api.ts';
import { tempDir } from '../support/harness.ts';
import { signalBot, startBot } from '../support/spawn.ts';

/**
 * The bot started as a user starts it (`npm start` with a token), talking to a fake Bot API server on
 * loopback through TELEGRAM_API_ROOT.
 */

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

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
  dbPath: string;
  port: number;
  stderr: () => string;
  /** SIGTERM; true when every process ended within 10 s. */
  stop: () => Promise<boolean>;
}

export async function startWithFake(env: Record<string, string> = {}, fake?: FakeBotApi): Promise<Running> {
  const api = fake ?? (await FakeBotApi.start());
  const tmp = tempDir();
  const dbPath = env.DATABASE_PATH ?? path.join(tmp.dir, 'relief.db');
  const port = await freePort();
  const bot = startBot({
    TELEGRAM_BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.apiRoot,
    DATABASE_PATH: dbPath,
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
  return { fake: api, bot, dbPath, port, stderr: () => stderr, stop };
}

export function query<T>(dbPath: string, sql: string, ...params: unknown[]): T {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db
      .prepare(sql)
      .pluck()
      .get(...params) as T;
  } finally {
    db.close();
  }
}

describe('Telegram, long polling against a fake Bot API', () => {
  it('answers /start and /help in both languages, buttons included, and publishes the command menu', async () => {
    const { fake } = await startWithFake();
    const ana = FakeBotApi.user(101, 'id');
    const bob = FakeBotApi.user(102, 'en');

    fake.text(ana, '/start');
    const welcome = await fake.waitFor(() =>
      fake.callsOf('sendMessage').find((c) => c.params.chat_id === '101'),
    );
    expect(welcome.params.text).toContain('Halo! Saya bot koordinasi');
    expect(welcome.params.parse_mode).toBeUndefined();
    const keyboard = (welcome.params.reply_markup as { inline_keyboard: { callback_data: string }[][] })
      .inline_keyboard;
    expect(keyboard.flat().map((b) => b.callback_data)).toEqual(['/lang en', '/lang id']);

    const pressed = fake.press(ana, '/lang en');
    await fake.waitFor(() => fake.sentTo(101).some((t) => t.includes('I will speak English')));
    await fake.waitFor(() =>
      fake.callsOf('answerCallbackQuery').some((c) => c.params.callback_query_id === pressed),
    );

    fake.text(ana, '/help');
    fake.text(bob, '/bantuan');
    fake.text(bob, '/help@relief_test_bot');
    fake.text(bob, '/help@SomeOtherBot');
    await fake.waitFor(() => fake.sentTo(101).some((t) => t.includes('What you can do here')));
    await fake.waitFor(() => fake.sentTo(102).length === 2);
    expect(fake.sentTo(102).every((t) => t.startsWith('What you can do here'))).toBe(true);

    const menus = fake.callsOf('setMyCommands');
    const menuFor = (lang?: string) =>
      menus.find((c) => c.params.language_code === lang)?.params.commands as { command: string }[];
    expect(menuFor('en').map((c) => c.command)).toContain('help');
    expect(menuFor('id').map((c) => c.command)).toContain('bantuan');
    expect(menuFor(undefined).map((c) => c.command)).toContain('bantuan');
  });

  it('answers a redelivered update once, and confirms updates only after recording them', async () => {
    const { fake, dbPath } = await startWithFake();
    const ana = FakeBotApi.user(201, 'en');
    const { updateId } = fake.text(ana, '/help');
    await fake.waitFor(() => fake.sentTo(201).length === 1);
    await fake.waitFor(() => fake.unconfirmed() === 0);

    fake.redeliver(updateId);
    fake.text(ana, '/start');
    await fake.waitFor(() => fake.sentTo(201).length === 2);
    await fake.waitFor(() => fake.unconfirmed() === 0);
    expect(fake.sentTo(201)[1]).toContain('Hello!');
    expect(query<number>(dbPath, 'SELECT COUNT(*) FROM inbox')).toBe(2);
    expect(fake.sentTo(201)).toHaveLength(2);
  });

  it('stops cleanly on SIGTERM, and a restart is not sent what was already handled', async () => {
    const fake = await FakeBotApi.start();
    cleanups.push(() => fake.close());
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const DATABASE_PATH = path.join(tmp.dir, 'relief.db');
    const first = await startWithFake({ DATABASE_PATH }, fake);
    const ana = FakeBotApi.user(301, 'en');
    fake.text(ana, '/help');
    await fake.waitFor(() => fake.sentTo(301).length === 1);
    expect(await first.stop()).toBe(true);
    expect(first.stderr()).not.toMatch(/"level":5\d/);
    expect(fake.unconfirmed()).toBe(0);

    fake.text(ana, '/start');
    await startWithFake({ DATABASE_PATH }, fake);
    await fake.waitFor(() => fake.sentTo(301).length === 2);
    expect(query<number>(DATABASE_PATH, 'SELECT COUNT(*) FROM inbox')).toBe(2);
  });
});
