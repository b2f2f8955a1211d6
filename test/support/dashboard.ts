import { PassThrough } from 'node:stream';
import { loadConfig, ledgerLocation as locationOf } from '../../src/config.ts';
import { isPostgresUrl } from '../../src/ledger/postgres.ts';
import { type App, startApp } from '../../src/main.ts';
import { ledgerLocation } from './engine.ts';
import { silentLog, tempDir } from './harness.ts';
import { freePort } from './telegram-bot.ts';

/**
 * The bot in this process as the console demo with HTTP_PORT set (the dashboard served), `console:koor`
 * its admin: lines go in as typed at the console, and what it prints is read back.
 */
export class ConsoleWithDashboard {
  private out = '';
  private constructor(
    readonly app: App,
    private readonly input: PassThrough,
    readonly port: number,
    private readonly cleanup: () => void,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<ConsoleWithDashboard> {
    const tmp = tempDir();
    const port = await freePort();
    const config = loadConfig(
      {
        ...ledgerEnv(ledgerLocation(tmp.dir)),
        ADMINS: 'console:koor',
        DEFAULT_LANGUAGE: 'en',
        HTTP_PORT: String(port),
        HTTP_HOST: '127.0.0.1',
        ...env,
      },
      '/nonexistent',
    );
    const input = new PassThrough();
    const output = new PassThrough();
    const app = await startApp(config, { stdin: input, stdout: output, log: silentLog });
    const bot = new ConsoleWithDashboard(app, input, port, tmp.cleanup);
    output.on('data', (d: Buffer) => {
      bot.out += d.toString();
    });
    return bot;
  }

  /** Where its ledger is (a file, or a PostgreSQL URL in the PostgreSQL project). */
  get location(): string {
    return locationOf(this.app.config);
  }

  get base(): string {
    return `http://127.0.0.1:${this.port}/dashboard`;
  }

  /** Everything printed so far. */
  get printed(): string {
    return this.out;
  }

  /** Types lines at the console and waits until what follows them matches `expect`. */
  async say(lines: string, expect: RegExp): Promise<string> {
    const from = this.out.length;
    this.input.write(`${lines}\n`);
    return this.until(() => expect.exec(this.out.slice(from))?.[0]);
  }

  async until<T>(found: () => T | undefined, timeoutMs = 10_000): Promise<T> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const value = found();
      if (value !== undefined) return value;
      if (Date.now() > end)
        throw new Error(`not found in time; the console printed:\n${this.out.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** `/dashboard` from `who` at the console: the sign-in link it answers with. */
  async link(who = 'koor'): Promise<string> {
    return this.say(`@as ${who}\n/dashboard`, /https?:\/\/\S+#[\w-]{43}/);
  }

  async stop(): Promise<void> {
    this.input.end();
    await this.app.stop('test');
    this.cleanup();
  }
}

/** The setting that puts the ledger at `location`: a SQLite file, or a PostgreSQL database. */
export const ledgerEnv = (location: string): Record<string, string> =>
  isPostgresUrl(location) ? { DATABASE_URL: location } : { DATABASE_PATH: location };

export const tokenOf = (link: string) => link.slice(link.indexOf('#') + 1);

/** Posts a link's token as the sign-in page does; the session cookie on success. */
export async function signIn(
  base: string,
  token: string,
): Promise<{ status: number; cookie?: string; setCookie: string; text: string }> {
  const res = await fetch(`${base}/signin`, {
    method: 'POST',
    body: new URLSearchParams({ token, lang: 'en' }),
    redirect: 'manual',
  });
  const setCookie = res.headers.get('set-cookie') ?? '';
  const cookie = /^(relief_dashboard=[^;]+)/.exec(setCookie)?.[1];
  return { status: res.status, setCookie, text: await res.text(), ...(cookie ? { cookie } : {}) };
}
