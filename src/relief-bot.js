#!/usr/bin/env node
// The `relief-bot` command: runs the compiled bundle in dist/ (`npm run build`, also run by `npm ci`).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('relief-bot: dist/ is missing; run `npm run build` (or `npm ci`) first\n');
  process.exit(1);
}
await import(entry.href);
