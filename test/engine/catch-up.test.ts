import { afterEach, describe, expect, it } from 'vitest';
import { Harness } from '../support/harness.ts';

let h: Harness;
afterEach(() => h.close());

describe('catching up on pending messages', () => {
  it('works off a backlog in bounded batches, letting the event loop run between them', async () => {
    h = new Harness();
    h.ledger.transaction(() => {
      for (let i = 0; i < 300; i++)
        h.ledger.inbox.record(
          h.message({ id: `telegram:${1000 + i}`, language: 'en' }, '/help'),
          h.clock.now,
        );
    });
    h.core.processPending();
    // One batch went at once; the rest waits for the event loop to come round again.
    const afterFirst = h.ledger.inbox.pendingCount();
    expect(afterFirst).toBeGreaterThan(0);
    expect(afterFirst).toBeLessThan(300);
    let turns = 0;
    while (h.ledger.inbox.pendingCount() > 0) {
      await new Promise((r) => setImmediate(r));
      turns++;
      expect(turns).toBeLessThan(1000);
    }
    expect(turns).toBeGreaterThan(1);
    expect(h.outbox().filter((r) => r.kind === 'reply')).toHaveLength(300);
  });
});
