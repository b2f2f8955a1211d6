import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ITEM_WORDS, parseItems } from '../../src/domain/items.ts';
import { SERVICE_WORDS, serviceOf, splitServices } from '../../src/domain/services.ts';
import type { Skill } from '../../src/domain/skills.ts';

const services = Object.entries(SERVICE_WORDS).flatMap(([skill, words]) =>
  words.map((word) => ({ skill: skill as Skill, word })),
);

describe('services in an offer', () => {
  it('reads every service word, with an article or a count and in any case, as its skill', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...services),
        fc.constantFrom('', 'a ', 'an ', 'sebuah ', 'satu ', '1 ', '3 ', '2 unit '),
        fc.boolean(),
        ({ skill, word }, before, upper) => {
          const text = `${before}${upper ? word.toUpperCase() : word}`;
          const parsed = parseItems(`${text}, 10 blanket`);
          if (!parsed.ok) throw new Error(`unread: ${text}`);
          const split = splitServices(parsed.items);
          expect(split.services.map((s) => s.skill)).toEqual([skill]);
          expect(split.items).toEqual([{ item: 'blanket', qty: 10 }]);
        },
      ),
    );
  });

  it('never takes a catalog item or words around a service for a service', () => {
    for (const words of Object.values(ITEM_WORDS))
      for (const w of words) expect(serviceOf(w)).toBeUndefined();
    expect(serviceOf('boat engine oil')).toBeUndefined();
    expect(serviceOf('truck tyres')).toBeUndefined();
    // A unit makes it goods: "5 box kitchen" is not a kitchen.
    const parsed = parseItems('5 box kitchen');
    expect(parsed.ok && splitServices(parsed.items).services).toEqual([]);
  });
});
