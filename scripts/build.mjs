#!/usr/bin/env node
// `npm run build` (also run by `npm ci` through `prepare`, and first in `npm test`): the TypeScript in
// src/ and commands/ bundled into dist/, so `npm start` runs plain JavaScript with no compiler at run
// time. One bundle starts much faster than a tree of modules (Node links each file of zod, our 120
// modules and the catalogs' parser one by one). Types are checked by `tsc --noEmit` in `npm test`.
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');

/**
 * Stay outside the bundle: native code (better-sqlite3), pino (starts worker threads from files), and
 * what only a deployment loads, lazily, with its own dependency trees (grammY, WhatsApp, prom-client).
 */
const external = [
  'better-sqlite3',
  'pino',
  'grammy',
  '@grammyjs/*',
  'prom-client',
  'whatsapp-web.js',
  'qrcode',
  'qrcode-terminal',
];

/**
 * zod's `z` namespace re-exports every translation of its error messages (64 modules); the bot reads
 * only the English one, which zod installs itself, so the bundle gets an empty `locales` in their place.
 */
const zodLocales = {
  name: 'zod-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}zod${path.sep}`)
        ? { path: 'zod-locales', namespace: 'empty' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

rmSync(dist, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ['src/cli.ts'],
  outdir: dist,
  bundle: true,
  // Dynamic imports (Telegram, WhatsApp, metrics) become chunks of their own, loaded only when used.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  plugins: [zodLocales],
  logLevel: 'warning',
});
// The ledger reads its migrations next to its code: in the bundle, that is dist/ itself.
cpSync(path.join(root, 'src', 'ledger', 'migrations'), path.join(dist, 'migrations'), { recursive: true });
