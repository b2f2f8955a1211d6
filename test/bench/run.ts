/**
 * `npm run bench [-- name...]`: every figure next to a baseline measured in the same run on the same
 * machine, printed as a table and written to bench-results/ as JSON. Not part of `npm test`.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config.ts';
import { copyLedger } from '../../src/ledger/copy-ledger.ts';
import { tempDir } from '../support/harness.ts';
import { broadcast } from './broadcast.ts';
import { catchup } from './catchup.ts';
import { failover } from './failover.ts';
import { buildLargeLedger, type LargeLedger } from './fixtures.ts';
import { intake } from './intake.ts';
import { listen } from './listen.ts';
import { memory } from './memory.ts';
import { nearest } from './nearest.ts';
import { newDatabase, stopPostgres } from './postgres.ts';
import { publicPage } from './public.ts';
import { type Figure, judge, table, writeResults } from './report.ts';
import { startup } from './startup.ts';
import { webhook } from './webhook.ts';

const VOLUNTEERS = 100_000;
const EVENTS = 1_000_000;

/** The large ledger is built once, on first use, and shared by the benchmarks that need it. */
const tmp = tempDir('relief-bench-');
let large: (LargeLedger & { file: string }) | undefined;
function largeLedger(): LargeLedger & { file: string } {
  if (!large) {
    const file = path.join(tmp.dir, 'large.db');
    process.stderr.write(`  building a ledger of ${VOLUNTEERS} volunteers and ${EVENTS} events...\n`);
    large = { file, ...buildLargeLedger(file, VOLUNTEERS, EVENTS) };
    process.stderr.write(`  built in ${large.seconds.toFixed(1)} s\n`);
  }
  return large;
}

const benchmarks: Record<string, () => Promise<Figure[]>> = {
  intake,
  startup,
  memory: () => {
    const l = largeLedger();
    return memory(l.file, l.volunteers, l.events);
  },
  nearest: () => {
    const l = largeLedger();
    return nearest(l.file, l.volunteers);
  },
  /**
   * The same query on PostgreSQL, on the same volunteers (their registration events only): a ledger
   * built as the SQLite one is and moved with `copy-ledger`, whose time is a figure too.
   */
  'nearest-postgres': async () => {
    const file = path.join(tmp.dir, 'volunteers.db');
    buildLargeLedger(file, VOLUNTEERS, VOLUNTEERS);
    const url = await newDatabase();
    const t0 = performance.now();
    const copied = copyLedger(file, url);
    const seconds = (performance.now() - t0) / 1000;
    const rows = copied.tables.reduce((n, t) => n + t.rows, 0);
    return [
      {
        id: 'copy-ledger.postgres',
        name: 'copy-ledger to PostgreSQL',
        unit: 's',
        value: seconds,
        baseline: null,
        baselineName: '',
        target: null,
        detail: `${rows.toLocaleString('en-US')} rows (${VOLUNTEERS.toLocaleString('en-US')} volunteers, ${copied.events.toLocaleString('en-US')} events), the copy's chain verified by the head hash`,
      },
      ...(await nearest(url, VOLUNTEERS, 'postgres')),
    ];
  },
  webhook,
  failover,
  broadcast,
  catchup,
  listen,
  public: publicPage,
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !(w in benchmarks));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(benchmarks).join(', ')}`);
  process.exit(2);
}
// Start-up, webhook and broadcast run `npm start`, which runs the bundle: measure the sources as they are.
execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });

const t0 = performance.now();
const figures: Figure[] = [];
try {
  for (const [name, bench] of Object.entries(benchmarks)) {
    if (wanted.length > 0 && !wanted.includes(name)) continue;
    process.stderr.write(`running ${name}...\n`);
    const started = performance.now();
    figures.push(...(await bench()));
    process.stderr.write(`  ${name}: ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
} finally {
  await stopPostgres();
  tmp.cleanup();
}
const seconds = (performance.now() - t0) / 1000;

const load = os
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(' ');
console.log(`\n${os.cpus().length} CPUs, load average ${load} (other processes slow every figure)\n`);
console.log(`${table(figures)}\n`);
for (const f of figures) if (f.detail) console.log(`${f.id}: ${f.detail}`);
const file = writeResults(figures, seconds);
const missed = figures.filter((f) => judge(f).met === false);
console.log(`\n${figures.length} figures in ${seconds.toFixed(0)} s, written to ${file}`);
if (missed.length > 0) console.log(`MISSED: ${missed.map((f) => f.id).join(', ')}`);
