import { afterEach, describe, expect, it } from 'vitest';
import { Ledger } from '../../src/ledger/index.ts';
import { ledgerLocation, openRawLedger } from '../support/engine.ts';
import { openRaw, tempDir } from '../support/harness.ts';

/** The event chain and the inbox, the same on both engines (this file runs in both vitest projects). */

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

function tempLedgerFile(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return ledgerLocation(t.dir);
}

const actor = { id: 'console:test', at: 1_000 };

describe('the event chain', () => {
  it('chains events and verifies them', () => {
    const ledger = Ledger.open(tempLedgerFile());
    cleanups.push(() => ledger.close());
    for (let i = 0; i < 5; i++)
      ledger.events.append(actor, { kind: 'test', subject: `T-${i}`, payload: { i } });
    expect(ledger.events.verify()).toEqual({ ok: true, checked: 5 });
  });

  it('keeps the chain verifiable after personal data is erased, and refuses other changes', () => {
    const file = tempLedgerFile();
    const ledger = Ledger.open(file);
    cleanups.push(() => ledger.close());
    ledger.events.append(actor, { kind: 'test', payload: { a: 1 }, personal: { phone: '+6281234567890' } });
    const raw = openRawLedger(file, openRaw);
    cleanups.push(() => raw.close());
    raw.prepare('UPDATE events SET personal = NULL').run();
    expect(ledger.events.verify()).toEqual({ ok: true, checked: 1 });
    expect(() => raw.prepare("UPDATE events SET payload = '{}'").run()).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM events').run()).toThrow(/append-only/);
  });
});

describe('transactions and the inbox', () => {
  it('records a message once; a redelivery is a no-op', () => {
    const ledger = Ledger.open(tempLedgerFile());
    cleanups.push(() => ledger.close());
    const m = {
      chat: { transport: 'telegram' as const, chatId: '5', kind: 'private' as const },
      messageId: '77',
      sender: { id: 'telegram:5' },
      at: 1,
      content: { kind: 'text' as const, text: 'hi' },
    };
    expect(ledger.inbox.record(m, 1)).toBeTypeOf('number');
    expect(ledger.inbox.record(m, 2)).toBeNull();
    expect(ledger.metrics.rows('messagesIn')).toEqual([{ transport: 'telegram', n: 1 }]);
  });

  it('leaves no partial rows when a transaction throws', () => {
    const ledger = Ledger.open(tempLedgerFile());
    cleanups.push(() => ledger.close());
    expect(() =>
      ledger.transaction(() => {
        ledger.events.append(actor, { kind: 'first' });
        ledger.people.ensure('console:x', 1);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(ledger.events.count()).toBe(0);
    expect(ledger.people.get('console:x')).toBeUndefined();
  });
});
