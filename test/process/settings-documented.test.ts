import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, SETTINGS } from '../../src/config.ts';

describe('.env.example', () => {
  it('documents every variable the bot reads', () => {
    const example = readFileSync(path.join(PROJECT_ROOT, '.env.example'), 'utf8');
    const named = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    expect(SETTINGS.filter((s) => !named.has(s))).toEqual([]);
  });
});
