import { afterEach, describe, expect, it } from 'vitest';
import { group } from '../supply/support.ts';
import { Harness } from '../support/harness.ts';
import { leaks } from '../support/outbox-scan.ts';

let h: Harness;
afterEach(() => h.close());

const COORDINATOR = 'telegram:900';
const IN_GROUP = {
  id: COORDINATOR,
  chat: { transport: 'telegram' as const, chatId: '-100', kind: 'group' as const },
};

describe('the whole run, read from the outbox', () => {
  it('no group-bound message carries a phone-like digit run or an over-precise coordinate', () => {
    h = new Harness({ ADMINS: COORDINATOR });
    group(h, '-100', null, ['rescue', 'sitrep']);
    group(h, '-200', null, ['supply', 'volunteers']);
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
    h.send(COORDINATOR, 'yes');
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

describe('every harness run of the suite checks its group-bound rows', () => {
  it('a leaked number in a group row fails the test that wrote it, a registered public contact does not', () => {
    const leaky = new Harness();
    const insert =
      leaky.db.prepare(`INSERT INTO outbox (transport, chat_id, chat_kind, kind, text, next_at, created_at)
      VALUES ('telegram', '-1', 'group', 'group', ?, 0, 0)`);
    insert.run('Posko hotline 0274-555-1234');
    leaky.db
      .prepare(`INSERT INTO public_contacts (key, number, label, added_by, created_at)
        VALUES ('622745551234', '0274-555-1234', 'Posko', 'test', 0)`)
      .run();
    insert.run('Call Siti at 0812 - 3456 - 7890 near -7.912345,110.335678');
    expect(() => leaky.close()).toThrow(/0812 - 3456 - 7890[\s\S]*7\.912345/);
    leaky.db.prepare("DELETE FROM outbox WHERE text LIKE 'Call Siti%'").run();
    leaky.close();
    h = new Harness();
  });
});
