import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { tempDir } from '../support/harness.ts';

/**
 * src/relief-bot.js, what `npm start` and the Docker image run: the bundle compiled with the code
 * cache the build wrote, and a cache that does not fit is rejected, the bot runs anyway, and the cache
 * is written anew for the next start.
 */

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function run(root: string, args: string[]) {
  const { LOG_LEVEL: _, NODE_OPTIONS: __, ...env } = process.env;
  return spawnSync(process.execPath, [path.join(root, 'src', 'relief-bot.js'), ...args], {
    cwd: root,
    env: { ...env, RELIEF_BOT_CODE_CACHE_REPORT: '1' },
    encoding: 'utf8',
  });
}

/** A copy of the launcher and the bundle, with the project's dependencies, to spoil without harm. */
function copyOfTheBuild(withBundle = true): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  mkdirSync(path.join(t.dir, 'src'));
  copyFileSync(path.join(PROJECT_ROOT, 'src', 'relief-bot.js'), path.join(t.dir, 'src', 'relief-bot.js'));
  copyFileSync(path.join(PROJECT_ROOT, 'package.json'), path.join(t.dir, 'package.json'));
  if (withBundle) {
    mkdirSync(path.join(t.dir, 'dist'));
    copyFileSync(path.join(PROJECT_ROOT, 'dist', 'cli.cjs'), path.join(t.dir, 'dist', 'cli.cjs'));
    symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(t.dir, 'node_modules'));
  }
  return t.dir;
}

describe('the relief-bot launcher', () => {
  it('compiles the bundle with the code cache the build wrote', () => {
    const r = run(PROJECT_ROOT, []);
    expect(r.stderr).toContain('relief-bot: code cache used');
  });

  it('runs without a cache or with a spoilt one, and writes a fitting one for the next start', () => {
    const root = copyOfTheBuild();
    const cache = path.join(root, 'dist', 'cli.cache');
    const first = run(root, []);
    expect(first.stderr).toContain('code cache absent');
    expect(first.stderr).toContain('which command?');
    expect(first.status).toBe(2);
    expect(statSync(cache).size).toBeGreaterThan(0);
    expect(run(root, []).stderr).toContain('code cache used');

    writeFileSync(cache, 'not a code cache');
    const spoilt = run(root, []);
    expect(spoilt.stderr).toContain('code cache rejected');
    expect(spoilt.status).toBe(2);
    expect(run(root, []).stderr).toContain('code cache used');
  });

  it('says what to do when the bundle was never built', () => {
    const r = run(copyOfTheBuild(false), ['start']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('dist/ is missing; run `npm run build`');
  });
});
