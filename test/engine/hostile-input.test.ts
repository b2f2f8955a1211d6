import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { Harness } from '../support/harness.ts';

const h = new Harness();
afterAll(() => h.close());

let n = 0;
const nextSender = () => `telegram:${1000 + ++n}`;

const hostileText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ minLength: 9_000, maxLength: 10_000 }),
  fc.constantFrom(
    "'; DROP TABLE inbox; --",
    "/need 1 water'); DELETE FROM events; --",
    '\u202eSOS\u202c',
    'مساعدة \u200f/help',
    '🆘🆘🆘 /sos 🌊',
    '/lang ../../etc/passwd',
    '/start\u0000',
    '@loc 91,181',
    '/',
    '/@@',
    '',
  ),
);

const content = fc.oneof(
  hostileText.map((text) => ({ kind: 'text', text })),
  fc.record({ kind: fc.constant('location'), lat: fc.double(), lon: fc.double() }),
  fc.record({ kind: fc.constant('contact'), phone: fc.string(), own: fc.boolean() }),
  fc.record({ kind: fc.constant('choice'), value: fc.string({ maxLength: 80 }) }),
  fc.record({ kind: fc.constantFrom('sticker', 'poll', 'voice'), what: fc.string() }),
  fc.record({ kind: fc.constant('unsupported'), what: fc.constantFrom('sticker', 'voice', 'poll') }),
);

const message = fc.record(
  {
    chat: fc.record({
      transport: fc.constantFrom('telegram', 'whatsapp', 'console', 'sms'),
      chatId: fc.string({ maxLength: 20 }),
      kind: fc.constantFrom('private', 'group', 'channel'),
    }),
    messageId: fc.string({ maxLength: 20 }),
    content,
    at: fc.oneof(fc.nat(), fc.double()),
  },
  { requiredKeys: [] },
);

describe('hostile inbound payloads', () => {
  it('never throws, never fails a handler, never leaves a half-written record', () => {
    fc.assert(
      fc.property(fc.oneof(message, fc.anything()), (raw) => {
        const sender = nextSender();
        const shaped =
          raw && typeof raw === 'object' && !Array.isArray(raw)
            ? { sender: { id: sender }, ...(raw as object) }
            : raw;
        expect(() => h.core.receive([shaped])).not.toThrow();
      }),
      { numRuns: 400 },
    );
    const states = h.db.prepare('SELECT state, COUNT(*) AS n FROM inbox GROUP BY state').all();
    expect(states.filter((s) => (s as { state: string }).state !== 'done')).toEqual([]);
    expect(h.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(h.ledger.events.verify().ok).toBe(true);
  });

  it('answers every accepted private text, including 10,000 characters of it', () => {
    h.newRows();
    const rows = h.send(nextSender(), 'x'.repeat(10_000));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.text.length).toBeLessThan(1000);
  });

  it('rejects coordinates out of range at the edge, recording nothing', () => {
    const before = h.count('inbox');
    const result = h.core.receive([h.message(nextSender(), { kind: 'location', lat: 123, lon: 500 })]);
    expect(result).toMatchObject({ recorded: 0, invalid: 1 });
    expect(h.count('inbox')).toBe(before);
  });
});
