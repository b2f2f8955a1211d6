import { afterEach, describe, expect, it } from 'vitest';
import { Harness } from '../support/harness.ts';

let h: Harness;
afterEach(() => h?.close());

const snake = (o: object) => Object.keys(o).filter((k) => k.includes('_'));

describe('records as the ledger hands them out', () => {
  // One shape per record: code reading a case and a request should not switch spelling between them.
  it('spell their fields in camelCase, rescue cases and supply requests alike', () => {
    h = new Harness();
    h.say('telegram:1', '/sos -7.93512,110.40123 3 orang');
    h.say('telegram:2', '/need 20 water for 6 people @ Imogiri');
    expect(snake(h.ledger.rescues.get(1)!)).toEqual([]);
    expect(snake(h.ledger.requests.get(1)!)).toEqual([]);
  });
});
