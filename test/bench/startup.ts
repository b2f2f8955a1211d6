import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config.ts';
import { tempDir } from '../support/harness.ts';
import { type Figure, median } from './report.ts';

const RUNS = 5;
const TIMEOUT_MS = 20_000;
/** The console prints a reply as `→ recipient` and then its text, indented. */
const REPLY_LINE = /^→ .*\n {2}\S/m;

/**
 * Milliseconds from spawning the command to the first line of its reply on stdout, with `/start` piped
 * in (the console echoes the typed line first, which is not a reply); stdin closes after that first
 * reply so the bot stops by itself. Each run starts on a new database file,
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
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      if (!REPLY_LINE.test(seen)) return;
      ms = performance.now() - t0;
      child.stdout.off('data', onData);
      child.stdout.resume();
      child.stdin.end();
    };
    child.stdout.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      tmp.cleanup();
      if (ms > 0 && code === 0) resolve(ms);
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code} before replying`));
    });
  });
}

function bareNode(): Promise<number> {
  return exitAfter(process.execPath, ['-e', '']);
}

function exitAfter(command: string, args: string[], cwd?: string): Promise<number> {
  const t0 = performance.now();
  const child = spawn(command, args, { cwd, stdio: 'ignore' });
  return new Promise((resolve) => child.on('exit', () => resolve(performance.now() - t0)));
}

/** npm's own share: `npm start` of a package whose start script is `node -e ''`. */
function emptyNpmStart(dir: string): Promise<number> {
  return exitAfter('npm', ['start', '--silent'], dir);
}

/** Each command once per round, in turns, so that a busy moment falls on all of them alike. */
async function rounds(runs: (() => Promise<number>)[]): Promise<{ median: number; all: number[] }[]> {
  const all = runs.map(() => [] as number[]);
  for (let i = 0; i < RUNS; i++) for (const [k, run] of runs.entries()) all[k]!.push(await run());
  return all.map((xs) => ({ median: median(xs), all: xs }));
}

export async function startup(): Promise<Figure[]> {
  const empty = tempDir('relief-bench-');
  writeFileSync(
    path.join(empty.dir, 'package.json'),
    JSON.stringify({ name: 'empty', version: '1.0.0', private: true, scripts: { start: "node -e ''" } }),
  );
  const [base, npmAlone, npm, direct] = await rounds([
    bareNode,
    () => emptyNpmStart(empty.dir),
    () => firstReply('npm', ['start', '--silent']),
    () => firstReply(process.execPath, ['src/relief-bot.js', 'start']),
  ]).finally(() => empty.cleanup());
  const runs = (xs: number[]) => `median of ${RUNS}: ${xs.map((x) => Math.round(x)).join(', ')} ms`;
  const common = {
    unit: 'ms',
    baseline: base!.median,
    baselineName: "node -e ''",
    target: { kind: 'max-within', limit: 500, ratio: 4 },
  } as const;
  return [
    {
      id: 'startup.npm',
      name: 'start-up, npm start to first reply',
      value: npm!.median,
      ...common,
      detail: `console mode, /start piped, new database each run; ${runs(npm!.all)}; node -e '': ${runs(base!.all)}`,
    },
    {
      id: 'startup.node',
      name: 'start-up, node src/relief-bot.js start',
      value: direct!.median,
      ...common,
      detail: runs(direct!.all),
    },
    {
      id: 'startup.npm-alone',
      name: "npm start of `node -e ''` (npm's own share)",
      value: npmAlone!.median,
      unit: 'ms',
      baseline: base!.median,
      baselineName: "node -e ''",
      target: null,
      detail: `what any npm start costs on this machine before the bot's code runs; ${runs(npmAlone!.all)}`,
    },
  ];
}
