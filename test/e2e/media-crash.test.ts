import { existsSync, readdirSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ledgerEnv } from '../support/engine.ts';
import { runCli, signalBot } from '../support/spawn.ts';
import { query, startWithFake, stopAll } from '../support/telegram-bot.ts';

afterEach(stopAll);

const ana = { id: 42, is_bot: false as const, first_name: 'Ana' };

describe('a crash between a download and its commit', () => {
  it('leaves a file no row names, never sent to anyone, and relief-bot purge sweeps it', async () => {
    const run = await startWithFake({ DEFAULT_LANGUAGE: 'en' });
    const { fake, bot, dbPath } = run;
    const dir = path.join(path.dirname(dbPath), 'media');
    // One batch of two: the first file is downloaded and stored; the second download never ends, so
    // the batch is not committed when the process dies.
    const stalled = fake.addFile(Buffer.from('a second voice note'));
    fake.holdFile(stalled.file_id);
    fake.message(ana, { voice: fake.addFile(Buffer.from('a voice note from a flooded street')) });
    fake.message(ana, { voice: stalled });
    await fake.waitFor(() => fake.callsOf('file').length === 2, 60_000);
    await fake.waitFor(() => existsSync(dir) && readdirSync(dir).some((f) => /^[0-9a-f]{64}$/.test(f)));
    expect(await signalBot(bot, 'SIGKILL')).toBe(true);

    const [orphan] = readdirSync(dir).filter((f) => /^[0-9a-f]{64}$/.test(f));
    expect(query<number>(dbPath, 'SELECT COUNT(*) FROM attachments')).toBe(0);
    expect(query<number>(dbPath, 'SELECT COUNT(*) FROM inbox')).toBe(0);
    // Never served: nothing queued names it, and no send carried it.
    expect(query<number>(dbPath, "SELECT COUNT(*) FROM outbox WHERE extra LIKE '%media%'")).toBe(0);
    expect(fake.callsOf('sendVoice')).toHaveLength(0);

    // A young file may be a download whose commit is on its way: left alone.
    const env = { ...ledgerEnv(dbPath), RETENTION_DAYS: '30' };
    const young = await runCli(['purge'], env);
    expect(young.stdout).toContain('mediaOrphans: 0');
    expect(existsSync(path.join(dir, orphan!))).toBe(true);
    const hoursAgo = new Date(Date.now() - 2 * 3_600_000);
    utimesSync(path.join(dir, orphan!), hoursAgo, hoursAgo);
    const old = await runCli(['purge'], env);
    expect(old.code).toBe(0);
    expect(old.stdout).toContain('mediaOrphans: 1');
    expect(old.stdout).toMatch(/mediaBytes: [1-9]/);
    expect(existsSync(path.join(dir, orphan!))).toBe(false);
  });
});
