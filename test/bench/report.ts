import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config.ts';

/**
 * What a target compares: `min-ratio` wants value / baseline at least `ratio` (throughput), `max` wants
 * the value itself at most `limit` (latency, memory, time), `min` at least `limit`, `max-ratio` wants value / baseline at most
 * `ratio` (time against a computed minimum), `max-within` wants both `max` and `max-ratio`.
 */
export type Target =
  | { kind: 'min-ratio'; ratio: number }
  | { kind: 'above-baseline' }
  | { kind: 'max'; limit: number }
  | { kind: 'min'; limit: number }
  | { kind: 'max-ratio'; ratio: number }
  | { kind: 'max-within'; limit: number; ratio: number }
  | { kind: 'equal'; value: number };

export interface Figure {
  /** Stable id for comparing runs, e.g. `intake.single`. */
  id: string;
  name: string;
  unit: string;
  value: number;
  /** Measured in the same run on the same machine; null when the figure has no baseline of its own. */
  baseline: number | null;
  baselineName: string;
  target: Target | null;
  /** Anything a reader needs to interpret the figure (sizes, scale factors, p50 next to p99). */
  detail?: string;
}

export interface Verdict {
  ratio: number | null;
  target: string;
  met: boolean | null;
}

export function judge(f: Figure): Verdict {
  const ratio = f.baseline ? f.value / f.baseline : null;
  const t = f.target;
  if (!t) return { ratio, target: '-', met: null };
  switch (t.kind) {
    case 'min-ratio':
      return { ratio, target: `>= ${t.ratio} x baseline`, met: ratio !== null && ratio >= t.ratio };
    case 'above-baseline':
      return { ratio, target: '> baseline', met: ratio !== null && ratio > 1 };
    case 'max-ratio':
      return { ratio, target: `<= ${t.ratio} x baseline`, met: ratio !== null && ratio <= t.ratio };
    case 'max':
      return { ratio, target: `< ${t.limit} ${f.unit}`, met: f.value < t.limit };
    case 'min':
      return { ratio, target: `>= ${t.limit} ${f.unit}`, met: f.value >= t.limit };
    case 'max-within':
      return {
        ratio,
        target: `< ${t.limit} ${f.unit} and <= ${t.ratio} x baseline`,
        met: f.value < t.limit && ratio !== null && ratio <= t.ratio,
      };
    case 'equal':
      return { ratio, target: `= ${t.value}`, met: f.value === t.value };
  }
}

const fmt = (n: number | null): string => {
  if (n === null) return '-';
  if (Math.abs(n) >= 100) return Math.round(n).toLocaleString('en-US');
  if (Math.abs(n) >= 10) return n.toFixed(1);
  return n.toFixed(2);
};

/** The table every run prints: one line per figure, MISSED where a target is not met. */
export function table(figures: readonly Figure[]): string {
  const rows = [['benchmark', 'value', 'baseline', 'ratio', 'target', 'result']];
  for (const f of figures) {
    const v = judge(f);
    rows.push([
      f.name,
      `${fmt(f.value)} ${f.unit}`,
      f.baseline === null ? '-' : `${fmt(f.baseline)} ${f.unit} (${f.baselineName})`,
      v.ratio === null ? '-' : `${v.ratio < 0.1 ? v.ratio.toPrecision(2) : v.ratio.toFixed(2)}x`,
      v.target,
      v.met === null ? '-' : v.met ? 'met' : 'MISSED',
    ]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: PROJECT_ROOT }).toString().trim();
  } catch {
    return 'unknown';
  }
}

/** Writes bench-results/latest.json and a dated copy named after the commit, for comparing versions. */
export function writeResults(figures: readonly Figure[], seconds: number): string {
  const dir = path.join(PROJECT_ROOT, 'bench-results');
  mkdirSync(dir, { recursive: true });
  const commit = gitCommit();
  const at = new Date();
  const body = {
    commit,
    at: at.toISOString(),
    seconds: Math.round(seconds),
    machine: {
      node: process.version,
      platform: `${os.platform()} ${os.release()} ${os.arch()}`,
      cpu: os.cpus()[0]?.model ?? 'unknown',
      cpus: os.cpus().length,
      memoryMB: Math.round(os.totalmem() / 2 ** 20),
      loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
    },
    figures: figures.map((f) => ({ ...f, ...judge(f) })),
  };
  const json = `${JSON.stringify(body, null, 2)}\n`;
  const latest = path.join(dir, 'latest.json');
  writeFileSync(latest, json);
  writeFileSync(path.join(dir, `${at.toISOString().replace(/[:.]/g, '-')}-${commit}.json`), json);
  return latest;
}

/** Percentile of an ascending sorted list (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}
