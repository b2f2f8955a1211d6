import { afterEach, describe, expect, it } from 'vitest';
import { Harness } from '../support/harness.ts';

let h: Harness | undefined;
afterEach(() => {
  h?.close();
  h = undefined;
});

describe('a full or read-only disk', () => {
  it('refuses the batch as a whole when the disk is full, so the platform delivers it again', () => {
    h = new Harness();
    h.send('telegram:1', '/help');
    // SQLite's own way to simulate a full disk: the file may not grow past its current size.
    h.ledger.capSize(0);
    const big = h.message('telegram:2', `please help ${'x'.repeat(9000)}`, 'full-1');
    expect(() => h!.core.receive([big])).toThrow(/full/i);
    expect(h.count('inbox')).toBe(1);

    h.ledger.capSize(undefined);
    expect(h.core.receive([big])).toMatchObject({ recorded: 1 });
    expect(h.newRows().filter((r) => r.chat_id === '2')).toHaveLength(1);
  });
});
