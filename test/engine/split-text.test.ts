import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitText } from '../../src/engine/split-text.ts';
import { MAX_TEXT } from '../../src/transports/telegram/outbound.ts';
import { WHATSAPP_TEXT_LIMIT } from '../../src/transports/whatsapp/outbound.ts';

/** The one splitter every transport uses, each with its platform's limit. */
const squash = (s: string) => s.replace(/\s+/g, '');

describe('splitText', () => {
  it('keeps every part within the limit, never halves an emoji, and loses nothing but breaks', () => {
    const piece = fc.oneof(
      fc.constantFrom(' ', '\n', '\n\n', '🆘', '🌊', 'air', 'tolong'),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 400 }), fc.integer({ min: 8, max: 300 }), (pieces, limit) => {
        const text = pieces.join('');
        const parts = splitText(text, limit);
        for (const p of parts) {
          expect(p.length).toBeLessThanOrEqual(limit);
          expect(p).not.toMatch(/[\uD800-\uDBFF]$/);
        }
        expect(squash(parts.join(''))).toBe(squash(text));
      }),
    );
  });

  it('cuts at a word break when a part has one, at both platforms limits', () => {
    const words = Array.from({ length: 2000 }, (_, i) => `word${i}`).join(' ');
    for (const limit of [MAX_TEXT, WHATSAPP_TEXT_LIMIT]) {
      const parts = splitText(words, limit);
      expect(parts.length).toBeGreaterThan(1);
      expect(parts.join(' ')).toBe(words);
    }
    expect(splitText('short', MAX_TEXT)).toEqual(['short']);
  });
});
