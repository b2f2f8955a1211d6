import { spawn } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import { loadAreaDefs, PROJECT_ROOT } from '../../src/config.ts';
import { Areas } from '../../src/domain/areas.ts';
import { Ledger } from '../../src/ledger/index.ts';
import { tempDir } from '../support/harness.ts';
import { freePort, startWithFake, stopAll } from '../support/telegram-bot.ts';
import { pointInDiy, random } from './fixtures.ts';
import type { Figure } from './report.ts';

/** A large district's response over ten days: requests in every state, rescue cases, campaigns. */
const REQUESTS = 5_000;
const RESCUES = 1_000;
const DAYS = 10;
const CONNECTIONS = 50;
/** The bare server and the bot take turns, so load from elsewhere falls on both alike (as in webhook). */
const ROUNDS = 4;
const SECONDS_PER_ROUND = 2.5;

/** node:http alone, answering every request with a body of the page's size from memory. */
const BARE = `const body = Buffer.alloc(Number(process.argv[2]), 'x');
require('node:http').createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=30' });
  res.end(body);
}).listen(Number(process.argv[1]), '127.0.0.1', () => console.log('ready'));`;

/** Records through the ledger's own writes (events chained as in use), spread over DAYS up to now. */
function buildPublicLedger(file: string): number {
  const t0 = performance.now();
  const ledger = Ledger.open(file);
  const areas = new Areas(loadAreaDefs(path.join(PROJECT_ROOT, 'data', 'areas', 'diy.json')))
    .all()
    .filter((a) => a.depth >= 2)
    .map((a) => a.path);
  const rnd = random(28);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const start = Date.now() - DAYS * 86_400_000;
  const step = (DAYS * 86_400_000) / (REQUESTS + RESCUES);
  ledger.transaction(() => {
    for (let i = 0; i < REQUESTS + RESCUES; i++) {
      const actor = { id: 'console:koor', at: Math.round(start + i * step) };
      const later = (minutes: number) => ({ ...actor, at: actor.at + minutes * 60_000 });
      const where = { ...pointInDiy(rnd), address: `Jl. Mawar ${i}`, area: pick(areas) };
      if (i % 6 === 5) {
        const c = ledger.rescues.open(
          actor,
          `console:r${i}`,
          { ...where, needsLocationCheck: false },
          { contact: '0812 0000 0000', peopleCount: 1 + Math.floor(rnd() * 8) },
        );
        if (rnd() < 0.8) ledger.rescues.acknowledge(later(2 + rnd() * 20), c.id);
        continue;
      }
      const r = ledger.requests.create(actor, {
        requester: `console:p${i}`,
        items: [
          { item: pick(['water', 'rice', 'blanket', 'medicine', 'tarp']), qty: 1 + Math.floor(rnd() * 50) },
          { item: pick(['water', 'rice', 'baby_milk', 'diapers']), qty: 1 + Math.floor(rnd() * 20) },
        ],
        ...where,
        contact: '0812 0000 0000',
        notes: 'rumah biru',
      });
      const until = pick(['new', 'verified', 'verified', 'assigned', 'delivered', 'delivered'] as const);
      let minutes = 0;
      for (const to of ['verified', 'assigned', 'delivered'] as const) {
        if (until === 'new') break;
        minutes += 10 + rnd() * 240;
        ledger.requests.move(later(minutes), r.id, to);
        if (to === until) break;
      }
    }
    for (const [n, area] of areas.slice(0, 20).entries())
      ledger.campaigns.add(
        { id: 'console:koor', at: start },
        { url: `https://kitabisa.com/banjir-${n}`, label: `Flood relief ${area}`, forRef: area, area },
        false,
      );
  });
  ledger.close();
  return (performance.now() - t0) / 1000;
}

interface Load {
  requests: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(url: string): Promise<Load> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS_PER_ROUND });
  return {
    requests: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors + result.timeouts,
  };
}

function combine(rounds: Load[]) {
  const p50s = rounds.map((r) => r.p50).sort((a, b) => a - b);
  return {
    rate: rounds.reduce((n, r) => n + r.requests, 0) / (rounds.length * SECONDS_PER_ROUND),
    p50: p50s[Math.floor(p50s.length / 2)]!,
    p99: Math.max(...rounds.map((r) => r.p99)),
    errors: rounds.reduce((n, r) => n + r.errors, 0),
  };
}

/**
 * GET /public (`npm start` with PUBLIC_PAGE=true, Telegram on the fake Bot API) on a ledger of 5,000
 * requests and 1,000 rescue cases, by 50 connections at once, against a bare node:http server sending
 * a body of the same size from memory, in alternating rounds. The page is built at most once per 30 s
 * (as in use), so the rounds measure serving it; the first, uncached request measures building it.
 */
export async function publicPage(): Promise<Figure[]> {
  const tmp = tempDir('relief-bench-');
  const file = path.join(tmp.dir, 'public.db');
  const built = buildPublicLedger(file);
  const running = await startWithFake({
    DATABASE_PATH: file,
    PUBLIC_PAGE: 'true',
    // Every request comes from one address here: the limit would answer 429 instead of the page.
    PUBLIC_PER_MINUTE: '1000000000',
  });
  const page = `http://127.0.0.1:${running.port}/public?lang=en`;
  const t0 = performance.now();
  const first = await fetch(page);
  const size = (await first.arrayBuffer()).byteLength;
  const cold = performance.now() - t0;
  const barePort = await freePort();
  const bare = spawn(process.execPath, ['-e', BARE, String(barePort), String(size)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await new Promise((resolve) => bare.stdout.once('data', resolve));
    const bareRounds: Load[] = [];
    const botRounds: Load[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      bareRounds.push(await load(`http://127.0.0.1:${barePort}/`));
      botRounds.push(await load(page));
    }
    const base = combine(bareRounds);
    const bot = combine(botRounds);
    const what = `${REQUESTS.toLocaleString('en-US')} requests and ${RESCUES.toLocaleString('en-US')} rescue cases over ${DAYS} days (built in ${built.toFixed(1)} s), a ${(size / 1024).toFixed(0)} KiB page; ${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS_PER_ROUND} s taking turns with the bare server`;
    return [
      {
        id: 'public.rate',
        name: 'GET /public',
        unit: 'req/s',
        value: bot.rate,
        baseline: base.rate,
        baselineName: 'bare node:http, same body size',
        target: { kind: 'min-ratio', ratio: 0.5 },
        detail: `${what}; non-2xx or failed: ${bot.errors} (baseline ${base.errors})`,
      },
      {
        id: 'public.p99',
        name: 'GET /public p99 latency',
        unit: 'ms',
        value: bot.p99,
        baseline: base.p99,
        baselineName: 'bare node:http',
        target: null,
        detail: `p50 ${bot.p50} ms (baseline ${base.p50} ms); the worst round's p99`,
      },
      {
        id: 'public.build',
        name: 'GET /public, first (page built)',
        unit: 'ms',
        value: cold,
        baseline: null,
        baselineName: '',
        target: null,
        detail: 'the summary, figures and page built from the ledger once, as every 30 s in use',
      },
    ];
  } finally {
    bare.kill();
    await stopAll();
    tmp.cleanup();
  }
}
