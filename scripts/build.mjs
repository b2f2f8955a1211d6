#!/usr/bin/env node
// `npm run build` (also run by `npm ci` through `prepare`, and first in `npm test`): the TypeScript in
// src/ and commands/ bundled into dist/cli.cjs, so `npm start` runs plain JavaScript with no compiler at
// run time. One bundle starts much faster than a tree of modules (Node links each file of zod, our 120
// modules and the catalogs' parser one by one). Types are checked by `tsc --noEmit` in `npm test`.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
// Built beside dist/ and moved in file by file (a rename replaces a file at once): a process that starts
// meanwhile, a test's bot or a PostgreSQL worker thread, finds the old files or the new, never none.
const staging = mkdtempSync(path.join(root, '.dist-'));

/**
 * Stay outside the bundle: native code (better-sqlite3, sharp), and what only a deployment loads, lazily, with
 * its own dependency trees (grammY, WhatsApp, prom-client). pino is inside: the bot never uses its
 * transports, the one part that starts worker threads from files.
 */
const external = [
  'better-sqlite3',
  'grammy',
  '@grammyjs/*',
  'prom-client',
  'whatsapp-web.js',
  'qrcode',
  'qrcode-terminal',
  // Native (libvips), and loaded only when a photo comes in.
  'sharp',
  'exifr',
  // The public cards' preview images: a native renderer, and a layout engine with its own WebAssembly.
  '@resvg/resvg-js',
  'satori',
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

/** Moves every file of `from` into `to`, then removes what `to` holds that `from` did not. */
function moveInto(from, to, keep = new Set()) {
  mkdirSync(to, { recursive: true });
  const fresh = new Set(readdirSync(from));
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    if (entry.isDirectory()) moveInto(source, path.join(to, entry.name));
    else renameSync(source, path.join(to, entry.name));
  }
  for (const name of readdirSync(to))
    if (!fresh.has(name) && !keep.has(name)) rmSync(path.join(to, name), { recursive: true, force: true });
}

try {
  const { metafile } = await build({
    absWorkingDir: root,
    entryPoints: ['src/cli.ts'],
    outfile: path.join(staging, 'cli.cjs'),
    bundle: true,
    // CommonJS, one file: V8 can cache a script's compiled code (src/relief-bot.js), not an ES module's
    // on Node 20. Modules imported dynamically (Telegram, WhatsApp, metrics) still run only when used.
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external,
    // What ES modules read from import.meta, given in CommonJS terms (node-cron's ESM build reads the url).
    define: { 'import.meta.dirname': '__dirname', 'import.meta.url': '__importMetaUrl' },
    banner: { js: "var __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    plugins: [zodLocales],
    metafile: true,
    logLevel: 'warning',
  });
  // An import() left in the bundle (of a package outside it) fails when reached: on Node 20, a script
  // compiled from V8's code cache has lost the callback import() needs. Import it statically from a module
  // that is itself imported dynamically (src/transports/whatsapp/launch.ts): that stays lazy.
  const dynamic = Object.values(metafile.outputs)
    .flatMap((o) => o.imports)
    .filter((i) => i.kind === 'dynamic-import' && i.external);
  if (dynamic.length > 0)
    throw new Error(`import() of ${dynamic.map((i) => i.path).join(', ')} would fail in dist/cli.cjs`);
  // The thread that holds a PostgreSQL connection (src/ledger/postgres.ts) is a file of its own beside the
  // bundle; `pg` stays in node_modules.
  await build({
    absWorkingDir: root,
    entryPoints: ['src/ledger/pg-worker.ts'],
    outfile: path.join(staging, 'pg-worker.cjs'),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['pg'],
    logLevel: 'warning',
  });
  // The ledger reads its migrations next to its code: in the bundle, that is dist/ itself.
  cpSync(path.join(root, 'src', 'ledger', 'migrations'), path.join(staging, 'migrations'), {
    recursive: true,
  });

  // The code cache of the previous bundle stays until the start below replaces it: V8 rejects a cache
  // that does not fit the source, so a stale one costs a compile, never a wrong run.
  moveInto(staging, dist, new Set(['cli.cache']));
} finally {
  rmSync(staging, { recursive: true, force: true });
}

// One console start on a scratch ledger writes V8's code cache for this Node (dist/cli.cache), so the
// first real start already skips compiling what a start runs.
const scratch = mkdtempSync(path.join(tmpdir(), 'relief-build-'));
try {
  execFileSync(process.execPath, [path.join(root, 'src', 'relief-bot.js'), 'start'], {
    input: '/start\n',
    stdio: ['pipe', 'ignore', 'inherit'],
    // Nothing of the caller's configuration: no token or port may turn this into a deployment.
    env: {
      PATH: process.env.PATH,
      DATABASE_PATH: path.join(scratch, 'relief.db'),
      LOG_LEVEL: 'warn',
      RELIEF_BOT_WRITE_CODE_CACHE: '1',
    },
  });
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
