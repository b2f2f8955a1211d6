import path from 'node:path';
import { Ledger } from '../../src/ledger/index.ts';
import { FakeBotApi } from '../support/fake-bot-api.ts';
import { tempDir } from '../support/harness.ts';
import { startWithFake, stopAll } from '../support/telegram-bot.ts';
import type { Figure } from './report.ts';
import { TelegramLimits } from './telegram-limits.ts';

const GROUPS = 1_000;
/** Telegram's limits with time shrunk tenfold: 30 messages per 100 ms overall, 20 per 6 s per group. */
const SCALE = 0.1;
const COORDINATOR = 4242;
const TIMEOUT_MS = 120_000;

function registerGroups(file: string): void {
  const ledger = Ledger.open(file);
  const now = Date.now();
  ledger.transaction(() => {
    ledger.roles.set({ id: 'bench', at: now }, `telegram:${COORDINATOR}`, 'coordinator');
    for (let i = 1; i <= GROUPS; i++) {
      const chat = {
        transport: 'telegram' as const,
        chatId: String(-1_000_000_000_000 - i),
        kind: 'group' as const,
      };
      ledger.groups.register({ id: 'test', at: now }, chat, {
        title: `Posko ${i}`,
        topics: ['sitrep'],
        area: null,
        registeredBy: 'bench',
      });
    }
  });
  ledger.close();
}

async function until(check: () => boolean): Promise<void> {
  const t0 = performance.now();
  while (!check()) {
    if (performance.now() - t0 > TIMEOUT_MS) throw new Error('broadcast did not finish in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * One `/broadcast all ...` from a coordinator on Telegram to 1,000 registered groups, through the real
 * process, its outbox and pacer, and the fake Bot API answering 429 like Telegram when a limit is
 * passed. The time from the first group message to the last is compared with the least
 * the global limit allows: ceil(1000 / 30) - 1 full windows.
 */
export async function broadcast(): Promise<Figure[]> {
  const tmp = tempDir('relief-bench-');
  const fake = await FakeBotApi.start();
  const limits = new TelegramLimits(SCALE);
  fake.admit = limits.admit;
  try {
    const file = path.join(tmp.dir, 'relief.db');
    registerGroups(file);
    await startWithFake({ DATABASE_PATH: file, PACING_TIME_SCALE: String(SCALE) }, fake);
    const groupSends = () => limits.sends.filter((s) => s.chatId.startsWith('-'));
    fake.text(
      FakeBotApi.user(COORDINATOR, 'en'),
      '/broadcast all Water distribution at the Bantul post, 16:00',
    );
    await until(() => groupSends().length >= GROUPS);
    const sends = groupSends();
    const taken = sends.at(-1)!.at - sends[0]!.at;
    const minimum = (Math.ceil(GROUPS / limits.perSecond) - 1) * 1000 * SCALE;
    const distinct = new Set(sends.map((s) => s.chatId)).size;
    // How much longer than a window each place took to come round: the pacer dates a send by its answer
    // (what keeps 429s at zero whatever the latency), so each window costs about one round trip more.
    const perSecond = limits.perSecond;
    const windowMs = 1000 * SCALE;
    let overrun = 0;
    for (let k = 0; k + perSecond < sends.length; k++)
      overrun += sends[k + perSecond]!.at - sends[k]!.at - windowMs;
    const meanOverrun = overrun / Math.max(1, sends.length - perSecond);
    return [
      {
        id: 'broadcast.time',
        name: `broadcast to ${GROUPS} groups`,
        unit: 'ms',
        value: taken,
        baseline: minimum,
        baselineName: 'least the limits allow',
        target: { kind: 'max-ratio', ratio: 1.1 },
        detail: `Telegram limits scaled by ${SCALE} (30 per ${windowMs} ms, 20 per group per ${60 * SCALE} s); first to last group message; ${distinct} distinct groups; a place in the window came round ${meanOverrun.toFixed(1)} ms after its window, on average (about one round trip)`,
      },
      {
        id: 'broadcast.429',
        name: 'broadcast, 429 answers',
        unit: '',
        value: limits.tooMany,
        baseline: null,
        baselineName: '-',
        target: { kind: 'equal', value: 0 },
      },
    ];
  } finally {
    await stopAll();
    await fake.close();
    tmp.cleanup();
  }
}
