import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config.ts';

/**
 * STYLE.md's dependency rule, kept true by a test: data flows transport -> core -> command -> ledger ->
 * outbox -> transport, and no import runs the other way.
 */

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

interface Import {
  file: string;
  target: string;
  typeOnly: boolean;
}

function importsOf(file: string): Import[] {
  const src = readFileSync(file, 'utf8');
  const found: Import[] = [];
  for (const m of src.matchAll(/^(?:import|export)\s+(type\s+)?[^'"]*?from\s+'([^']+)'/gm)) {
    const target = m[2]!;
    if (!target.startsWith('.')) continue;
    found.push({
      file: path.relative(PROJECT_ROOT, file),
      target: path.relative(PROJECT_ROOT, path.resolve(path.dirname(file), target)),
      typeOnly: Boolean(m[1]),
    });
  }
  for (const m of src.matchAll(/import\('([^']+)'\)/g)) {
    if (!m[1]!.startsWith('.')) continue;
    found.push({
      file: path.relative(PROJECT_ROOT, file),
      target: path.relative(PROJECT_ROOT, path.resolve(path.dirname(file), m[1]!)),
      typeOnly: false,
    });
  }
  return found;
}

const all = [...files(path.join(PROJECT_ROOT, 'src')), ...files(path.join(PROJECT_ROOT, 'commands'))].flatMap(
  importsOf,
);
const under = (p: string, dir: string) => p.startsWith(`${dir}/`);

describe('dependency rules', () => {
  it('core imports none of our other folders, except their types', () => {
    const bad = all.filter((i) => under(i.file, 'src/core') && !under(i.target, 'src/core') && !i.typeOnly);
    expect(bad).toEqual([]);
  });

  it('a transport imports the core only (and its own folder)', () => {
    const bad = all.filter((i) => {
      if (!under(i.file, 'src/transports')) return false;
      const own = i.file.split('/').slice(0, 3).join('/');
      return !under(i.target, 'src/core') && !under(i.target, own);
    });
    expect(bad).toEqual([]);
  });

  it('commands import the core, ledger types and i18n, never a transport or the outbox', () => {
    const bad = all.filter(
      (i) =>
        under(i.file, 'commands') &&
        !(
          under(i.target, 'src/core') ||
          under(i.target, 'src/i18n') ||
          under(i.target, 'src/export') ||
          under(i.target, 'commands') ||
          (under(i.target, 'src/ledger') && i.typeOnly)
        ),
    );
    expect(bad).toEqual([]);
  });

  it('exports read the ledger through its queries and format; they never reach a transport or the outbox', () => {
    const bad = all.filter(
      (i) =>
        under(i.file, 'src/export') &&
        !(
          under(i.target, 'src/core') ||
          under(i.target, 'src/export') ||
          (under(i.target, 'src/ledger') && (i.typeOnly || i.target === 'src/ledger/exports.ts'))
        ),
    );
    expect(bad).toEqual([]);
  });

  it('nothing but main.ts and the command line wires transports in', () => {
    const bad = all.filter(
      (i) =>
        under(i.target, 'src/transports') &&
        !under(i.file, 'src/transports') &&
        !['src/main.ts', 'src/cli.ts'].includes(i.file),
    );
    expect(bad).toEqual([]);
  });

  it('the ledger never reaches up into commands, transports or the outbox', () => {
    const bad = all.filter(
      (i) =>
        under(i.file, 'src/ledger') &&
        (under(i.target, 'commands') || under(i.target, 'src/transports') || under(i.target, 'src/outbox')),
    );
    expect(bad).toEqual([]);
  });
});
