import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { Harness } from '../support/harness.ts';

let h: Harness | undefined;
afterEach(() => h?.close());

const move = fc.record({
  direction: fc.constantFrom('in' as const, 'out' as const),
  lines: fc.array(
    fc.record({
      item: fc.constantFrom('water' as const, 'rice' as const),
      qty: fc.integer({ min: 1, max: 40 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

describe('posko stock', () => {
  it('is what came in minus what went out, never below zero: an out that would overdraw changes nothing', () => {
    h = new Harness();
    const ledger = h.ledger;
    const actor = { id: 'telegram:9', at: h.clock.now };
    fc.assert(
      fc.property(fc.array(move, { maxLength: 15 }), (moves) => {
        const p = ledger.posko.add(actor, { name: 'Posko', area: 'DIY/Bantul' });
        const model = new Map<string, number>();
        for (const m of moves) {
          const after = new Map(model);
          for (const l of m.lines)
            after.set(l.item, (after.get(l.item) ?? 0) + (m.direction === 'in' ? l.qty : -l.qty));
          const allowed = [...after.values()].every((q) => q >= 0);
          const result = ledger.posko.move(actor, p.id, m.direction, m.lines);
          expect(result.ok).toBe(allowed);
          if (allowed) for (const [k, v] of after) model.set(k, v);
          const stock = Object.fromEntries(ledger.posko.stock(p.id).map((s) => [s.item, s.qty]));
          const expected = Object.fromEntries([...model].filter(([, q]) => q > 0).sort());
          expect(stock).toEqual(expected);
        }
      }),
      { numRuns: 40 },
    );
  });
});
