import { afterEach, describe, expect, it } from 'vitest';
import { Harness, type OutRow } from '../support/harness.ts';

let h: Harness;
afterEach(() => h.close());

const COORDINATOR = 'telegram:9';

function setUp(): Harness {
  h = new Harness();
  h.grant(COORDINATOR, 'coordinator');
  h.ledger.groups.register(
    { id: 'test', at: h.clock.now },
    { transport: 'telegram', chatId: '-1', kind: 'group' },
    { topics: ['supply'], area: null, registeredBy: COORDINATOR },
  );
  return h;
}

const groupTexts = (rows: OutRow[]) => rows.filter((r) => r.chat_kind === 'group').map((r) => r.text);

describe('/publiccontact', () => {
  it('lets a registered hotline reach groups however it is written, and no other number', () => {
    setUp();
    expect(h.say(COORDINATOR, '/publiccontact add 0812-1111-2222 Posko Imogiri')).toContain(
      'is now a public contact',
    );
    h.send(COORDINATOR, '/broadcast all Posko Imogiri: +62 812 1111 2222. Pak Darto 0812-3333-4444');
    const rows = h.send(COORDINATOR, 'yes');
    expect(groupTexts(rows)).toEqual(['Posko Imogiri: +62 812 1111 2222. Pak Darto [...]']);
    const [event] = h.ledger.events.forSubject('6281211112222');
    expect(event).toMatchObject({ kind: 'public_contact.add', actor: h.pseudonym(COORDINATOR) });
  });

  it('lists and removes, with the Indonesian alias; a removed number is removed again', () => {
    setUp();
    h.send(COORDINATOR, '/kontakpublik tambah +62 274 123456 Posko Bantul');
    expect(h.say(COORDINATOR, '/kontakpublik daftar')).toContain('+62 274 123456 — Posko Bantul');
    expect(h.say(COORDINATOR, '/publiccontact add 0274 123456 Posko Bantul')).toContain('already');
    expect(h.say(COORDINATOR, '/kontakpublik hapus 0274-123456')).toContain('no longer a public contact');
    expect(h.say(COORDINATOR, '/publiccontact list')).toContain('No public contacts');
    expect(h.ledger.events.forSubject('62274123456').map((e) => e.kind)).toEqual([
      'public_contact.add',
      'public_contact.remove',
    ]);
    h.send(COORDINATOR, '/broadcast all Posko Bantul 0274 123456');
    expect(groupTexts(h.send(COORDINATOR, 'yes'))).toEqual(['Posko Bantul [...]']);
  });

  it('is for coordinators, and refuses what is not a number', () => {
    setUp();
    expect(h.say('telegram:5', '/publiccontact add 0812-1111-2222 Me')).toContain('is only for');
    expect(h.say(COORDINATOR, '/publiccontact add Posko')).toContain('Use it like this');
    expect(h.say(COORDINATOR, '/publiccontact remove 0812-0000-0000')).toContain('not a registered');
    expect(h.ledger.publicContacts.list()).toEqual([]);
  });
});
