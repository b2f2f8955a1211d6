import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../commands/index.ts';
import { PROJECT_ROOT } from '../src/config.ts';
import { Catalog } from '../src/i18n/catalog.ts';

const catalog = new Catalog(path.join(PROJECT_ROOT, 'data', 'locales'), 'en');

describe('message catalogs', () => {
  it('ships English and Indonesian', () => {
    expect(catalog.languages).toEqual(expect.arrayContaining(['en', 'id']));
  });

  it('has every key in every language', () => {
    const en = new Set(catalog.keys('en'));
    for (const lang of catalog.languages) {
      const keys = new Set(catalog.keys(lang));
      expect(
        [...en].filter((k) => !keys.has(k)),
        `missing in ${lang}`,
      ).toEqual([]);
      expect(
        [...keys].filter((k) => !en.has(k)),
        `only in ${lang}`,
      ).toEqual([]);
    }
  });

  it('describes every command, with its usage, in every language', () => {
    for (const lang of catalog.languages) {
      const keys = new Set(catalog.keys(lang));
      for (const c of commands) {
        expect(keys.has(`cmd-${c.name}`), `${lang}: cmd-${c.name}`).toBe(true);
        expect(keys.has(`cmd-${c.name}-usage`), `${lang}: cmd-${c.name}-usage`).toBe(true);
      }
    }
  });
});

describe('formatting', () => {
  it('renders a message whose variables were not given, instead of throwing, and reports it', () => {
    const reported: unknown[] = [];
    const listening = new Catalog(path.join(PROJECT_ROOT, 'data', 'locales'), 'en', (d) => reported.push(d));
    expect(listening.t('en', 'error-usage')).toContain('Use it like this');
    expect(reported).toEqual([
      { language: 'en', key: 'error-usage', errors: [expect.stringContaining('usage')] },
    ]);
  });
});

/** Every catalog key the code names, found where keys are passed: replies, notices, refusals, prompts, t(). */
function keysUsedInCode(): { key: string; file: string }[] {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = path.join(dir, f);
      return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
    });
  const literal = String.raw`(['\`])([a-z][a-z0-9]*(?:-[a-z0-9$]+|-\$\{[^}]+\})+)\1`;
  const positions = [
    String.raw`\b(?:reply|toCoordinators|UserError)\(\s*`,
    String.raw`\breplyFile\([^,()]+,\s*`,
    String.raw`\breplyIn\([^,()]+,\s*`,
    String.raw`\bline\(\s*`,
    String.raw`\bnotify(?:Assignee)?\(\s*[^,]+,\s*`,
    String.raw`\bannounce\(\s*[^,]+,\s*[^,]+,\s*`,
    String.raw`\.t\(\s*(?:[\w.]+,\s*)?`,
    String.raw`\bkey:\s*`,
  ].map((p) => new RegExp(p + literal, 'g'));
  const found: { key: string; file: string }[] = [];
  for (const file of [
    ...files(path.join(PROJECT_ROOT, 'src')),
    ...files(path.join(PROJECT_ROOT, 'commands')),
  ]) {
    const source = readFileSync(file, 'utf8');
    for (const re of positions)
      for (const m of source.matchAll(re))
        found.push({ key: m[2]!, file: path.relative(PROJECT_ROOT, file) });
  }
  return found;
}

describe('keys named in code', () => {
  const used = keysUsedInCode();

  it('finds the keys the code uses (the scan itself works)', () => {
    expect(used.length).toBeGreaterThan(200);
    expect(used.map((u) => u.key)).toEqual(expect.arrayContaining(['start-welcome', 'lang-set']));
  });

  it('names only keys that exist in every language (a template key matches at least one)', () => {
    const missing: string[] = [];
    for (const lang of catalog.languages) {
      const keys = catalog.keys(lang);
      for (const { key, file } of used) {
        const pattern = new RegExp(`^${key.replace(/\$\{[^}]+\}/g, '.+')}$`);
        if (!keys.some((k) => pattern.test(k))) missing.push(`${lang}: ${key} (${file})`);
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });
});
