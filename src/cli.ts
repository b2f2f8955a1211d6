import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.ts';
import { LedgerOpenError, migrate, openDatabase } from './ledger/db.ts';
import { Ledger } from './ledger/index.ts';
import { startApp } from './main.ts';

const USAGE = `Usage: relief-bot <command>

  start     run the bot (console chat when no TELEGRAM_BOT_TOKEN / WHATSAPP_ENABLED is set)
  verify    check the ledger's hash chain
  migrate   apply schema migrations and print the schema version
`;

type Verb = (args: string[]) => Promise<number>;

const verbs: Record<string, Verb> = {
  async start() {
    const app = await startApp(loadConfig());
    const stop = (signal: string) => void app.stop(signal).then(() => process.exit(0));
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
    return -1;
  },
  async verify() {
    const ledger = Ledger.open(loadConfig().DATABASE_PATH);
    try {
      const result = ledger.events.verify();
      if (result.ok) {
        console.log(`ok: ${result.checked} events checked, the chain is intact`);
        return 0;
      }
      console.log(`BROKEN at event ${result.id} (after ${result.checked} good events): ${result.reason}`);
      return 1;
    } finally {
      ledger.close();
    }
  },
  async migrate() {
    const db = openDatabase(loadConfig().DATABASE_PATH);
    try {
      console.log(`schema version ${migrate(db)}`);
      return 0;
    } finally {
      db.close();
    }
  },
};

async function main(argv: string[]): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: false });
  const [verb = 'start', ...rest] = positionals;
  const run = verbs[verb];
  if (!run) {
    process.stderr.write(USAGE);
    return 2;
  }
  return run(rest);
}

try {
  const code = await main(process.argv.slice(2));
  if (code >= 0) process.exitCode = code;
} catch (err) {
  if (err instanceof ConfigError || err instanceof LedgerOpenError) {
    process.stderr.write(`relief-bot: ${err.message}\n`);
    process.exitCode = 1;
  } else {
    throw err;
  }
}
