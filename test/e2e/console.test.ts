import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { ENGINE, ledgerEnv, ledgerLocation, openRawLedger } from '../support/engine.ts';
import { openRaw, tempDir } from '../support/harness.ts';
import { collect, runCli, startBot } from '../support/spawn.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/** A new ledger of this project's engine: a file, or a database on the test PostgreSQL. */
function newLedger(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return ledgerLocation(t.dir);
}

describe('npm start on the console, input piped', () => {
  it('answers each line, in the chosen language, and exits cleanly at end of input', async () => {
    const location = newLedger();
    const run = await collect(
      startBot({ ...ledgerEnv(location), DEFAULT_LANGUAGE: 'id' }),
      '/start\n/help\n/lang en\n/help\n/bantuan\n',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Halo! Saya bot koordinasi');
    expect(run.stdout).toContain('Yang bisa Anda lakukan di sini');
    expect(run.stdout).toContain('I will speak English with you');
    expect(run.stdout.match(/What you can do here/g)).toHaveLength(2);
    const db = openRawLedger(location, openRaw);
    expect(db.prepare("SELECT COUNT(*) FROM inbox WHERE state = 'done'").pluck().get()).toBe(5);
    expect(db.prepare("SELECT COUNT(*) FROM outbox WHERE state = 'sent'").pluck().get()).toBe(5);
    db.close();
  });

  it('stops at start with one line naming a bad variable', async () => {
    const run = await collect(startBot({ ...ledgerEnv(newLedger()), HTTP_PORT: 'abc' }), '');
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/^relief-bot: Invalid HTTP_PORT="abc"/m);
    expect(
      run.stderr
        .trim()
        .split('\n')
        .filter((l) => l.includes('HTTP_PORT')),
    ).toHaveLength(1);
  });
});

describe('relief-bot verify and migrate', () => {
  it('migrates, then verifies the chain and reports a broken one', { timeout: 300_000 }, async () => {
    const location = newLedger();
    const env = ledgerEnv(location);
    const migrated = await runCli(['migrate'], env);
    expect(migrated.stdout).toMatch(/schema version \d+/);
    await collect(startBot(env), '/lang en\n/lang id\n');
    const ok = await runCli(['verify'], env);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('ok: 2 events checked');

    const db = openRawLedger(location, openRaw);
    db.exec(
      ENGINE === 'postgres'
        ? 'ALTER TABLE events DISABLE TRIGGER events_append_only'
        : 'DROP TRIGGER events_append_only_update',
    );
    db.prepare('UPDATE events SET payload = \'{"lang":"xx"}\' WHERE id = 1').run();
    db.close();
    // The same verb without npx's start-up cost; `npx relief-bot` itself was exercised just above.
    const broken = await collect(
      spawn(process.execPath, ['src/relief-bot.js', 'verify'], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, ...env },
      }),
    );
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('BROKEN at event 1');
  });
});
