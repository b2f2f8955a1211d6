import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.ts';
import { PersonIdSchema } from './core/message.ts';
import { LedgerOpenError, migrate, openDatabase } from './ledger/db.ts';
import { type GrantedRole, Ledger } from './ledger/index.ts';
import { startApp } from './main.ts';

const USAGE = `Usage: relief-bot <command>

  start     run the bot (console chat when no TELEGRAM_BOT_TOKEN / WHATSAPP_ENABLED is set)
  verify    check the ledger's hash chain
  migrate   apply schema migrations and print the schema version
  grant ID ROLE   give a person (telegram:123, whatsapp:62812...@c.us, V-4) the role coordinator or admin
  revoke ID       take a granted role back
`;

type Verb = (args: string[]) => Promise<number>;

const GRANTABLE = ['coordinator', 'admin'] as const;

const verbs: Record<string, Verb> = {
  async grant([target, role]) {
    if (!GRANTABLE.includes(role as (typeof GRANTABLE)[number])) {
      process.stderr.write(USAGE);
      return 2;
    }
    return setRole(target, role as GrantedRole);
  },
  async revoke([target]) {
    return setRole(target, 'anyone');
  },
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

/** `grant`/`revoke` from the shell: the same ledger change and event as /grant in a chat, by actor `cli`. */
function setRole(target: string | undefined, role: GrantedRole): number {
  const config = loadConfig();
  if (!target || !(PersonIdSchema.safeParse(target).success || /^V-\d+$/i.test(target))) {
    process.stderr.write(USAGE);
    return 2;
  }
  const ledger = Ledger.open(config.DATABASE_PATH);
  try {
    const person = /^V-/i.test(target) ? ledger.roles.personOfVolunteer(Number(target.slice(2))) : target;
    if (!person) {
      console.error(`relief-bot: there is no volunteer ${target}`);
      return 1;
    }
    if (role === 'anyone' && config.ADMINS.includes(person)) {
      console.error(`relief-bot: ${person} is an admin through ADMINS; remove it there`);
      return 1;
    }
    const previous = ledger.transaction(() => ledger.roles.set({ id: 'cli', at: Date.now() }, person, role));
    console.log(
      previous === role ? `${person} already has role ${role}` : `${person}: ${previous} -> ${role}`,
    );
    return 0;
  } finally {
    ledger.close();
  }
}

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
