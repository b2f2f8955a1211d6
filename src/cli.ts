import { createReadStream, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, ledgerLocation, loadAreaDefs, loadConfig, PROJECT_ROOT } from './config.ts';
import { Areas } from './domain/areas.ts';
import { identityOf, NOT_A_PERSON } from './domain/person-identity.ts';
import { roleAllows, roleOfPerson } from './engine/command.ts';
import { httpServed, signInLink } from './engine/dashboard.ts';
import { StartError } from './engine/errors.ts';
import { buildExport, parseExportArgs } from './export/index.ts';
import { CopyRefused, copyLedger } from './ledger/copy-ledger.ts';
import { LedgerOpenError } from './ledger/db.ts';
import { type GrantedRole, Ledger } from './ledger/index.ts';
import { isPostgresUrl, withoutPassword } from './ledger/postgres.ts';
import { installErrorPolicy, startApp } from './main.ts';

const USAGE = `Usage: relief-bot <command>

  help      print this text

  start     run the bot (console chat when no TELEGRAM_BOT_TOKEN / WHATSAPP_ENABLED is set)
  drill [FILE]    play a drill script on the console with a fresh ledger (default: a flood morning)
  verify    check the ledger's hash chain
  migrate   apply schema migrations and print the schema version
  purge     run the retention purge now (RETENTION_DAYS) and print what it erased
  grant ID ROLE   give a person (telegram:123, whatsapp:62812...@c.us, V-4) the role coordinator or admin
  revoke ID       take a granted role back
  copy-ledger --to postgres://USER:PASSWORD@HOST/DATABASE [--from FILE]
                  copy the SQLite ledger (DATABASE_PATH, or FILE) into an empty PostgreSQL
                  database, history and hash chain included; stop the bot first
  dashboard-link ID
                  print a single-use sign-in link (10 minutes) to the dashboard for a coordinator
  export --what requests|rescues|volunteers|groups|broadcasts|events
         [--format csv|hxl|json|geojson] [--area AREA] [--status STATUS] [--since 2026-12-01|24h]
         [--out FILE] [--include-personal]
                  write an export to FILE (default: standard output); personal data only when asked
`;

type Verb = (args: string[]) => Promise<number>;

const GRANTABLE = ['coordinator', 'admin'] as const;

const verbs: Record<string, Verb> = {
  async grant([target, role]) {
    if (!GRANTABLE.includes(role as (typeof GRANTABLE)[number])) {
      console.error(
        `relief-bot: grant: the role must be coordinator or admin, not ${JSON.stringify(role ?? '')}`,
      );
      return 2;
    }
    return setRole(target, role as GrantedRole);
  },
  async revoke([target]) {
    return setRole(target, 'anyone');
  },
  /** What `/dashboard` gives in a chat, for an operator at the shell: the same link, bound to that coordinator. */
  async 'dashboard-link'([target]) {
    const config = loadConfig();
    const named = personIdOf(target ?? '');
    if (!target || 'refused' in named) {
      const why = 'refused' in named ? named.refused : NOT_A_PERSON.malformed;
      console.error(`relief-bot: dashboard-link: ${JSON.stringify(target ?? '')} ${why}`);
      return 2;
    }
    const ledger = Ledger.open(ledgerLocation(config), config.DATA_DIR);
    try {
      const id = /^V-/i.test(named.id) ? ledger.roles.personOfVolunteer(Number(named.id.slice(2))) : named.id;
      const person = id === undefined ? undefined : ledger.people.get(id);
      // Someone named in ADMINS is an admin before their first message gives them a row.
      const coordinator =
        id !== undefined &&
        (config.ADMINS.includes(id) ||
          (person !== undefined && roleAllows(roleOfPerson(ledger, config.ADMINS, person), 'coordinator')));
      if (!coordinator) {
        console.error(`relief-bot: dashboard-link: ${target} is not a coordinator (grant the role first)`);
        return 1;
      }
      const lang = person?.language ?? config.DEFAULT_LANGUAGE;
      const link = ledger.transaction(() => signInLink(ledger, config, id, lang, Date.now()));
      console.log(link);
      if (!httpServed(config))
        console.error('relief-bot: the dashboard is served only while the bot runs with HTTP_PORT set');
      return 0;
    } finally {
      ledger.close();
    }
  },
  async export(args) {
    const parsed = parseExportArgs(args);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      process.stderr.write(
        `relief-bot: export: ${issue?.path.join('.') || 'options'}: ${issue?.message}\n${USAGE}`,
      );
      return 2;
    }
    const options = parsed.data;
    const config = loadConfig();
    if (options.area) {
      const found = new Areas(loadAreaDefs(config.AREAS)).lookup(options.area);
      if (!('area' in found)) {
        console.error(`relief-bot: export: unknown or ambiguous area ${JSON.stringify(options.area)}`);
        return 2;
      }
      options.area = found.area.path;
    }
    const ledger = Ledger.open(ledgerLocation(config), config.DATA_DIR);
    try {
      const now = Date.now();
      const { file, count } = buildExport(ledger, options, now);
      // Whoever runs this has the database file anyway; the event records that personal data left it.
      if (options.includePersonal)
        ledger.transaction(() =>
          ledger.exports.recordPersonalExport(
            { id: 'cli', at: now },
            { what: options.what, format: options.format, count },
          ),
        );
      if (options.out) {
        writeFileSync(options.out, file.content);
        console.error(`exported ${count} ${options.what} to ${options.out}`);
      } else process.stdout.write(file.content);
      return 0;
    } finally {
      ledger.close();
    }
  },
  async 'copy-ledger'(args) {
    const option = (name: string) => {
      const at = args.indexOf(name);
      return at < 0 ? undefined : args[at + 1];
    };
    const to = option('--to');
    if (!to || !isPostgresUrl(to)) {
      process.stderr.write(`relief-bot: copy-ledger: --to must name a postgres:// database\n${USAGE}`);
      return 2;
    }
    const from = option('--from') ?? loadConfig().DATABASE_PATH;
    const where = withoutPassword(to);
    let copied: ReturnType<typeof copyLedger>;
    try {
      copied = copyLedger(from, to);
    } catch (err) {
      if (!(err instanceof CopyRefused)) throw err;
      console.error(`relief-bot: copy-ledger: ${where}: ${err.message}`);
      return 1;
    }
    for (const t of copied.tables) console.log(`  ${t.name}: ${t.rows}`);
    // The proof is read back from the copy, as `relief-bot verify` would read it there.
    const ledger = Ledger.open(to);
    try {
      const result = ledger.events.verify();
      const same = copied.sourceHead === copied.targetHead;
      if (!result.ok || !same) {
        console.error(
          `relief-bot: copy-ledger: the copy at ${where} does not verify: ${result.ok ? 'its head hash differs' : `event ${result.id}: ${result.reason}`}`,
        );
        return 1;
      }
      console.log(
        `copied ${from} to ${where} (schema version ${copied.schemaVersion}): ${result.checked} events verified, head ${copied.targetHead ?? '(no events)'} as in the source`,
      );
      return 0;
    } finally {
      ledger.close();
    }
  },
  async start() {
    const app = await startApp(loadConfig());
    installErrorPolicy(app);
    const stop = (signal: string) => void app.stop(signal).then(() => process.exit(0));
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
    return -1;
  },
  async verify() {
    const config = loadConfig();
    const ledger = Ledger.open(ledgerLocation(config), config.DATA_DIR);
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
  async purge() {
    const config = loadConfig();
    const ledger = Ledger.open(ledgerLocation(config), config.DATA_DIR);
    try {
      const now = Date.now();
      const cutoff = now - config.RETENTION_DAYS * 86_400_000;
      const counts = ledger.transaction(() => ledger.housekeeping.purge({ id: 'cli', at: now }, cutoff));
      console.log(`erased personal data finished before ${new Date(cutoff).toISOString()}:`);
      for (const [what, n] of Object.entries(counts)) console.log(`  ${what}: ${n}`);
      return 0;
    } finally {
      ledger.close();
    }
  },
  /**
   * A drill on the console: a fresh ledger in a temporary folder, `console:koor` as the coordinator, and
   * the script's lines played one by one (default: data/drill/flood-morning.txt, a flood morning).
   */
  async drill([file]) {
    const script = file ?? path.join(PROJECT_ROOT, 'data', 'drill', 'flood-morning.txt');
    if (!existsSync(script)) {
      console.error(`relief-bot: drill: no script at ${script}`);
      return 2;
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'relief-drill-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const config = loadConfig({
      DATABASE_PATH: path.join(dir, 'drill.db'),
      ADMINS: 'console:koor',
      DEFAULT_LANGUAGE: process.env.DEFAULT_LANGUAGE ?? 'id',
      TZ: process.env.TZ ?? 'Asia/Jakarta',
    });
    await startApp(config, { stdin: createReadStream(script) });
    return -1;
  },
  async migrate() {
    // Opening the ledger applies every pending migration.
    const config = loadConfig();
    const ledger = Ledger.open(ledgerLocation(config), config.DATA_DIR);
    try {
      console.log(`schema version ${ledger.schemaVersion}`);
      return 0;
    } finally {
      ledger.close();
    }
  },
};

/**
 * A person as the shell names them: a person id, a volunteer `V-4`, or a bare WhatsApp number
 * (`6281234567890`, `+62 812-3456-7890`, `whatsapp:6281234567890`), which is the `@c.us` id WhatsApp uses.
 */
function personIdOf(target: string): { id: string } | { refused: string } {
  const t = target.trim();
  if (/^V-\d+$/i.test(t)) return { id: t.toUpperCase() };
  const identity = identityOf(/^\+?[\d\s-]{8,20}$/.test(t) ? `whatsapp:${t}` : t);
  return identity.person ? { id: identity.id } : { refused: NOT_A_PERSON[identity.what] };
}

/** `grant`/`revoke` from the shell: the same ledger change and event as /grant in a chat, by actor `cli`. */
function setRole(target: string | undefined, role: GrantedRole): number {
  const config = loadConfig();
  const named = personIdOf(target ?? '');
  if (!target || 'refused' in named) {
    const why = 'refused' in named ? named.refused : NOT_A_PERSON.malformed;
    console.error(
      `relief-bot: ${role === 'anyone' ? 'revoke' : 'grant'}: ${JSON.stringify(target ?? '')} ${why}`,
    );
    return 2;
  }
  const id = named.id;
  const ledger = Ledger.open(ledgerLocation(config), config.DATA_DIR);
  try {
    const person = /^V-/i.test(id) ? ledger.roles.personOfVolunteer(Number(id.slice(2))) : id;
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
  // Everything after the verb is the verb's own (export takes --flags, grant takes positionals).
  // Asking for help is not a mistake: the usage goes to standard output and the exit code is 0.
  if (argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    process.stdout.write(USAGE);
    return 0;
  }
  const at = argv.findIndex((a) => !a.startsWith('-'));
  if (at < 0) {
    process.stderr.write(
      `relief-bot: which command? (start, drill, verify, migrate, purge, grant, revoke, dashboard-link, export, copy-ledger)\n${USAGE}`,
    );
    return 2;
  }
  const verb = argv[at]!;
  const rest = argv.slice(at + 1);
  const run = verbs[verb];
  if (!run) {
    process.stderr.write(`relief-bot: unknown command ${JSON.stringify(verb)}\n${USAGE}`);
    return 2;
  }
  return run(rest);
}

// No top-level await: the bundle is a CommonJS script, which V8 can cache compiled (src/relief-bot.js).
main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof ConfigError || err instanceof LedgerOpenError || err instanceof StartError) {
      process.stderr.write(`relief-bot: ${err.message}\n`);
      // A transport that failed to start leaves timers and the other transports running: end here.
      process.exit(1);
    }
    // Out of the promise, as top-level code would throw it: an uncaught exception, not a rejection.
    process.nextTick(() => {
      throw err;
    });
  },
);
