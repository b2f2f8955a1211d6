import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { tempDir } from '../support/harness.ts';

/**
 * The build runs while bots and PostgreSQL worker threads of a test run start from dist/ (a test's global
 * setup rebuilds when a source changed): they must find the old files or the new ones, never none.
 * Built in a copy of the project, so the bundle other tests run is left alone.
 */
it('never leaves dist/ without its bundle or its PostgreSQL worker while it builds', async () => {
  const t = tempDir();
  try {
    for (const name of ['src', 'commands', 'node_modules', 'package.json'])
      symlinkSync(path.join(PROJECT_ROOT, name), path.join(t.dir, name));
    mkdirSync(path.join(t.dir, 'scripts'));
    copyFileSync(path.join(PROJECT_ROOT, 'scripts', 'build.mjs'), path.join(t.dir, 'scripts', 'build.mjs'));
    mkdirSync(path.join(t.dir, 'dist'));
    const watched = ['cli.cjs', 'pg-worker.cjs'].map((f) => path.join(t.dir, 'dist', f));
    for (const file of watched) writeFileSync(file, '// the previous build\n');

    const build = spawn(process.execPath, [path.join(t.dir, 'scripts', 'build.mjs')], { stdio: 'inherit' });
    const exited = new Promise<number | null>((resolve) => build.on('exit', resolve));
    let done = false;
    void exited.then(() => {
      done = true;
    });
    let looks = 0;
    const missing = new Set<string>();
    while (!done) {
      for (const file of watched) if (!existsSync(file)) missing.add(path.basename(file));
      looks++;
      await new Promise((r) => setImmediate(r));
    }
    expect(await exited).toBe(0);
    expect(looks).toBeGreaterThan(100);
    expect([...missing]).toEqual([]);
    expect(existsSync(path.join(t.dir, 'dist', 'migrations'))).toBe(true);
  } finally {
    t.cleanup();
  }
});
