import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { TELEGRAM_LIMITS } from '../../src/outbox/pacing/telegram.ts';
import { FakeBotApi, type FakeChat } from '../support/fake-bot-api.ts';
import { tempDir } from '../support/harness.ts';
import { collect, signalBot } from '../support/spawn.ts';
import { type Running, startWithFake, stopAll } from '../support/telegram-bot.ts';

/**
 * SPEC 7: killed at any instant under a burst, the bot loses nothing and doubles nothing. The bot is
 * started as a user starts it, against the fake Bot API, and SIGKILLed at three points: mid-intake,
 * between commit and reply (replies held back by a failing API), and mid-broadcast.
 */

/** `npm run soak` sets SOAK_SCALE (10: 5,000 messages from 500 senders); `npm test` runs the short form. */
const SCALE = Math.max(1, Number(process.env.SOAK_SCALE ?? 1));
const SENDERS = 50 * SCALE;
const PER_SENDER = 10;
const GROUPS = 30;
const ADMIN = FakeBotApi.user(900, 'en');
const items = ['20 water', '5 rice', '10 blankets', '3 tarps', '2 medicine'];

const tmp = tempDir();
const dbPath = path.join(tmp.dir, 'relief.db');
const fake = await FakeBotApi.start();
afterAll(async () => {
  await stopAll();
  await fake.close();
  tmp.cleanup();
});

const env = {
  DATABASE_PATH: dbPath,
  ADMINS: 'telegram:900',
  DEFAULT_LANGUAGE: 'en',
  PACING_TIME_SCALE: '0.05',
};

function db<T>(fn: (d: Database.Database) => T): T {
  const d = new Database(dbPath, { readonly: true });
  try {
    return fn(d);
  } finally {
    d.close();
  }
}
const scalar = (sql: string) => db((d) => d.prepare(sql).pluck().get() as number);

async function until(check: () => boolean, what: string, timeoutMs = 120_000 * SCALE): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** How many successful sends the fake had seen at each kill: sends before the n-th mark belong to kill n. */
const sendsAtKill: number[] = [];

/** SIGKILL to the whole process group: npm and the node process under it, which is the bot. */
async function kill(bot: Running): Promise<void> {
  // signalBot sends the signal at once, then waits for every process of the group to be gone.
  const gone = signalBot(bot.bot, 'SIGKILL', 10_000);
  sendsAtKill.push(successfulSends().length);
  expect(await gone).toBe(true);
  expect(db((d) => d.pragma('integrity_check', { simple: true }))).toBe('ok');
}

const successfulSends = () => fake.callsOf('sendMessage').filter((c) => !c.failed);

describe('SIGKILL mid-burst', () => {
  it(
    'loses no acknowledged message, handles none twice, and repeats at most the sends in flight',
    async () => {
      let kills = 0;
      const users = Array.from({ length: SENDERS }, (_, i) => FakeBotApi.user(10_000 + i, 'en'));
      const burst = (from: number, to: number) => {
        for (let n = from; n < to; n++) {
          for (const u of users)
            fake.text(u, `/need ${items[n % items.length]}, ${n + 1} rice for 4 people @ -7.8${n},110.36`);
        }
      };

      // 1. Mid-intake: half the burst is waiting, the other half arrives while the bot works.
      burst(0, PER_SENDER / 2);
      let bot = await startWithFake(env, fake);
      burst(PER_SENDER / 2, PER_SENDER);
      await until(() => scalar("SELECT COUNT(*) FROM inbox WHERE state = 'done'") >= 150, '150 handled');
      await kill(bot);
      kills++;

      // 2. Between commit and reply: everything is handled, but the API refuses to take replies.
      fake.fail('sendMessage', { code: 502 }, 100_000);
      bot = await startWithFake(env, fake);
      await until(
        () => scalar('SELECT COUNT(*) FROM inbox') === SENDERS * PER_SENDER,
        'every update recorded',
      );
      await until(
        () => scalar("SELECT COUNT(*) FROM inbox WHERE state = 'pending'") === 0,
        'every update handled',
      );
      await kill(bot);
      kills++;
      fake.clearFailures();

      // 3. Mid-broadcast, at the real pace so the kill lands while groups are still being sent to.
      bot = await startWithFake({ ...env, PACING_TIME_SCALE: '1' }, fake);
      const groups: FakeChat[] = Array.from({ length: GROUPS }, (_, i) => ({
        id: -100_000 - i,
        type: 'supergroup',
        title: `Posko ${i}`,
      }));
      for (const g of groups) fake.text(ADMIN, '/register supply', g);
      await until(() => scalar('SELECT COUNT(*) FROM groups') === GROUPS, 'groups registered');
      const text = 'Clean water arrives at the Imogiri post at 15:00';
      fake.text(ADMIN, `/broadcast all ${text}`);
      const toGroups = () => successfulSends().filter((c) => String(c.params.text).includes(text)).length;
      await until(() => toGroups() >= 3, 'the broadcast under way');
      await kill(bot);
      kills++;

      // 4. The last start finishes everything.
      bot = await startWithFake(env, fake);
      await until(
        () =>
          fake.unconfirmed() === 0 &&
          scalar("SELECT COUNT(*) FROM outbox WHERE state IN ('pending', 'sending')") === 0,
        'everything confirmed and sent',
        180_000 * SCALE,
      );
      expect(await bot.stop()).toBe(true);

      const total = SENDERS * PER_SENDER;
      const recorded = scalar(
        `SELECT COUNT(*) FROM inbox WHERE sender IN (${users.map((u) => `'telegram:${u.id}'`).join(',')})`,
      );
      const requests = scalar('SELECT COUNT(*) FROM requests');
      const created = scalar("SELECT COUNT(DISTINCT message_ref) FROM events WHERE kind = 'request.created'");
      const replyTexts = successfulSends()
        .filter((c) => Number(c.params.chat_id) >= 10_000 && Number(c.params.chat_id) < 100_000)
        .map((c) => `${c.params.chat_id}|${c.params.text}`);
      const repeatedReplies = replyTexts.length - new Set(replyTexts).size;
      const broadcastTo = successfulSends()
        .filter((c) => String(c.params.text).includes(text))
        .map((c) => String(c.params.chat_id));
      const repeatedBroadcast = broadcastTo.length - new Set(broadcastTo).size;
      const lost = total - recorded;
      console.log(
        `crash test: kills=${kills} messages=${total} recorded=${recorded} lost=${lost} doubled=${requests - created} ` +
          `requests=${requests} replies=${replyTexts.length} repeated_replies=${repeatedReplies} ` +
          `broadcast_groups=${new Set(broadcastTo).size}/${GROUPS} repeated_broadcast=${repeatedBroadcast}`,
      );

      expect(lost).toBe(0);
      expect(requests).toBe(total);
      expect(created).toBe(total);
      // Every request got its reference back, exactly once but for the sends in flight at a kill.
      expect(new Set(replyTexts.filter((t) => /R-\d+/.test(t))).size).toBe(total);
      expect(new Set(broadcastTo).size).toBe(GROUPS);
      // The at-least-once window: a row marked `sending` when the process died is sent again. Marks are
      // committed with the next window's claims, so only sends in flight are `sending` at any commit.
      // Per kill: a send repeated after a restart counts against the kill that first interrupted it.
      const seen = new Map<string, number>();
      const repeatedAtKill = sendsAtKill.map(() => 0);
      for (const [i, c] of successfulSends().entries()) {
        const key = `${c.params.chat_id}|${c.params.text}`;
        const first = seen.get(key);
        if (first === undefined) seen.set(key, i);
        else {
          const k = sendsAtKill.findIndex((mark) => first < mark);
          if (k >= 0) repeatedAtKill[k]!++;
        }
      }
      console.log(`crash test: repeated sends per kill ${repeatedAtKill.join(', ')}`);
      for (const n of repeatedAtKill) expect(n).toBeLessThanOrEqual(TELEGRAM_LIMITS.concurrency);

      const verify = await collect(
        spawn(process.execPath, ['src/relief-bot.js', 'verify'], {
          cwd: PROJECT_ROOT,
          env: { ...process.env, ...env },
        }),
      );
      expect(verify.stdout).toMatch(/^ok: \d+ events checked/);
      expect(db((d) => d.pragma('integrity_check', { simple: true }))).toBe('ok');
    },
    600_000 * SCALE,
  );
});
