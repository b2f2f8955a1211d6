import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { tempDir } from '../support/harness.ts';
import { collect, startBot } from '../support/spawn.ts';

/**
 * The console as a rehearsal room (issue 18), through `npm start` as README tells a trainer: several
 * people and groups in one session, every message labelled with who receives it.
 */

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function dbFile(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return path.join(t.dir, 'relief.db');
}

const cli = (args: string[], env: Record<string, string> = {}) =>
  collect(
    spawn(process.execPath, ['src/relief-bot.js', ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATABASE_PATH: dbFile(), ...env },
    }),
  );

/** The block printed for one recipient, from its `→` line to the blank line after it. */
function blocksFor(stdout: string, recipient: string): string[] {
  return stdout
    .split('\n\n')
    .map((b) => b.trim())
    .filter((b) => b.split('\n').some((l) => l.startsWith(`→ ${recipient}`)));
}

describe('the console rehearsal room', () => {
  it('switches people and groups, and labels every message with its recipient', async () => {
    const script = [
      '@as koor',
      '@group Posko Imogiri',
      '/register supply,rescue Imogiri',
      '@as siti',
      '/need 20 water for 6 people @ Imogiri',
      '@as koor',
      '/verify R-1',
      '/broadcast all Clean water at Posko Imogiri from 14:00',
    ].join('\n');
    const run = await collect(
      startBot({ DATABASE_PATH: dbFile(), ADMINS: 'console:koor', DEFAULT_LANGUAGE: 'en' }),
      `${script}\n`,
    );
    expect(run.code).toBe(0);
    // The registration answers inside the group; the request reaches the coordinator privately, labelled.
    expect(blocksFor(run.stdout, '[Posko Imogiri]').join('\n')).toContain('This group is now G-1');
    expect(blocksFor(run.stdout, 'siti').join('\n')).toContain('R-1');
    const coordinator = blocksFor(run.stdout, 'koor (coordinator)').join('\n');
    expect(coordinator).toContain('R-1');
    // The verified request and the broadcast go to the group, shown while koor speaks.
    const group = blocksFor(run.stdout, '[Posko Imogiri]').join('\n');
    expect(group).toContain('20 water');
    expect(group).toContain('Clean water at Posko Imogiri from 14:00');
    // Siti is told of the verification while koor is speaking: still printed, labelled for her.
    expect(blocksFor(run.stdout, 'siti').length).toBeGreaterThanOrEqual(2);
    // Piped lines are echoed with the speaker, so a transcript reads as the conversation.
    expect(run.stdout).toContain('koor [Posko Imogiri]> /register supply,rescue Imogiri');
    expect(run.stdout).toContain('siti> /need 20 water for 6 people @ Imogiri');
  });

  it('labels a coordinator from ADMINS before they ever wrote, and lists a group by its name', async () => {
    const script = [
      '@as siti',
      '/need 20 water for 6 people @ Imogiri',
      '@as koor',
      '@group Posko Imogiri',
      '/register supply',
      '/groups',
    ].join('\n');
    const run = await collect(
      startBot({ DATABASE_PATH: dbFile(), ADMINS: 'console:koor', DEFAULT_LANGUAGE: 'en' }),
      `${script}\n`,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/^→ koor$/m);
    expect(blocksFor(run.stdout, 'koor (coordinator)').join('\n')).toContain('R-1');
    expect(run.stdout).toMatch(/G-1 Posko Imogiri/);
  });

  it('plays the flood-morning drill end to end with `relief-bot drill`', async () => {
    const run = await cli(['drill']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('S-1');
    expect(run.stdout).toContain('→ [Posko Imogiri]');
    expect(run.stdout).toContain('→ rina (volunteer)');
    expect(run.stdout).toMatch(/B-1 terkirim/);
    expect(run.stdout).not.toContain('Saya tidak mengerti');
    expect(run.stdout).not.toMatch(/hanya untuk (relawan|koordinator)/);
  });

  it('plays in English once its people choose English and skip in English, as README says', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const english = path.join(t.dir, 'drill-en.txt');
    const script = readFileSync(path.join(PROJECT_ROOT, 'data', 'drill', 'flood-morning.txt'), 'utf8');
    writeFileSync(english, script.replaceAll('/lang id', '/lang en').replace(/^lewati$/gm, 'skip'));
    const run = await cli(['drill', english]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('B-1 delivered');
    expect(run.stdout).not.toMatch(/understand|is only for|could not match/);
  });

  it('says why it stops when there is no transport and no console input, and fails', async () => {
    const run = await collect(startBot({ DATABASE_PATH: dbFile() }), '');
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/no transport configured .* the console got no input/);
  });
});

describe('the command line answers a request for help', () => {
  it.each([['help'], ['--help'], ['-h']])('relief-bot %s prints the usage and exits 0', async (arg) => {
    const r = await cli([arg]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: relief-bot <command>/);
    expect(r.stdout).toContain('export --what');
    expect(r.stderr).toBe('');
  });
});

describe('the command line says one clear line where it fails', () => {
  it('a bare relief-bot, an unknown verb and a bad grant each exit non-zero with a reason', async () => {
    const bare = await cli([]);
    expect(bare.code).toBe(2);
    expect(bare.stderr.split('\n')[0]).toBe(
      'relief-bot: which command? (start, drill, verify, migrate, purge, grant, revoke, dashboard-link, export, copy-ledger)',
    );
    const unknown = await cli(['strat']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "strat"');
    const nobody = await cli(['grant', 'nobody', 'coordinator']);
    expect(nobody.code).toBe(2);
    expect(nobody.stderr.trim().split('\n')).toEqual([expect.stringContaining('"nobody" is not a person')]);
    const role = await cli(['grant', 'telegram:5', 'boss']);
    expect(role.code).toBe(2);
    expect(role.stderr).toContain('the role must be coordinator or admin');
  });

  it('grant takes a bare WhatsApp number as the person WhatsApp names', async () => {
    const run = await cli(['grant', '+62 812-3456-7890', 'coordinator']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('whatsapp:6281234567890@c.us: anyone -> coordinator');
  });

  it('an invalid Telegram token stops the start with one line, no stack trace', async () => {
    const { FakeBotApi } = await import('../support/fake-bot-api.ts');
    const api = await FakeBotApi.start('123:good');
    cleanups.push(() => void api.close());
    const run = await cli(['start'], {
      TELEGRAM_BOT_TOKEN: '123:bad',
      TELEGRAM_API_ROOT: api.apiRoot,
      HTTP_PORT: '0',
    });
    expect(run.code).toBe(1);
    // Structured logs may precede it; the reason is one line of its own, and no stack trace follows.
    const plain = run.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('{'));
    expect(plain).toEqual([
      expect.stringMatching(/^relief-bot: Telegram refused TELEGRAM_BOT_TOKEN \(40[14]/),
    ]);
  });
});
