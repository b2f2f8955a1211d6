import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { Ledger } from '../../src/ledger/index.ts';
import { ENGINE, ledgerEnv, ledgerLocation, openRawLedger } from '../support/engine.ts';
import { openRaw, tempDir } from '../support/harness.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitFor<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * The process the Docker image runs (`node src/relief-bot.js start`, what `npm start` runs too), so the
 * signal reaches the bot itself and its own exit code is seen.
 */
function startNode(env: Record<string, string>): { child: ChildProcess; stdout: () => string } {
  const child = spawn(process.execPath, ['src/relief-bot.js', 'start'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', () => {});
  cleanups.push(() => child.kill('SIGKILL'));
  return { child, stdout: () => out };
}

describe('operation: health, metrics and a graceful stop on SIGTERM', () => {
  it('serves /healthz and /metrics over HTTP, then stops on SIGTERM with nothing half-done', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const location = ledgerLocation(t.dir);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const bot = startNode({
      ...ledgerEnv(location),
      HTTP_PORT: String(port),
      HTTP_HOST: '127.0.0.1',
      DEFAULT_LANGUAGE: 'en',
    });

    const health = await waitFor('/healthz', async () => {
      const r = await fetch(`${base}/healthz`);
      return r.status === 200 ? ((await r.json()) as Record<string, { ok: boolean }>) : undefined;
    });
    expect(health).toMatchObject({ ok: true, database: { ok: true }, console: { ok: true } });

    bot.child.stdin!.write('/start\n/help\n/whoami\n');
    await waitFor('the replies', async () => (bot.stdout().includes('Role:') ? true : undefined));
    const metrics = await waitFor('/metrics', async () => {
      const text = await (await fetch(`${base}/metrics`)).text();
      return /relief_messages_out_total\{transport="console",kind="reply"\} 3/.test(text) ? text : undefined;
    });
    expect(metrics).toContain('relief_messages_in_total{transport="console"} 3');
    expect(metrics).toMatch(/# TYPE relief_outbox_depth gauge/);

    // More work arrives, and the stop comes while it is being handled and delivered.
    bot.child.stdin!.write(`${'/help\n'.repeat(15)}`);
    const exited = new Promise<number | null>((resolve) => bot.child.on('exit', (code) => resolve(code)));
    await new Promise((r) => setTimeout(r, 50));
    bot.child.kill('SIGTERM');
    expect(await exited).toBe(0);

    const db = openRawLedger(location, openRaw);
    // SQLite's file is checked page by page; PostgreSQL's are the server's to keep.
    if (ENGINE === 'sqlite') expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare("SELECT COUNT(*) FROM outbox WHERE state = 'sending'").pluck().get()).toBe(0);
    // Whatever was recorded was either handled whole (and its reply queued or sent) or is still pending.
    const handled = db.prepare("SELECT COUNT(*) FROM inbox WHERE state = 'done'").pluck().get() as number;
    expect(db.prepare('SELECT COUNT(DISTINCT inbox_id) FROM outbox').pluck().get()).toBe(handled);
    db.close();
    const ledger = Ledger.open(location);
    expect(ledger.events.verify().ok).toBe(true);
    ledger.close();
  });
});
