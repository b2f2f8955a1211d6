import { type ChildProcess, spawn } from 'node:child_process';
import { PROJECT_ROOT } from '../../src/config.ts';

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Starts the bot exactly as README tells a user to: `npm start`, configured by the environment. In its
 * own process group, so `signalBot` reaches the node process itself (npm does not pass SIGTERM on).
 */
export function startBot(env: Record<string, string>, args: string[] = []): ChildProcess {
  return spawn('npm', ['start', '--silent', ...(args.length ? ['--', ...args] : [])], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
}

const groupAlive = (pid: number) => {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Sends `signal` to every process `startBot` started and resolves once all of them are gone (true), or
 * kills them after `timeoutMs` (false).
 */
export async function signalBot(
  child: ChildProcess,
  signal: NodeJS.Signals,
  timeoutMs = 30_000,
): Promise<boolean> {
  const pid = child.pid;
  if (pid === undefined || !groupAlive(pid)) return true;
  process.kill(-pid, signal);
  const until = Date.now() + timeoutMs;
  while (groupAlive(pid)) {
    if (Date.now() > until) {
      process.kill(-pid, 'SIGKILL');
      return false;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  return true;
}

/** Runs `npx relief-bot ...` and waits for it. */
export function runCli(args: string[], env: Record<string, string>, input?: string): Promise<RunResult> {
  return collect(
    spawn('npx', ['relief-bot', ...args], { cwd: PROJECT_ROOT, env: { ...process.env, ...env } }),
    input,
  );
}

/** Feeds `input` on stdin, closes it, and waits for the process to end. */
export function collect(child: ChildProcess, input?: string, timeoutMs = 100_000): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  if (input !== undefined) child.stdin?.end(input);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`process did not exit in ${timeoutMs} ms; stdout: ${stdout}\nstderr: ${stderr}`));
    }, timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}
