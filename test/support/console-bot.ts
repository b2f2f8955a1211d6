import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { tempDir } from './harness.ts';
import { signalBot, startBot } from './spawn.ts';
import { freePort } from './telegram-bot.ts';

/**
 * `npm start` on the console with HTTP_PORT set, as README tells a coordinator to try the dashboard:
 * `console:koor` is the admin, lines are typed into its standard input and its output read back.
 */
export class ConsoleBot {
  private out = '';
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
    readonly dbPath: string,
    private readonly cleanup: () => void,
  ) {
    child.stdout?.on('data', (d: Buffer) => {
      this.out += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => {
      this.out += d.toString();
    });
  }

  /** `env` may name the DATABASE_PATH and HTTP_PORT of a bot stopped before (a restart). */
  static async start(env: Record<string, string> = {}): Promise<ConsoleBot> {
    const tmp = tempDir();
    const port = env.HTTP_PORT ? Number(env.HTTP_PORT) : await freePort();
    const dbPath = env.DATABASE_PATH ?? path.join(tmp.dir, 'relief.db');
    const child = startBot({
      DATABASE_PATH: dbPath,
      ADMINS: 'console:koor',
      DEFAULT_LANGUAGE: 'en',
      HTTP_PORT: String(port),
      HTTP_HOST: '127.0.0.1',
      ...env,
    });
    const bot = new ConsoleBot(child, port, dbPath, tmp.cleanup);
    await bot.until(async () => {
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      return ok ? true : undefined;
    }, 30_000);
    return bot;
  }

  get printed(): string {
    return this.out;
  }

  /** Types lines and waits until what the bot prints after them matches `expect`. */
  async say(lines: string, expect: RegExp): Promise<string> {
    const from = this.out.length;
    this.child.stdin?.write(`${lines}\n`);
    return this.until(() => expect.exec(this.out.slice(from))?.[0]);
  }

  async until<T>(found: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const value = await found();
      if (value !== undefined) return value;
      if (Date.now() > end) throw new Error(`not found in time; the bot printed:\n${this.out.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Stops the bot; its ledger is removed unless a restart is to use it (`keepLedger`). */
  async stop({ keepLedger = false } = {}): Promise<void> {
    this.child.stdin?.end();
    await signalBot(this.child, 'SIGTERM');
    if (!keepLedger) this.cleanup();
  }
}
