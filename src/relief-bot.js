#!/usr/bin/env node
// The `relief-bot` command: runs the bundle dist/cli.cjs (`npm run build`, also run by `npm ci`).
// Compiling a megabyte of JavaScript is much of a cold start, so the bundle is compiled with V8's code
// cache, dist/cli.cache, which the build writes. A cache that does not fit this Node or these flags is
// rejected by V8 (the bundle then compiles as usual) and written anew when the process exits.
// RELIEF_BOT_CODE_CACHE_REPORT=1 prints to stderr whether the cache was used, rejected or absent.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const bundle = `${dist}cli.cjs`;
const cacheFile = `${dist}cli.cache`;

let source;
try {
  source = readFileSync(bundle, 'utf8');
} catch {
  process.stderr.write('relief-bot: dist/ is missing; run `npm run build` (or `npm ci`) first\n');
  process.exit(1);
}
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {}

const script = new vm.Script(Module.wrap(source), {
  filename: bundle,
  cachedData,
  // The bundle's import() of an external ES module (whatsapp-web.js) goes to Node's own loader.
  importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
});
const cache = cachedData === undefined ? 'absent' : script.cachedDataRejected ? 'rejected' : 'used';
if (process.env.RELIEF_BOT_CODE_CACHE_REPORT === '1')
  process.stderr.write(`relief-bot: code cache ${cache}\n`);
if (cache !== 'used' || process.env.RELIEF_BOT_WRITE_CODE_CACHE === '1')
  process.once('exit', () => {
    // Taken at exit, the cache holds every function the run compiled. Best effort: dist/ may be
    // read-only, and a rename never leaves a half-written cache for a process starting meanwhile.
    const temp = `${cacheFile}.${process.pid}`;
    try {
      writeFileSync(temp, script.createCachedData());
      renameSync(temp, cacheFile);
    } catch {
      rmSync(temp, { force: true });
    }
  });
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dist.slice(0, -1));
