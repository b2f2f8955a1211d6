import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { ledgerLocation } from '../support/engine.ts';
import { collect } from '../support/spawn.ts';

/**
 * Processes started together on a new PostgreSQL database (compose.postgres.yaml's two bots on their
 * first start, or after an upgrade brings a migration) must not both create the schema: the second
 * waits for the first and finds every migration applied.
 */
describe('migrations on PostgreSQL, from several processes at once', () => {
  it('are applied once, and every process starts on the same schema', async () => {
    const url = ledgerLocation('');
    const migrate = () =>
      collect(
        spawn(process.execPath, [path.join(PROJECT_ROOT, 'src', 'relief-bot.js'), 'migrate'], {
          env: { ...process.env, DATABASE_URL: url },
        }),
      );
    const runs = await Promise.all([migrate(), migrate(), migrate()]);
    for (const run of runs) {
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
    }
    expect(new Set(runs.map((r) => r.stdout)).size).toBe(1);
    expect(runs[0]!.stdout).toMatch(/^schema version \d+\n$/);
  });
});
