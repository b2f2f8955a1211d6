import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { Harness } from '../support/harness.ts';

/**
 * The front door's measure (issue 24): every message of test/data/front-door.tsv goes through the core
 * as a private message from a new person, and the path it took is read from the ledger: a case opened
 * (rescue), the two-button question (ask), or neither (none). The share of each class handled as
 * intended is printed and kept in README (Rescue, "How well the front door reads danger").
 */

type Path = 'rescue' | 'ask' | 'none';
interface Row {
  cls: 'danger' | 'not' | 'uncertain';
  lang: string;
  expected: Path;
  text: string;
}

function rows(): Row[] {
  const file = path.join(PROJECT_ROOT, 'test', 'data', 'front-door.tsv');
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .slice(1)
    .map((l) => {
      const [cls, lang, expected, ...text] = l.split('\t');
      return { cls, lang, expected, text: text.join('\t') } as Row;
    });
}

const h = new Harness({ ADMINS: 'telegram:900' });
afterAll(() => h.close());

function pathOf(text: string, sender: string): Path {
  const before = h.count('rescues');
  const out = h.send(sender, text);
  if (h.count('rescues') > before) return 'rescue';
  const asked = out.some(
    (r) => r.extra?.includes('"value":"rescue"') && r.extra.includes('"value":"supply"'),
  );
  return asked ? 'ask' : 'none';
}

describe('the front door reads danger (measure over test/data/front-door.tsv)', () => {
  const all = rows();
  const results = all.map((r, i) => ({ ...r, got: pathOf(r.text, `telegram:${10_000 + i}`) }));

  it('has at least 150 messages of every class, in both languages and other digit scripts', () => {
    expect(all.length).toBeGreaterThanOrEqual(150);
    for (const cls of ['danger', 'not', 'uncertain']) expect(all.some((r) => r.cls === cls)).toBe(true);
    for (const lang of ['id', 'jv', 'en']) expect(all.some((r) => r.lang === lang)).toBe(true);
    expect(all.some((r) => /[\u0660-\u0669\uff10-\uff19]/.test(r.text))).toBe(true);
  });

  it('handles each class as intended, and never lets a message in danger pass unnoticed', () => {
    const lines: string[] = [];
    for (const cls of ['danger', 'not', 'uncertain'] as const) {
      const of = results.filter((r) => r.cls === cls);
      const ok = of.filter((r) => r.got === r.expected).length;
      lines.push(`${cls}: ${ok}/${of.length} (${((100 * ok) / of.length).toFixed(1)} %) as intended`);
    }
    const missed = results.filter((r) => r.got !== r.expected);
    for (const m of missed)
      lines.push(`  ${m.cls} ${m.lang} expected ${m.expected}, got ${m.got}: ${m.text}`);
    console.log(`front door measure\n${lines.join('\n')}`);
    // Danger never ends unnoticed: a case, or at worst the question.
    expect(results.filter((r) => r.cls === 'danger' && r.got === 'none').map((r) => r.text)).toEqual([]);
    // The example of a request about a disaster raises no alarm.
    expect(results.find((r) => r.text === 'kirim air untuk korban banjir')?.got).toBe('none');
    for (const cls of ['danger', 'not', 'uncertain'] as const) {
      const of = results.filter((r) => r.cls === cls);
      expect(of.filter((r) => r.got === r.expected).length / of.length, cls).toBeGreaterThanOrEqual(0.9);
    }
  });
});
