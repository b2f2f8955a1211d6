import { spawn } from 'node:child_process';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { SENDER_LOCKS } from '../../src/ledger/dialect.ts';
import { Ledger } from '../../src/ledger/index.ts';
import { TELEGRAM_LIMITS } from '../../src/outbox/pacing/telegram.ts';
import { TelegramLimits } from '../bench/telegram-limits.ts';
import { FakeBotApi } from '../support/fake-bot-api.ts';
import { LoadBalancer } from '../support/load-balancer.ts';
import { freshDatabase } from '../support/postgres.ts';
import { collect, signalBot } from '../support/spawn.ts';
import { freePort, type Running, startWithFake, stopAll } from '../support/telegram-bot.ts';

/**
 * Issue 25: two bot processes started as README starts one (`npm start`), on one PostgreSQL database,
 * Telegram's webhook reaching either through a load balancer, against the fake Bot API enforcing
 * Telegram's limits for the token. The sender is SIGKILLed while 500 messages and a broadcast to 1,000
 * groups are under way: the other process carries on, nothing acknowledged is lost, nothing is handled
 * twice, no send is repeated beyond those in flight at the kill, and the platform never answers 429.
 * Restarted, the killed process takes its share of updates again.
 */

const SENDERS = 50;
const PER_SENDER = 10;
const GROUPS = 1000;
/** Telegram's time, shrunk: the coordinator's notice of each request (one a second to a chat) sets the pace. */
const SCALE = 0.02;
const ADMIN = FakeBotApi.user(900, 'en');
const TEXT = 'Clean water arrives at the Imogiri post at 15:00';

const url = await freshDatabase();
const fake = await FakeBotApi.start();
const limits = new TelegramLimits(SCALE);
fake.admit = limits.admit;
fake.webhookConnections = 8;
const ports = [await freePort(), await freePort()] as const;
const lb = await LoadBalancer.start(ports);
const db = new pg.Client({ connectionString: url });
await db.connect();
afterAll(async () => {
  await stopAll();
  await db.end();
  await lb.close();
  await fake.close();
});

const env = (port: number) => ({
  DATABASE_URL: url,
  HTTP_PORT: String(port),
  TELEGRAM_WEBHOOK_URL: `${lb.url}/telegram/webhook`,
  ADMINS: 'telegram:900',
  DEFAULT_LANGUAGE: 'en',
  PACING_TIME_SCALE: String(SCALE),
});
const start = (port: number) => startWithFake(env(port), fake);

const scalar = async (sql: string) => Number((await db.query(sql)).rows[0].n);

async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 180_000) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The server process of the connection that sends for Telegram (holds its sender lock). */
const senderBackend = async (): Promise<number | undefined> =>
  (
    await db.query(
      `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND classid = ${SENDER_LOCKS} AND granted`,
    )
  ).rows[0]?.pid;

const sends = () => fake.calls.filter((c) => /^send/.test(c.method) && !c.failed);
const broadcastSends = () => sends().filter((c) => String(c.params.text).includes(TEXT));
const items = ['20 water', '5 rice', '10 blankets', '3 tarps', '2 medicine'];

describe('two processes on one PostgreSQL ledger', () => {
  it('carry on through a SIGKILL of the sender, within the limits, and take the killed one back', async () => {
    // The groups, registered beforehand: 1,000 registrations through the chat would test registering.
    const began = performance.now();
    const seconds = () => Math.round((performance.now() - began) / 1000);
    const seed = Ledger.open(url);
    seed.transaction(() => {
      for (let i = 0; i < GROUPS; i++)
        seed.groups.register(
          { id: 'test', at: Date.now() },
          { transport: 'telegram', chatId: String(-100_000 - i), kind: 'group' },
          { title: `Posko ${i}`, topics: ['supply'], area: null, registeredBy: 'telegram:900' },
        );
    });
    seed.close();

    // The first to start becomes the sender (before its webhook is set); the second waits to take over.
    const a: Running = await start(ports[0]);
    const b: Running = await start(ports[1]);
    const upAt = seconds();

    const users = Array.from({ length: SENDERS }, (_, i) => FakeBotApi.user(10_000 + i, 'en'));
    const load = (from: number, to: number) => {
      for (let n = from; n < to; n++)
        for (const u of users)
          fake.text(u, `/need ${items[n % items.length]} for 4 people @ -7.8${n},110.36`);
    };
    const handled = () => scalar("SELECT COUNT(*) AS n FROM inbox WHERE state = 'done'");
    // Half the load, the broadcast, the other half: the kill comes amid both. The second half goes in
    // once the broadcast is under way, so it is still being handled at the kill however fast the first was.
    load(0, PER_SENDER / 2);
    await until(async () => (await handled()) >= 150, 'the load under way');
    fake.text(ADMIN, `/broadcast all ${TEXT}`);
    await until(() => broadcastSends().length >= 100, 'the broadcast under way');
    load(PER_SENDER / 2, PER_SENDER);
    const sendsAtKill = sends().length;
    const broadcastAtKill = broadcastSends().length;
    const handledAtKill = await handled();
    const sender = await senderBackend();
    const killedAt = performance.now();
    process.kill(-a.bot.pid!, 'SIGKILL');
    // The survivor sends once it holds the sender's lock: the first send after that is its own.
    await until(async () => ![undefined, sender].includes(await senderBackend()), 'a new sender', 30_000);
    const tookOverAt = performance.now();
    await until(() => sends().some((c) => c.at > tookOverAt), 'a send by the survivor');
    const failoverMs = sends().find((c) => c.at > tookOverAt)!.at - killedAt;
    expect(await signalBot(a.bot, 'SIGKILL', 10_000)).toBe(true);

    const killAt = seconds();
    const total = SENDERS * PER_SENDER;
    const everything = async (messages: number) =>
      fake.unconfirmed() === 0 &&
      (await scalar('SELECT COUNT(*) AS n FROM inbox')) >= messages + 1 &&
      (await scalar("SELECT COUNT(*) AS n FROM inbox WHERE state = 'pending'")) === 0 &&
      (await scalar("SELECT COUNT(*) AS n FROM outbox WHERE state IN ('pending', 'sending')")) === 0;
    await until(
      async () => (await scalar("SELECT COUNT(*) AS n FROM inbox WHERE state = 'done'")) >= total + 1,
      'every message handled',
    );
    const handledAt = seconds();
    await until(() => everything(total), 'every message handled and every reply sent by the survivor');

    const doneAt = seconds();
    // Restarted, the killed process takes updates again.
    const before = lb.answered.get(ports[0]) ?? 0;
    const back = await start(ports[0]);
    const rejoin = users.map((u) => FakeBotApi.user(u.id + 50_000, 'en'));
    for (const u of rejoin) fake.text(u, '/need 1 water for 2 people @ -7.9,110.4');
    await until(() => everything(total + rejoin.length), 'the last messages handled');
    const rejoined = (lb.answered.get(ports[0]) ?? 0) - before;
    expect(await back.stop()).toBe(true);
    expect(await b.stop()).toBe(true);

    const all = total + rejoin.length;
    const requests = await scalar('SELECT COUNT(*) AS n FROM requests');
    const created = await scalar(
      "SELECT COUNT(DISTINCT message_ref) AS n FROM events WHERE kind = 'request.created'",
    );
    const replies = sends()
      .filter((c) => Number(c.params.chat_id) >= 10_000)
      .map((c) => `${c.params.chat_id}|${c.params.text}`);
    const references = new Set(replies.filter((t) => /R-\d+/.test(t)));
    const repeated =
      sends().length - new Set(sends().map((c) => `${c.params.chat_id}|${c.params.text}`)).size;
    const groupsReached = new Set(broadcastSends().map((c) => String(c.params.chat_id))).size;
    console.log(
      `failover test: messages=${all} requests=${requests} replies_with_reference=${references.size} ` +
        `broadcast_groups=${groupsReached}/${GROUPS} sends=${sends().length} sends_at_kill=${sendsAtKill} ` +
        `broadcast_at_kill=${broadcastAtKill} handled_at_kill=${handledAtKill} ` +
        `repeated_sends=${repeated} too_many_requests=${limits.tooMany} failover_ms=${Math.round(failoverMs)} ` +
        `updates_taken_after_restart=${rejoined}/${rejoin.length} ` +
        `takeover_ms=${Math.round(tookOverAt - killedAt)} ` +
        `seconds: up=${upAt} kill=${killAt} handled=${handledAt} sent=${doneAt} rejoined=${seconds()}`,
    );

    expect(requests).toBe(all);
    expect(created).toBe(all);
    expect(references.size).toBe(all);
    expect(groupsReached).toBe(GROUPS);
    expect(broadcastAtKill).toBeLessThan(GROUPS);
    expect(handledAtKill).toBeLessThan(total);
    // The at-least-once window: only the sends in flight when the sender died go twice.
    expect(repeated).toBeLessThanOrEqual(TELEGRAM_LIMITS.concurrency);
    expect(limits.tooMany).toBe(0);
    expect(rejoined).toBeGreaterThan(0);

    const verify = await collect(
      spawn(process.execPath, ['src/relief-bot.js', 'verify'], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, DATABASE_URL: url },
      }),
    );
    expect(verify.stdout).toMatch(/^ok: \d+ events checked/);
  }, 600_000);
});
