import { afterEach, describe, expect, it } from 'vitest';
import { group } from '../supply/support.ts';
import { Harness, type OutRow } from '../support/harness.ts';

let h: Harness;
afterEach(() => h.close());

const COORDINATOR = 'telegram:900';
const REPORTER = 'telegram:1';
const IN_GROUP = {
  id: COORDINATOR,
  chat: { transport: 'telegram' as const, chatId: '-100', kind: 'group' as const },
};
const to = (rows: OutRow[], chatId: string) => rows.filter((r) => r.chat_id === chatId).map((r) => r.text);

function setup(): Harness {
  h = new Harness({ ADMINS: COORDINATOR });
  group(h, '-100', 'DIY/Bantul', ['rescue']);
  group(h, '-200', 'DIY/Bantul', ['supply']);
  return h;
}

describe('what groups may see', () => {
  it('a broadcast loses its phone numbers and exact locations; its author sees what groups will read and confirms', () => {
    setup();
    const preview = h.send(
      COORDINATOR,
      '/broadcast all Evakuasi di -7.912345,110.335678. Hubungi HP081234567890 atau 0812 - 3456 - 7890',
    );
    const sent = 'Evakuasi di -7.91,110.34. Hubungi HP[...] atau [...]';
    expect(preview.map((r) => r.chat_id)).toEqual(['900']);
    expect(preview[0]!.text).toContain('I took out 3 phone numbers, exact locations or private links');
    expect(preview[0]!.text).toContain(sent);
    expect(h.count('broadcasts')).toBe(0);
    const rows = h.send(COORDINATOR, 'ya');
    expect(to(rows, '-100')).toEqual([sent]);
    expect(to(rows, '-200')).toEqual([sent]);
    expect(h.ledger.broadcasts.get(1)?.text).toBe(sent);
  });

  it('a scheduled broadcast is confirmed and stored redacted too', () => {
    setup();
    const reply = h.say(COORDINATOR, '/schedule 23:00 all Posko buka, WA 0812-9999-1111');
    expect(reply).toContain('I took out 1 phone number');
    expect(h.say(COORDINATOR, 'yes')).toContain('scheduled for');
    expect(h.ledger.broadcasts.get(1)?.text).toBe('Posko buka, WA [...]');
  });

  it('words outside the item catalog reach supply groups without the number in them', () => {
    setup();
    h.send('telegram:5', '/need 20 water, hubungi HP081234567890 @ Bantul');
    h.send('telegram:6', '/need Pak Darto 0877-6655-4433 @ Bantul');
    const rows = [...h.send(COORDINATOR, '/verify R-1'), ...h.send(COORDINATOR, '/verify R-2')];
    const groupText = to(rows, '-200').join('\n');
    expect(groupText).not.toMatch(/\d{4}/);
    expect(JSON.stringify(h.db.prepare('SELECT items FROM requests').pluck().all())).not.toMatch(/\d{4}/);
  });

  it('a coordinator command typed in a group answers there with nothing personal; the record goes privately', () => {
    setup();
    h.send(REPORTER, 'SOS Jl. Imogiri Timur km 8, 4 orang, air naik, 081234567890');
    h.newRows();
    const rows = h.send(IN_GROUP, '/locate S-1 Jl. Parangtritis km 5 no. 12');
    expect(to(rows, '-100')).toContain('Details sent to you privately.');
    const group = to(rows, '-100').join('\n');
    expect(group).not.toContain('Parangtritis km 5 no. 12');
    expect(group).not.toContain(REPORTER);
    expect(to(rows, '900').join('\n')).toContain('Jl. Parangtritis km 5 no. 12');
  });
});
