import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { tempDir } from '../support/harness.ts';
import { collect, runCli, startBot } from '../support/spawn.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function dbFile(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return path.join(t.dir, 'relief.db');
}

describe('npm start on the console, input piped', () => {
  it('answers each line, in the chosen language, and exits cleanly at end of input', async () => {
    const DATABASE_PATH = dbFile();
    const run = await collect(
      startBot({ DATABASE_PATH, DEFAULT_LANGUAGE: 'id' }),
      '/start\n/help\n/lang en\n/help\n/bantuan\n',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Halo! Saya bot koordinasi');
    expect(run.stdout).toContain('Yang bisa Anda lakukan di sini');
    expect(run.stdout).toContain('I will speak English with you');
    expect(run.stdout.match(/What you can do here/g)).toHaveLength(2);
    const db = new Database(DATABASE_PATH, { readonly: true });
    expect(db.prepare("SELECT COUNT(*) FROM inbox WHERE state = 'done'").pluck().get()).toBe(5);
    expect(db.prepare("SELECT COUNT(*) FROM outbox WHERE state = 'sent'").pluck().get()).toBe(5);
    db.close();
  });

  it('stops at start with one line naming a bad variable', async () => {
    const run = await collect(startBot({ DATABASE_PATH: dbFile(), HTTP_PORT: 'abc' }), '');
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
    const DATABASE_PATH = dbFile();
    const migrated = await runCli(['migrate'], { DATABASE_PATH });
    expect(migrated.stdout).toMatch(/schema version \d+/);
    await collect(startBot({ DATABASE_PATH }), '/lang en\n/lang id\n');
    const ok = await runCli(['verify'], { DATABASE_PATH });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('ok: 2 events checked');

    const db = new Database(DATABASE_PATH);
    db.exec('DROP TRIGGER events_append_only_update');
    db.prepare('UPDATE events SET payload = \'{"lang":"xx"}\' WHERE id = 1').run();
    db.close();
    // The same verb without npx's start-up cost; `npx relief-bot` itself was exercised just above.
    const broken = await collect(
      spawn(process.execPath, ['src/relief-bot.js', 'verify'], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, DATABASE_PATH },
      }),
    );
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('BROKEN at event 1');
  });
});
