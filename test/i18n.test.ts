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
  it('renders a message whose variables were not given, instead of throwing', () => {
    expect(catalog.t('en', 'error-usage')).toContain('Use it like this');
  });
});
