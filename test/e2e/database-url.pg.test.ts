import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { serverUrl } from '../support/postgres.ts';
import { collect } from '../support/spawn.ts';

/**
 * A DATABASE_URL that leads nowhere (no server, a wrong password, no such database) stops the bot and
 * every verb with one line that says why, as a SQLite file that cannot be opened does; never a stack
 * trace, never the password.
 */
const run = (args: string[], url: string) =>
  collect(
    spawn(process.execPath, [path.join(PROJECT_ROOT, 'src', 'relief-bot.js'), ...args], {
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );

/** The run's server URL with some of its parts changed. */
const variant = (parts: Partial<Pick<URL, 'port' | 'password' | 'pathname'>>): string =>
  Object.assign(new URL(serverUrl()), parts).toString();

describe('a DATABASE_URL that cannot be opened', () => {
  const cases = {
    'no server': [variant({ port: '1' }), /connect ECONNREFUSED/],
    'a wrong password': [variant({ password: 'not-the-password-4711' }), /password authentication failed/],
    'no such database': [variant({ pathname: '/no_such_ledger' }), /does not exist/],
  } as const;

  for (const [what, [url, why]] of Object.entries(cases))
    it(`stops start and verify with one line: ${what}`, async () => {
      for (const args of [['start'], ['verify']]) {
        const result = await run(args, url);
        expect(result.code).toBe(1);
        const lines = result.stderr.trim().split('\n');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(
          /^relief-bot: Cannot open the database postgres:\/\/postgres@127\.0\.0\.1:\d+\//,
        );
        expect(lines[0]).toMatch(why);
        for (const password of [new URL(url).password, new URL(serverUrl()).password].filter(Boolean))
          expect(result.stderr).not.toContain(password);
      }
    });
});
