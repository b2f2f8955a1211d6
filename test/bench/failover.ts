import { FakeBotApi } from '../support/fake-bot-api.ts';
import { LoadBalancer } from '../support/load-balancer.ts';
import { signalBot } from '../support/spawn.ts';
import { freePort, startWithFake, stopAll } from '../support/telegram-bot.ts';
import { newDatabase } from './postgres.ts';
import type { Figure } from './report.ts';

const ROUNDS = 5;

/** Sends `/start` as a new person and waits for the reply to reach the fake Bot API: when it did. */
async function replyAt(fake: FakeBotApi, id: number, deadlineMs = 30_000): Promise<number> {
  fake.text(FakeBotApi.user(id, 'en'), '/start');
  const end = Date.now() + deadlineMs;
  for (;;) {
    const call = fake.calls.find(
      (c) => /^send/.test(c.method) && !c.failed && Number(c.params.chat_id) === id,
    );
    if (call) return call.at;
    if (Date.now() > end) throw new Error(`no reply to ${id} within ${deadlineMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Issue 25's failover figure: two `npm start` processes on one PostgreSQL behind a load balancer; the
 * sender is SIGKILLed and a person writes at that instant. The figure is the time from the kill to the
 * reply reaching Telegram, sent by the survivor once it holds the sender's lock; the baseline is the
 * same reply with both processes alive. The median of a few kills, each of a fresh pair.
 */
export async function failover(): Promise<Figure[]> {
  const fake = await FakeBotApi.start();
  const failovers: number[] = [];
  const normal: number[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const url = await newDatabase();
      const ports = [await freePort(), await freePort()] as const;
      const lb = await LoadBalancer.start(ports);
      const env = (port: number) => ({
        DATABASE_URL: url,
        HTTP_PORT: String(port),
        TELEGRAM_WEBHOOK_URL: `${lb.url}/telegram/webhook`,
        DEFAULT_LANGUAGE: 'en',
        LOG_LEVEL: 'warn',
      });
      // The first to start becomes the sender; the second waits to take over.
      const first = await startWithFake(env(ports[0]), fake);
      await startWithFake(env(ports[1]), fake);
      const asked = performance.now();
      normal.push((await replyAt(fake, 20_000 + round * 10)) - asked);
      const killed = performance.now();
      process.kill(-first.bot.pid!, 'SIGKILL');
      failovers.push((await replyAt(fake, 20_001 + round * 10)) - killed);
      await signalBot(first.bot, 'SIGKILL', 10_000);
      await stopAll();
      await lb.close();
    }
  } finally {
    await stopAll();
    await fake.close();
  }
  return [
    {
      id: 'failover.postgres',
      name: "failover: from SIGKILL of the sender to the survivor's reply",
      unit: 'ms',
      value: Math.round(median(failovers)),
      baseline: Math.round(median(normal)),
      baselineName: 'the same reply, both processes alive',
      target: { kind: 'max', limit: 5000 },
      detail: `median of ${ROUNDS} kills, each of a fresh pair of npm start processes on one PostgreSQL; all: ${failovers.map((f) => Math.round(f)).join(', ')} ms; alive: ${normal.map((f) => Math.round(f)).join(', ')} ms`,
    },
  ];
}
