/**
 * `npm run bench [-- name...]`: every figure next to a baseline measured in the same run on the same
 * machine, printed as a table and written to bench-results/ as JSON. Not part of `npm test`.
 */
import os from 'node:os';
import { intake } from './intake.ts';
import { type Figure, judge, table, writeResults } from './report.ts';
import { startup } from './startup.ts';

const benchmarks: Record<string, () => Promise<Figure[]>> = {
  intake,
  startup,
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !(w in benchmarks));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(benchmarks).join(', ')}`);
  process.exit(2);
}

const t0 = performance.now();
const figures: Figure[] = [];
for (const [name, bench] of Object.entries(benchmarks)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  process.stderr.write(`running ${name}...\n`);
  const started = performance.now();
  const result = await bench();
  figures.push(...result);
  process.stderr.write(`  ${name}: ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}
const seconds = (performance.now() - t0) / 1000;

const load = os
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(' ');
console.log(`\n${os.cpus().length} CPUs, load average ${load} (other processes slow every figure)\n`);
console.log(`${table(figures)}\n`);
for (const f of figures) if (f.detail) console.log(`${f.id}: ${f.detail}`);
const file = writeResults(figures, seconds);
const missed = figures.filter((f) => judge(f).met === false);
console.log(`\n${figures.length} figures in ${seconds.toFixed(0)} s, written to ${file}`);
if (missed.length > 0) console.log(`MISSED: ${missed.map((f) => f.id).join(', ')}`);
