import { afterEach, describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../src/domain/message.ts';
import type { Transport } from '../../src/engine/transport.ts';
import { Ledger } from '../../src/ledger/index.ts';
import { Dispatcher } from '../../src/outbox/dispatcher.ts';
import { ledgerLocation } from '../support/engine.ts';
import { silentLog } from '../support/harness.ts';

const opened: Ledger[] = [];
let dispatcher: Dispatcher | undefined;
afterEach(async () => {
  await dispatcher?.stop();
  dispatcher = undefined;
  for (const l of opened.splice(0)) l.close();
});

function open(location: string): Ledger {
  const ledger = Ledger.open(location);
  opened.push(ledger);
  return ledger;
}

describe('the sender of several processes on one PostgreSQL ledger', () => {
  it('hears of rows another process queued as that process commits, not at its next look', async () => {
    const location = ledgerLocation('');
    const sender = open(location);
    const other = open(location);
    const sentAt = new Map<string, number>();
    const telegram: Transport = {
      name: 'telegram',
      start: async () => {},
      send: async (m: OutboundMessage) => {
        sentAt.set(m.chat.chatId, performance.now());
        return { platformMessageId: String(m.id) };
      },
      stop: async () => {},
      health: () => ({ ok: true, state: 'ready' }),
    };
    dispatcher = new Dispatcher(sender, silentLog);
    dispatcher.add(telegram);
    dispatcher.start();
    const latencies: number[] = [];
    for (const chatId of ['1', '2', '3']) {
      await new Promise((r) => setTimeout(r, 150));
      const queuedAt = performance.now();
      other.transaction(() =>
        other.outbox.enqueue(
          { chat: { transport: 'telegram', chatId, kind: 'private' }, kind: 'reply', text: 'ok' },
          Date.now(),
        ),
      );
      for (const end = Date.now() + 5_000; !sentAt.has(chatId) && Date.now() < end; )
        await new Promise((r) => setTimeout(r, 5));
      latencies.push(sentAt.get(chatId)! - queuedAt);
    }
    // The sender looks by itself once a second: each was sent well before that.
    expect(Math.max(...latencies)).toBeLessThan(300);
  });
});
