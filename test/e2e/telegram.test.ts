import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ledgerEnv, ledgerLocation } from '../support/engine.ts';
import { FakeBotApi } from '../support/fake-bot-api.ts';
import { tempDir } from '../support/harness.ts';
import { freePort, onStop, query, type Running, startWithFake, stopAll } from '../support/telegram-bot.ts';

/** One bot for the polling tests (starting `npm start` costs seconds); each test has its own people. */
describe('Telegram, long polling against a fake Bot API', () => {
  let bot: Running;
  let fake: FakeBotApi;
  beforeAll(async () => {
    bot = await startWithFake();
    fake = bot.fake;
  });
  afterAll(stopAll);

  it('answers /start and /help in both languages, buttons included, and publishes the command menu', async () => {
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
    const ana = FakeBotApi.user(201, 'en');
    const { updateId } = fake.text(ana, '/help');
    await fake.waitFor(() => fake.sentTo(201).length === 1);
    await fake.waitFor(() => fake.unconfirmed() === 0);

    fake.redeliver(updateId);
    fake.text(ana, '/start');
    await fake.waitFor(() => fake.sentTo(201).length === 2);
    await fake.waitFor(() => fake.unconfirmed() === 0);
    expect(fake.sentTo(201)[1]).toContain('Hello!');
    expect(query<number>(bot.dbPath, "SELECT COUNT(*) FROM inbox WHERE chat_id = '201'")).toBe(2);
    expect(fake.sentTo(201)).toHaveLength(2);
  });

  it('reads shares and hints at what it cannot read; a malformed update is skipped, not fatal', async () => {
    const ana = FakeBotApi.user(251, 'en');
    fake.message(ana, { sticker: { file_id: 'x' } });
    fake.push({ message: { message_id: 'not a number', chat: 'nowhere' } });
    fake.message(ana, { location: { latitude: -7.8, longitude: 110.36 } });
    await fake.waitFor(() => fake.sentTo(251).length === 2);
    expect(fake.sentTo(251)[0]).toContain('shared locations, photos');
    expect(fake.sentTo(251)[1]).toContain('noted your location');
    await fake.waitFor(() => fake.unconfirmed() === 0);
  });

  it('rides out a 429 storm: every reply arrives once, later', async () => {
    fake.fail('sendMessage', { code: 429, retryAfter: 1 }, 4);
    const people = [301, 302, 303].map((id) => FakeBotApi.user(id, 'en'));
    for (const p of people) fake.text(p, '/help');
    await fake.waitFor(() => people.every((p) => fake.sentTo(p.id).length === 1));
    expect(fake.callsOf('sendMessage').filter((c) => c.failed === 429)).toHaveLength(4);
    const sent = () =>
      query<number>(bot.dbPath, "SELECT COUNT(*) FROM outbox WHERE chat_id LIKE '30_' AND state = 'sent'");
    await fake.waitFor(() => sent() === 3);
    expect(
      fake.callsOf('sendMessage').filter((c) => String(c.params.chat_id).match(/^30\d$/) && !c.failed),
    ).toHaveLength(3);
  });

  it('retries after a 5xx; a 403 "blocked" marks the person unreachable until they write again', async () => {
    fake.fail('sendMessage', { code: 502 }, 1, 401);
    fake.fail('sendMessage', { code: 403 }, 1, 402);
    fake.text(FakeBotApi.user(401, 'en'), '/help');
    const blocker = FakeBotApi.user(402, 'en');
    fake.text(blocker, '/help');
    await fake.waitFor(() => fake.sentTo(401).length === 1);
    const reachable = () =>
      query<number>(bot.dbPath, "SELECT reachable FROM people WHERE id = 'telegram:402'");
    await fake.waitFor(() => reachable() === 0);
    expect(query<string>(bot.dbPath, "SELECT state FROM outbox WHERE chat_id = '402'")).toBe('failed');

    fake.text(blocker, '/start');
    await fake.waitFor(() => fake.sentTo(402).length === 1);
    expect(reachable()).toBe(1);
  });

  it('reports its polling state on /healthz', async () => {
    const res = await fetch(`http://127.0.0.1:${bot.port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, telegram: { ok: true, state: 'polling' } });
  });
});

describe('Telegram, stop and restart', () => {
  afterEach(stopAll);

  it('stops cleanly on SIGTERM, and a restart is not sent what was already handled', async () => {
    const fake = await FakeBotApi.start();
    onStop(() => fake.close());
    const tmp = tempDir();
    onStop(tmp.cleanup);
    const ledger = ledgerEnv(ledgerLocation(tmp.dir));
    const first = await startWithFake(ledger, fake);
    const ana = FakeBotApi.user(301, 'en');
    fake.text(ana, '/help');
    await fake.waitFor(() => fake.sentTo(301).length === 1);
    expect(await first.stop()).toBe(true);
    expect(first.stderr()).not.toMatch(/"level":5\d/);
    expect(fake.unconfirmed()).toBe(0);

    fake.text(ana, '/start');
    const second = await startWithFake(ledger, fake);
    await fake.waitFor(() => fake.sentTo(301).length === 2);
    expect(query<number>(second.dbPath, 'SELECT COUNT(*) FROM inbox')).toBe(2);
  });
});

describe('Telegram, webhook mode', () => {
  afterEach(stopAll);

  it('sets the webhook with its secret, refuses requests without it, and answers a redelivery once', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/telegram/hook`;
    const { fake } = await startWithFake({
      HTTP_PORT: String(port),
      TELEGRAM_WEBHOOK_URL: url,
      TELEGRAM_WEBHOOK_SECRET: 'right-secret',
    });
    await fake.waitFor(() => fake.webhook);
    expect(fake.webhook).toEqual({ url, secret: 'right-secret' });

    const ana = FakeBotApi.user(601, 'en');
    const { updateId } = fake.text(ana, '/help');
    await fake.waitFor(() => fake.sentTo(601).length === 1);

    const post = (headers: Record<string, string>) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(fake.history.get(updateId)),
      });
    expect((await post({ 'x-telegram-bot-api-secret-token': 'wrong' })).status).toBe(401);
    expect((await post({})).status).toBe(401);

    fake.redeliver(updateId);
    fake.text(ana, '/start');
    await fake.waitFor(() => fake.sentTo(601).length === 2);
    expect(fake.deliveries.filter((d) => d.updateId === updateId)).toEqual([
      { updateId, status: 200 },
      { updateId, status: 200 },
    ]);
    expect(fake.sentTo(601)[1]).toContain('Hello!');
    expect(fake.callsOf('getUpdates')).toHaveLength(0);
  });
});
