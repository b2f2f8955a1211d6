import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InboundContent } from '../../src/domain/message.ts';
import { ledgerRuns } from '../support/engine.ts';
import { Harness, type OutRow } from '../support/harness.ts';

/**
 * SPEC 7: every SOS attempt reaches a coordinator. Whatever the person sends after a message that
 * starts the rescue path (garbage, points off the map, silence, other commands, buttons of nothing),
 * a case exists from the first message on and coordinators were told of it at once.
 */

const COORDINATOR = 'telegram:900';
const REPORTER = 'telegram:1';

const starter = fc.oneof(
  fc.constantFrom(
    'SOS',
    '/sos',
    'SOS!!!',
    'S.O.S',
    '🆘',
    'TOLONG!!',
    '/darurat',
    'SOS 999,999',
    '/sos 999,999',
    'SOS －９９９,９９９',
    'SOS ٩٩٩,٩٩٩',
    'sos -95.5,200.1',
    'kami terjebak di atap, air naik, 5 orang',
    'air naik, kami terjebak',
    'rumah roboh ada yang tertimbun',
    'ada yang tenggelam di sungai',
    'kebakaran! 3 orang di dalam',
    'Imogiri 4 orang SOS!!',
    'help, we are trapped',
  ),
  fc.string({ maxLength: 40 }).map((g) => `SOS ${g}`),
  fc.string({ maxLength: 40 }).map((g) => `/sos ${g}`),
);

type Answer = { kind: 'silence'; minutes: number } | { kind: 'send'; content: InboundContent | string };
const send = (content: InboundContent | string): Answer => ({ kind: 'send', content });
const answer: fc.Arbitrary<Answer> = fc.oneof(
  fc.string({ maxLength: 60 }).map(send),
  fc.string({ unit: 'grapheme', maxLength: 30 }).map(send),
  fc
    .tuple(fc.integer({ min: 91, max: 9999 }), fc.integer({ min: 181, max: 9999 }))
    .map(([a, b]) => send(`${a},${b}`)),
  fc
    .tuple(fc.double({ min: -89, max: 89, noNaN: true }), fc.double({ min: -179, max: 179, noNaN: true }))
    .map(([lat, lon]) => send({ kind: 'location', lat, lon })),
  fc.integer({ min: 1, max: 120 }).map((minutes): Answer => ({ kind: 'silence', minutes })),
  fc
    .constantFrom(
      '/help',
      '/need',
      '/cancel',
      '/batal',
      '/status',
      '/lang en',
      '/lang id',
      '/rescued',
      '/forget',
      '/volunteer',
      'lewati',
      'skip',
      '1',
      '7',
      'ya',
      'tidak',
      'SOS',
      '',
      '   ',
    )
    .map(send),
  fc
    .constantFrom<InboundContent>(
      { kind: 'choice', value: 'skip' },
      { kind: 'choice', value: 'nonsense' },
      { kind: 'unsupported', what: 'sticker' },
      { kind: 'contact', phone: '+6281234567890', own: true },
    )
    .map(send),
);

const apology = (rows: OutRow[]) => rows.some((r) => /something went wrong|terjadi kesalahan/i.test(r.text));

describe('no SOS attempt is ever dropped (property)', () => {
  it('a case exists and coordinators were told at once, whatever comes next', () => {
    fc.assert(
      fc.property(starter, fc.array(answer, { maxLength: 8 }), (first, answers) => {
        const h = new Harness({ ADMINS: COORDINATOR });
        try {
          const rows = h.send(REPORTER, first);
          expect(apology(rows)).toBe(false);
          expect(h.count('rescues'), first).toBe(1);
          const told = rows.filter((r) => r.chat_id === '900');
          expect(told.map((r) => r.text).join('\n'), first).toMatch(/New rescue case S-1/);
          for (const a of answers) {
            if (a.kind === 'silence') {
              h.clock.advance(a.minutes * 60_000);
              continue;
            }
            h.clock.advance(4_000);
            expect(apology(h.send(REPORTER, a.content))).toBe(false);
            expect(h.count('rescues')).toBeGreaterThanOrEqual(1);
          }
        } finally {
          h.close();
        }
      }),
      { numRuns: ledgerRuns(60) },
    );
  });
});
