import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Dispatcher } from '../../src/outbox/dispatcher.ts';
import { FakeTransport } from '../support/fake-transport.ts';
import { Harness } from '../support/harness.ts';

/** The outbox's drain loops catch, log with context and try again (issue 16): a ledger error never escapes. */
let h: Harness;
let d: Dispatcher | undefined;
afterEach(async () => {
  await d?.stop();
  h.close();
});

describe('a ledger error under delivery', () => {
  it('is logged with its lane, retried, and the message still goes out once', async () => {
    h = new Harness();
    h.send('telegram:5', '/help');
    const lines: { msg: string; transport?: string }[] = [];
    const log = pino({ level: 'error' }, { write: (s: string) => lines.push(JSON.parse(s)) });
    const rejections: unknown[] = [];
    const onRejection = (err: unknown) => rejections.push(err);
    process.on('unhandledRejection', onRejection);
    // The disk is busy for the first look at the outbox.
    const dueFor = h.ledger.outbox.dueFor.bind(h.ledger.outbox);
    let failures = 1;
    h.ledger.outbox.dueFor = (...args) => {
      if (failures-- > 0) throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
      return dueFor(...args);
    };
    const transport = new FakeTransport();
    d = new Dispatcher(h.ledger, log, { clock: h.clock.fn });
    d.add(transport);
    d.start();
    try {
      await vi.waitFor(() => expect(transport.sent).toHaveLength(1), { timeout: 5_000 });
      expect(lines).toMatchObject([{ msg: 'outbox drain failed; retrying', transport: 'telegram' }]);
      expect(rejections).toEqual([]);
      expect(transport.sent).toHaveLength(1);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });
});
