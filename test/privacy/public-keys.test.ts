import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { keyIsPersonal, PUBLIC_FIELDS } from '../../src/engine/privacy.ts';
import { Catalog } from '../../src/i18n/catalog.ts';

const catalog = new Catalog(path.join(PROJECT_ROOT, 'data', 'locales'), 'en');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Keys the code sends to groups: announcements, a reporter's coalesced posts, the sitrep's lines. */
function groupKeys(): string[] {
  const positions = [
    /\bannounce\(\s*[^,]+,\s*[^,]+,\s*'([a-z0-9-]+)'/g,
    /\bannounceByReporter\(\s*\w+,\s*\w+,\s*\w+,\s*'([a-z0-9-]+)'/g,
    // The coalesced-posts job's lines: the news a held case is (src/schedule/rules/coalesced-posts.ts).
    /return '(rescue-[a-z-]+-group)'/g,
    /\bline\(\s*'([a-z0-9-]+)'/g,
  ];
  const found = new Set<string>();
  for (const file of [
    ...sources(path.join(PROJECT_ROOT, 'src')),
    ...sources(path.join(PROJECT_ROOT, 'commands')),
  ]) {
    const text = readFileSync(file, 'utf8');
    for (const re of positions) for (const m of text.matchAll(re)) found.add(m[1]!);
  }
  return [...found];
}

/** Placeholders that name personal data: a message holding any of them must never be public-safe. */
const PERSONAL = [
  'address',
  'contact',
  'notes',
  'note',
  'reason',
  'name',
  'text',
  'exact',
  'map',
  'reporter',
  'phone',
  'person',
  'itemsAsWritten',
  'where',
  'location',
  'title',
  'answer',
  'typed',
];

describe('which catalog messages may reach a group', () => {
  it('every message the code announces to groups is public-safe (else the renderer would refuse it)', () => {
    const keys = groupKeys();
    expect(keys).toEqual(expect.arrayContaining(['supply-announce', 'rescue-new-group', 'sitrep-header']));
    expect(keys.filter((k) => keyIsPersonal(catalog, k))).toEqual([]);
  });

  it('no placeholder that names personal data is a public field, and every message using one is personal', () => {
    expect(PERSONAL.filter((p) => PUBLIC_FIELDS.has(p))).toEqual([]);
    const wrong = catalog
      .keys('en')
      .filter(
        (k) => catalog.placeholders(k)!.some((p) => PERSONAL.includes(p)) && !keyIsPersonal(catalog, k),
      );
    expect(wrong).toEqual([]);
    expect(keyIsPersonal(catalog, 'rescue-new-coordinators')).toBe(true);
    expect(keyIsPersonal(catalog, 'no-such-key')).toBe(true);
  });

  it('reads placeholders inside selectors, variants and the messages a message includes', () => {
    // rescue-new-coordinators includes rescue-summary-full, where the address and contact are.
    expect(catalog.placeholders('rescue-new-coordinators')).toEqual(
      expect.arrayContaining(['address', 'contact', 'reporter']),
    );
    expect(catalog.placeholders('broadcast-confirm')).toEqual(
      expect.arrayContaining(['removed', 'text', 'hints']),
    );
  });
});
