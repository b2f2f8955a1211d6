import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config.ts';

/**
 * STYLE.md's dependency rule, kept true by a test that denies by default: an import between two parts
 * of the house is allowed only when the matrix below names the pair. Data flows transport -> engine ->
 * command -> ledger -> outbox -> transport; the domain imports nothing of ours.
 */

/** A part of the house: a folder under src/ (transports count as one), a file at src/'s top, or commands/. */
type Part =
  | 'commands'
  | 'src/domain'
  | 'src/engine'
  | 'src/ledger'
  | 'src/transports'
  | 'src/outbox'
  | 'src/schedule'
  | 'src/http'
  | 'src/export'
  | 'src/i18n'
  | 'src/config.ts'
  | 'src/log.ts'
  | 'src/main.ts'
  | 'src/cli.ts';

/** `types` allows only `import type` (erased at run time: no code of the target runs). */
type Allowed = Partial<Record<Part, 'values' | 'types'>>;

const MATRIX: Record<Part, Allowed> = {
  'src/domain': {},
  'src/i18n': {},
  'src/config.ts': { 'src/domain': 'values' },
  'src/log.ts': { 'src/domain': 'values' },
  'src/ledger': { 'src/domain': 'values' },
  'src/engine': {
    'src/domain': 'values',
    'src/ledger': 'types',
    'src/i18n': 'types',
    'src/config.ts': 'types',
  },
  commands: {
    'src/domain': 'values',
    'src/engine': 'values',
    'src/ledger': 'types',
    'src/i18n': 'types',
    'src/export': 'values',
  },
  'src/export': { 'src/domain': 'values', 'src/ledger': 'values' },
  'src/outbox': {
    'src/domain': 'values',
    'src/engine': 'values',
    'src/ledger': 'values',
    'src/config.ts': 'types',
  },
  'src/schedule': {
    'src/domain': 'values',
    'src/engine': 'values',
    'src/ledger': 'values',
    'src/config.ts': 'types',
  },
  'src/http': { 'src/domain': 'values', 'src/ledger': 'types', 'src/outbox': 'types' },
  'src/transports': { 'src/domain': 'values', 'src/engine': 'values' },
  'src/main.ts': {
    commands: 'values',
    'src/domain': 'values',
    'src/engine': 'values',
    'src/ledger': 'values',
    'src/transports': 'values',
    'src/outbox': 'values',
    'src/schedule': 'values',
    'src/http': 'values',
    'src/i18n': 'values',
    'src/config.ts': 'values',
    'src/log.ts': 'values',
  },
  'src/cli.ts': {
    'src/main.ts': 'values',
    'src/engine': 'values',
    'src/domain': 'values',
    'src/ledger': 'values',
    'src/export': 'values',
    'src/i18n': 'values',
    'src/config.ts': 'values',
    'src/log.ts': 'values',
  },
};

interface Import {
  file: string;
  from: Part;
  to: Part;
  typeOnly: boolean;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function partOf(relative: string): Part {
  const parts = relative.split('/');
  const part =
    parts[0] === 'commands' ? 'commands' : parts.length === 2 ? relative : parts.slice(0, 2).join('/');
  if (!(part in MATRIX)) throw new Error(`${relative} is in ${part}, which the matrix does not know: add it`);
  return part as Part;
}

function importsOf(file: string, source: string): Import[] {
  const rel = path.relative(PROJECT_ROOT, file);
  const found: Import[] = [];
  const patterns = [
    /^(?:import|export)\s+(type\s+)?[^'"]*?from\s+'(\.[^']+)'/gm,
    /import\(\s*'(\.[^']+)'\s*\)/g,
  ];
  for (const pattern of patterns)
    for (const m of source.matchAll(pattern)) {
      const spec = m.length === 3 ? m[2]! : m[1]!;
      const target = path.relative(PROJECT_ROOT, path.resolve(path.dirname(file), spec));
      found.push({
        file: rel,
        from: partOf(rel),
        to: partOf(target),
        typeOnly: m.length === 3 && Boolean(m[1]),
      });
    }
  return found;
}

function violations(imports: readonly Import[]): string[] {
  return imports
    .filter((i) => i.from !== i.to)
    .filter((i) => {
      const allowed = MATRIX[i.from][i.to];
      return allowed === undefined || (allowed === 'types' && !i.typeOnly);
    })
    .map((i) => `${i.file} -> ${i.to}${i.typeOnly ? ' (types)' : ''}`);
}

const sources = [...files(path.join(PROJECT_ROOT, 'src')), ...files(path.join(PROJECT_ROOT, 'commands'))];
const all = sources.flatMap((f) => importsOf(f, readFileSync(f, 'utf8')));

describe('the dependency matrix', () => {
  it('allows only the imports the matrix names', () => {
    expect(violations(all)).toEqual([]);
  });

  it('has no two parts that may import each other', () => {
    const both = Object.entries(MATRIX).flatMap(([from, allowed]) =>
      Object.keys(allowed)
        .filter((to) => MATRIX[to as Part][from as Part] !== undefined)
        .map((to) => `${from} <-> ${to}`),
    );
    expect(both).toEqual([]);
  });

  it('a transport reaches only its own folder among the transports', () => {
    const strays = sources
      .filter((f) => f.includes(`${path.sep}transports${path.sep}`))
      .flatMap((f) =>
        [...readFileSync(f, 'utf8').matchAll(/from\s+'(\.[^']+)'/g)]
          .map((m) => path.relative(PROJECT_ROOT, path.resolve(path.dirname(f), m[1]!)))
          .filter((t) => t.startsWith('src/transports/'))
          .filter((t) => t.split('/')[2] !== path.relative(PROJECT_ROOT, f).split('/')[2])
          .map((t) => `${path.relative(PROJECT_ROOT, f)} -> ${t}`),
      );
    expect(strays).toEqual([]);
  });

  it('the raw database handle stays inside the ledger', () => {
    const outside = sources
      .filter((f) => !path.relative(PROJECT_ROOT, f).startsWith('src/ledger/'))
      .filter((f) => /\bledger\.db\b|from 'better-sqlite3'/.test(readFileSync(f, 'utf8')))
      .map((f) => path.relative(PROJECT_ROOT, f));
    expect(outside).toEqual([]);
  });

  it('fails on a planted violation: the domain importing the ledger, a command importing a transport', () => {
    const plant = (file: string, line: string) => importsOf(path.join(PROJECT_ROOT, file), line);
    expect(
      violations(plant('src/domain/items.ts', "import { Ledger } from '../ledger/index.ts';")),
    ).toHaveLength(1);
    expect(
      violations(
        plant('commands/need.ts', "import { startTelegram } from '../src/transports/telegram/index.ts';"),
      ),
    ).toHaveLength(1);
    expect(
      violations(plant('commands/need.ts', "import { Ledger } from '../src/ledger/index.ts';")),
    ).toHaveLength(1);
    expect(
      violations(plant('commands/need.ts', "import type { Ledger } from '../src/ledger/index.ts';")),
    ).toHaveLength(0);
  });
});
