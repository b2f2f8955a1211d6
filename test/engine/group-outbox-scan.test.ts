import { afterEach, describe, expect, it } from 'vitest';
import { Harness } from '../support/harness.ts';

let h: Harness;
afterEach(() => h.close());

const COORDINATOR = 'telegram:900';
const IN_GROUP = {
  id: COORDINATOR,
  chat: { transport: 'telegram' as const, chatId: '-100', kind: 'group' as const },
};

/**
 * An independent, cruder reading than the redaction's: any 8 digits with only punctuation or spaces
 * between them (dates and times aside), or a decimal degree with 3 or more decimals.
 */
function leaks(text: string): string[] {
  const plain = text.normalize('NFKC').replace(/[\u200B-\u200F\u2060-\u2064\uFEFF]/g, '');
  const runs = plain.match(/\d[\d\s\p{P}\p{S}]*\d/gu) ?? [];
  const phoneLike = runs
    .flatMap((r) => r.split(/[,;]\s+|\s{2,}/))
    .filter((r) => r.replace(/\D/g, '').length >= 8)
    .filter((r) => !/^(\d{4}-\d{2}-\d{2}|\d{1,2}[.:]\d{2}\s*-\s*\d{1,2}[.:]\d{2})$/.test(r.trim()))
    .filter((r) => !/^-?\d{1,2}\.\d{2},-?\d{1,3}\.\d{2}$/.test(r.trim()));
  const fine = plain.match(/\d\.\d{3,}/g) ?? [];
  return [...phoneLike, ...fine];
}

describe('the whole run, read from the outbox', () => {
  it('no group-bound message carries a phone-like digit run or an over-precise coordinate', () => {
    h = new Harness({ ADMINS: COORDINATOR });
    for (const [chat, topics] of [
      ['-100', '["rescue","sitrep"]'],
      ['-200', '["supply","volunteers"]'],
    ])
      h.db
        .prepare(
          `INSERT INTO groups (transport, chat_id, title, topics, area, created_at, updated_at)
           VALUES ('telegram', ?, 'Posko', ?, NULL, 0, 0)`,
        )
        .run(chat, topics);
    const hostile = [
      'SOS Jl. Imogiri Timur km 8, 4 orang, air naik, HP081234567890 di -7.912345,110.335678.',
      'TOLONG 7°54\'44.4"S 110°20\'08.4"E hubungi ٠٨١٢٣٤٥٦٧٨٩٠',
      '/need 20 water, hubungi HP081234567890 @ Bantul',
      '/need Pak Darto 0877-6655-4433, beras 5 kg @ Bantul',
    ];
    for (const [i, text] of hostile.entries()) {
      h.clock.advance(61_000);
      h.send(`telegram:${10 + i}`, text);
    }
    h.send(COORDINATOR, '/verify R-1');
    h.send(COORDINATOR, '/verify R-2');
    h.send(COORDINATOR, '/ack S-1');
    h.send(IN_GROUP, '/locate S-1 geo:-7.923456,110.345678');
    h.send(IN_GROUP, '/close S-2 called 0811-2223-334 at -7,912345 110,335678');
    h.send(
      COORDINATOR,
      '/broadcast all Posko buka 08.00-17.00, WA 0812 - 3456 - 7890, https://maps.google.com/?q=-7.912345,110.335678',
    );
    h.send(COORDINATOR, '/sitrep');
    h.clock.advance(60 * 60_000);

    const groupRows = h.outbox().filter((r) => r.chat_kind === 'group');
    expect(groupRows.length).toBeGreaterThan(5);
    for (const r of groupRows) expect(leaks(r.text), r.text).toEqual([]);
    // The check itself finds what it is looking for.
    expect(leaks('hubungi 0812 - 3456 - 7890')).not.toEqual([]);
    expect(leaks('di -7.912,110.34')).not.toEqual([]);
  });
});
