import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { ENGINE, ledgerEnv, ledgerLocation, openRawLedger } from '../support/engine.ts';
import { Harness, openRaw, tempDir } from '../support/harness.ts';
import { collect } from '../support/spawn.ts';

/** `relief-bot ARGS` as `npx relief-bot` runs it (the package's bin), without npx's second or so per run. */
const runCli = (args: string[], env: Record<string, string>) =>
  collect(
    spawn(process.execPath, [path.join(PROJECT_ROOT, 'src', 'relief-bot.js'), ...args], {
      env: { ...process.env, ...env },
    }),
  );

/**
 * Every verb of `relief-bot` on the engine of this project: SQLite by DATABASE_PATH, PostgreSQL by
 * DATABASE_URL (vitest.config.ts runs this file in both projects). `copy-ledger` has its own file.
 */

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

const COORDINATOR = 'telegram:900';
const PHONE = '081298765432';

/** A ledger with a little history, written by the real core; closed, as the bot would be before a verb. */
function ledgerWithHistory(): { location: string; env: Record<string, string>; dir: string } {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const location = ledgerLocation(t.dir);
  const h = new Harness({ ADMINS: COORDINATOR }, undefined, location);
  // Three days ago by the real clock, which the verbs read.
  h.clock.now = Date.now() - 3 * 86_400_000;
  h.grant(COORDINATOR, 'coordinator');
  h.send('telegram:500', `/need 20 water, 5 kg rice @ Imogiri`);
  h.send('telegram:500', '12');
  h.send('telegram:600', `/sos -7.93,110.40 3 orang, hp ${PHONE}`);
  h.send(COORDINATOR, '/verify R-1 ok');
  h.send(COORDINATOR, '/close R-1 delivered');
  h.close();
  return { location, env: ledgerEnv(location), dir: t.dir };
}

describe(`relief-bot's verbs on ${ENGINE}`, () => {
  it('migrate and verify: the schema version, the chain checked, an altered event found', async () => {
    const { env, location } = ledgerWithHistory();
    const migrated = await runCli(['migrate'], env);
    expect(migrated.stdout).toMatch(/^schema version \d+/);
    const ok = await runCli(['verify'], env);
    expect(ok.stdout).toMatch(/^ok: \d+ events checked, the chain is intact/);
    expect(ok.code).toBe(0);
    // Past the append-only trigger, as someone with the database's owner rights could go.
    const db = openRawLedger(location, openRaw);
    db.exec(
      ENGINE === 'postgres'
        ? 'ALTER TABLE events DISABLE TRIGGER events_append_only'
        : 'DROP TRIGGER events_append_only_update',
    );
    db.prepare('UPDATE events SET payload = ? WHERE id = 2').run('{"people":1}');
    db.close();
    const broken = await runCli(['verify'], env);
    expect(broken.stdout).toContain('BROKEN at event 2 (after 1 good events)');
    expect(broken.code).toBe(1);
  });

  it('grant and revoke change the role, each with an event by cli', async () => {
    const { env } = ledgerWithHistory();
    const granted = await runCli(['grant', 'telegram:42', 'coordinator'], env);
    expect(granted.stdout).toContain('telegram:42: anyone -> coordinator');
    const again = await runCli(['grant', 'telegram:42', 'coordinator'], env);
    expect(again.stdout).toContain('telegram:42 already has role coordinator');
    const revoked = await runCli(['revoke', 'telegram:42'], env);
    expect(revoked.stdout).toContain('telegram:42: coordinator -> anyone');
    const events = await runCli(['export', '--what', 'events', '--format', 'json'], env);
    const roles = (
      JSON.parse(events.stdout) as { records: { actor: string; kind: string }[] }
    ).records.filter((e) => e.actor === 'cli');
    expect(roles.map((e) => e.kind)).toEqual(['person.role', 'person.role']);
  });

  it('export writes every kind of record in every format, personal data only when asked', async () => {
    const { env, dir } = ledgerWithHistory();
    // Each kind once, the formats spread over them (a run of the command line costs about a second).
    const runs = [
      ['requests', 'hxl'],
      ['requests', 'geojson'],
      ['rescues', 'geojson'],
      ['volunteers', 'csv'],
      ['groups', 'json'],
      ['broadcasts', 'csv'],
      ['events', 'json'],
    ];
    for (const [what, format] of runs) {
      const run = await runCli(['export', '--what', what!, '--format', format!], env);
      expect({ what, format, code: run.code, stderr: run.stderr }).toEqual({
        what,
        format,
        code: 0,
        stderr: '',
      });
      expect(run.stdout.length).toBeGreaterThan(0);
      expect(run.stdout).not.toContain(PHONE.slice(1));
    }
    const requests = await runCli(
      ['export', '--what', 'requests', '--format', 'json', '--area', 'Imogiri'],
      env,
    );
    expect(JSON.parse(requests.stdout)).toMatchObject({ count: 1, filters: { area: 'DIY/Bantul/Imogiri' } });
    const out = path.join(dir, 'rescues.csv');
    const personal = await runCli(
      ['export', '--what', 'rescues', '--format', 'csv', '--include-personal', '--out', out],
      env,
    );
    expect(personal.stderr).toContain(`exported 1 rescues to ${out}`);
    expect(readFileSync(out, 'utf8')).toContain(PHONE.slice(1));
    const events = await runCli(['export', '--what', 'events', '--format', 'json'], env);
    expect(events.stdout).toContain('export.personal');
  });

  it('purge erases what finished before the retention period and verify still passes', async () => {
    const { env } = ledgerWithHistory();
    // R-1 closed three days ago, past a retention of one day; S-1 is still open.
    const purged = await runCli(['purge'], { ...env, RETENTION_DAYS: '1' });
    expect(purged.stdout).toMatch(/^erased personal data finished before /);
    expect(purged.stdout).toMatch(/ requests: 1\n/);
    expect(purged.stdout).toMatch(/ rescues: 0\n/);
    expect(purged.code).toBe(0);
    const verify = await runCli(['verify'], env);
    expect(verify.code).toBe(0);
  });

  it('dashboard-link signs in a coordinator of this ledger; drill plays on a ledger of its own', async () => {
    const { env } = ledgerWithHistory();
    const served = { ...env, PUBLIC_URL: 'https://relief.example.org', HTTP_PORT: '8080' };
    const link = await runCli(['dashboard-link', COORDINATOR], served);
    expect(link.stderr).toBe('');
    expect(link.stdout).toMatch(/^https:\/\/relief\.example\.org\/dashboard\/signin\?lang=\w+#[\w-]{43}\n$/);
    expect((await runCli(['dashboard-link', 'telegram:500'], served)).stderr).toContain(
      'is not a coordinator',
    );

    const before = await runCli(['export', '--what', 'events', '--format', 'json'], env);
    const drill = await runCli(['drill'], { ...env, LOG_LEVEL: 'warn' });
    expect(drill.code).toBe(0);
    expect(drill.stdout).toContain('S-1');
    // The configured ledger, whichever engine, is not the drill's: nothing was written to it.
    const after = await runCli(['export', '--what', 'events', '--format', 'json'], env);
    const count = (run: { stdout: string }) => (JSON.parse(run.stdout) as { count: number }).count;
    expect(count(after)).toBe(count(before));
  });
});
