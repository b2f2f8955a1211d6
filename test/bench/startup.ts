import { spawn } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config.ts';
import { tempDir } from '../support/harness.ts';
import { type Figure, median } from './report.ts';

const RUNS = 5;
const TIMEOUT_MS = 20_000;

/**
 * Milliseconds from spawning the command to its first byte on stdout, with `/start` piped in; stdin
 * closes after that first reply so the bot stops by itself. Each run starts on a new database file,
 * as a first `npm start` does.
 */
function firstReply(command: string, args: string[]): Promise<number> {
  const tmp = tempDir('relief-bench-');
  const { LOG_LEVEL: _, ...inherited } = process.env;
  const env = { ...inherited, DATABASE_PATH: path.join(tmp.dir, 'relief.db') };
  const t0 = performance.now();
  const child = spawn(command, args, { cwd: PROJECT_ROOT, env, stdio: ['pipe', 'pipe', 'inherit'] });
  child.stdin.write('/start\n');
  return new Promise((resolve, reject) => {
    let ms = 0;
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.stdout.once('data', () => {
      ms = performance.now() - t0;
      child.stdin.end();
    });
    child.stdout.resume();
    child.on('exit', (code) => {
      clearTimeout(timer);
      tmp.cleanup();
      if (ms > 0 && code === 0) resolve(ms);
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code} before replying`));
    });
  });
}

function bareNode(): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  return new Promise((resolve) => child.on('exit', () => resolve(performance.now() - t0)));
}

async function medianOf(run: () => Promise<number>): Promise<{ median: number; all: number[] }> {
  const all: number[] = [];
  for (let i = 0; i < RUNS; i++) all.push(await run());
  return { median: median(all), all };
}

export async function startup(): Promise<Figure[]> {
  const base = await medianOf(bareNode);
  const npm = await medianOf(() => firstReply('npm', ['start', '--silent']));
  const direct = await medianOf(() => firstReply(process.execPath, ['src/relief-bot.js', 'start']));
  const runs = (xs: number[]) => `median of ${RUNS}: ${xs.map((x) => Math.round(x)).join(', ')} ms`;
  const common = {
    unit: 'ms',
    baseline: base.median,
    baselineName: "node -e ''",
    target: { kind: 'max-within', limit: 500, ratio: 4 },
  } as const;
  return [
    {
      id: 'startup.npm',
      name: 'start-up, npm start to first reply',
      value: npm.median,
      ...common,
      detail: `console mode, /start piped, new database each run; ${runs(npm.all)}; node -e '': ${runs(base.all)}`,
    },
    {
      id: 'startup.node',
      name: 'start-up, node src/relief-bot.js start',
      value: direct.median,
      ...common,
      detail: runs(direct.all),
    },
  ];
}
