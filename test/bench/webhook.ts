import { spawn } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import { FakeBotApi } from '../support/fake-bot-api.ts';
import { tempDir } from '../support/harness.ts';
import { freePort, onStop, startWithFake, stopAll } from '../support/telegram-bot.ts';
import { newDatabase } from './postgres.ts';
import type { Figure } from './report.ts';

const CONNECTIONS = 50;
/** The bare server and the bot take turns, so load from elsewhere falls on both alike (as in intake). */
const ROUNDS = 4;
const SECONDS_PER_ROUND = 2.5;
const SECRET = 'bench-webhook-secret';
const WEBHOOK_PATH = '/telegram/webhook';
/** As intake's: one process on PostgreSQL must take what Telegram hands a busy bot, tens a second. */
const POSTGRES_FLOOR = 30;

/** node:http alone: reads the body, parses the JSON, answers 200. Its own process, like the bot's. */
const BARE = `require('node:http').createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => { JSON.parse(Buffer.concat(chunks).toString('utf8'));
    res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"ok":true}'); });
}).listen(Number(process.argv[1]), '127.0.0.1', () => console.log('ready'));`;

let nextUpdate = 1;
/** Each request a new update from a new sender, so neither dedup nor flood control short-cuts it. */
function update(): string {
  const n = nextUpdate++;
  const user = { id: 300_000 + n, is_bot: false, first_name: `U${n}`, language_code: 'id' };
  return JSON.stringify({
    update_id: 900_000 + n,
    message: {
      message_id: n,
      date: Math.floor(Date.now() / 1000),
      chat: { id: user.id, type: 'private' },
      from: user,
      text: '/help',
    },
  });
}

interface Load {
  requests: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(url: string, connections = CONNECTIONS): Promise<Load> {
  const result = await autocannon({
    url,
    connections,
    duration: SECONDS_PER_ROUND,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    requests: [{ setupRequest: (req) => ({ ...req, body: update() }) }],
  });
  return {
    requests: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors + result.timeouts,
  };
}

/**
 * The same load spread over several processes at once, its connections shared out as a proxy in front
 * would spread them (without a proxy's own cost in the figure): requests summed, the worst latencies.
 */
async function loadSpread(urls: string[]): Promise<Load> {
  const each = await Promise.all(urls.map((url) => load(url, CONNECTIONS / urls.length)));
  return {
    requests: each.reduce((n, l) => n + l.requests, 0),
    p50: Math.max(...each.map((l) => l.p50)),
    p99: Math.max(...each.map((l) => l.p99)),
    errors: each.reduce((n, l) => n + l.errors, 0),
  };
}

/** Rounds of one target together: its rate over all of them, the median p50 and the worst round's p99. */
function combine(rounds: Load[]) {
  const p50s = rounds.map((r) => r.p50).sort((a, b) => a - b);
  return {
    rate: rounds.reduce((n, r) => n + r.requests, 0) / (rounds.length * SECONDS_PER_ROUND),
    p50: p50s[Math.floor(p50s.length / 2)]!,
    p99: Math.max(...rounds.map((r) => r.p99)),
    errors: rounds.reduce((n, r) => n + r.errors, 0),
  };
}

/** The bot in webhook mode on `ledger` (its DATABASE_PATH or DATABASE_URL); the webhook's URL. */
async function webhookBot(ledger: Record<string, string>, fake?: FakeBotApi): Promise<string> {
  const port = await freePort();
  await startWithFake(
    {
      ...ledger,
      HTTP_PORT: String(port),
      TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}${WEBHOOK_PATH}`,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
    },
    fake,
  );
  return `http://127.0.0.1:${port}${WEBHOOK_PATH}`;
}

/**
 * Telegram updates posted to the bot's webhook (`npm start` with a token, webhook mode, fake Bot API
 * for the replies) by 50 connections at once, against a bare node:http server on the same loopback;
 * the same with the ledger on PostgreSQL (one process), in the same rounds.
 */
export async function webhook(): Promise<Figure[]> {
  const tmp = tempDir('relief-bench-');
  const barePort = await freePort();
  const bareServer = spawn(process.execPath, ['-e', BARE, String(barePort)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await new Promise((resolve) => bareServer.stdout.once('data', resolve));
    const onSqlite = await webhookBot({ DATABASE_PATH: path.join(tmp.dir, 'relief.db') });
    const onPostgres = await webhookBot({ DATABASE_URL: await newDatabase() });
    // Two processes on one database, as compose.postgres.yaml runs them: one token, one Bot API.
    const shared = { DATABASE_URL: await newDatabase() };
    const fake = await FakeBotApi.start();
    onStop(() => fake.close());
    const pair = [await webhookBot(shared, fake), await webhookBot(shared, fake)];
    const bareRounds: Load[] = [];
    const botRounds: Load[] = [];
    const postgresRounds: Load[] = [];
    const pairRounds: Load[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      bareRounds.push(await load(`http://127.0.0.1:${barePort}/`));
      botRounds.push(await load(onSqlite));
      postgresRounds.push(await load(onPostgres));
      pairRounds.push(await loadSpread(pair));
    }
    const base = combine(bareRounds);
    const bot = combine(botRounds);
    const postgres = combine(postgresRounds);
    const two = combine(pairRounds);
    const what = `${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS_PER_ROUND} s taking turns with the bare server, one '/help' update from a new sender per request; p99 is the worst round's`;
    return [
      {
        id: 'webhook.rate',
        name: 'webhook, updates/s',
        unit: 'req/s',
        value: bot.rate,
        baseline: base.rate,
        baselineName: 'bare node:http + JSON.parse',
        target: { kind: 'min-ratio', ratio: 0.3 },
        detail: `${what}; non-2xx or failed: ${bot.errors} (baseline ${base.errors})`,
      },
      {
        id: 'webhook.p50',
        name: 'webhook, p50 latency',
        unit: 'ms',
        value: bot.p50,
        baseline: base.p50,
        baselineName: 'bare node:http',
        target: null,
      },
      {
        id: 'webhook.p99',
        name: 'webhook, p99 latency',
        unit: 'ms',
        value: bot.p99,
        baseline: base.p99,
        baselineName: 'bare node:http',
        target: { kind: 'max', limit: 100 },
      },
      {
        id: 'webhook.postgres.rate',
        name: 'webhook on PostgreSQL, updates/s',
        unit: 'req/s',
        value: postgres.rate,
        baseline: base.rate,
        baselineName: 'bare node:http + JSON.parse',
        target: { kind: 'min', limit: POSTGRES_FLOOR },
        detail: `one process, the ledger on PostgreSQL (loopback, fsync and synchronous commit on), in the same rounds; p50 ${postgres.p50} ms, p99 ${postgres.p99} ms; non-2xx or failed: ${postgres.errors}`,
      },
      {
        id: 'webhook.postgres.p99',
        name: 'webhook on PostgreSQL, p99 latency',
        unit: 'ms',
        value: postgres.p99,
        baseline: base.p99,
        baselineName: 'bare node:http',
        // 50 connections wait in turn for one synchronous ledger: the figure says how long, no target.
        target: null,
      },
      {
        id: 'webhook.postgres-2.rate',
        name: 'webhook on PostgreSQL, two processes, updates/s',
        unit: 'req/s',
        value: two.rate,
        baseline: postgres.rate,
        baselineName: 'one process on PostgreSQL',
        // On two cores the processes, the server and the load share the same CPUs: how much a second
        // process adds depends on the machine, so the figure is reported, not judged.
        target: null,
        detail: `two npm start processes on one database, ${CONNECTIONS / 2} connections each at once, in the same rounds; p50 ${two.p50} ms, p99 ${two.p99} ms (the worse process's); non-2xx or failed: ${two.errors}`,
      },
    ];
  } finally {
    bareServer.kill();
    await stopAll();
    tmp.cleanup();
  }
}
