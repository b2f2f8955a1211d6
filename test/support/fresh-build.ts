import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config.ts';

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(file) : statSync(file).mtimeMs);
  }
  return newest;
}

/**
 * Vitest global setup: end-to-end tests spawn `npm start`, which runs the bundle in dist/. Rebuilt here
 * when any source is newer, so `npx vitest run test/e2e/...` never tests stale code.
 */
export default function setup(): void {
  const bundle = path.join(PROJECT_ROOT, 'dist', 'cli.cjs');
  let built = 0;
  try {
    built = statSync(bundle).mtimeMs;
  } catch {}
  const sources = Math.max(
    ...['src', 'commands', 'scripts'].map((d) => newestSource(path.join(PROJECT_ROOT, d))),
  );
  if (sources > built) {
    console.log('fresh-build: a source is newer than dist/cli.cjs; rebuilding');
    execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  }
}
