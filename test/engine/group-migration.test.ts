import { afterEach, describe, expect, it } from 'vitest';
import { Harness } from '../support/harness.ts';

/**
 * A Telegram group upgraded to a supergroup lives on under a new chat id (issue 18): its registration,
 * the messages still queued for it and a dialog in progress there follow, with a `group.migrated` event.
 */

let h: Harness;
afterEach(() => h.close());

const COORDINATOR = 'telegram:9';
const OLD = '-4001';
const NEW = '-1004001';
const inChat = (chatId: string) => ({
  id: COORDINATOR,
  chat: { transport: 'telegram' as const, chatId, kind: 'group' as const },
});
const migrated = { kind: 'migrated' as const, from: OLD, to: NEW };
const pendingChats = () =>
  h.db
    .prepare("SELECT DISTINCT chat_id FROM outbox WHERE state = 'pending' AND kind = 'group'")
    .pluck()
    .all();

describe('a group upgraded to a supergroup', () => {
  it('moves the registration and the queued messages, once, with an event', () => {
    h = new Harness();
    h.grant(COORDINATOR, 'coordinator');
    h.send(inChat(OLD), '/register all Bantul');
    h.send(COORDINATOR, '/broadcast Bantul Water at the Imogiri post at 15:00');
    expect(pendingChats()).toEqual([OLD]);

    // Telegram says it in the old chat (migrate_to_chat_id) and in the new one (migrate_from_chat_id).
    h.send(inChat(OLD), migrated);
    h.send(inChat(NEW), migrated);

    expect(h.ledger.groups.get(1)).toMatchObject({ chat_id: NEW, active: true, reachable: true });
    expect(pendingChats()).toEqual([NEW]);
    expect(h.ledger.events.forSubject('G-1').map((e) => e.kind)).toEqual([
      'group.registered',
      'group.migrated',
    ]);
    expect(h.ledger.events.verify()).toMatchObject({ ok: true });

    h.send(COORDINATOR, '/broadcast Bantul Second delivery at 17:00');
    expect(pendingChats()).toEqual([NEW]);
    // The group answers from its new id as the same G-1.
    expect(h.say(inChat(NEW), '/register all Bantul')).toContain('G-1 updated');
  });

  it('takes a dialog begun in the old chat along', () => {
    h = new Harness();
    const person = { id: 'telegram:5', chat: inChat(OLD).chat };
    h.send(person, '/sos');
    expect(h.ledger.dialogs.get(person.id, person.chat)).toBeDefined();
    h.send({ ...person }, migrated);
    expect(h.ledger.dialogs.get(person.id, person.chat)).toBeUndefined();
    expect(h.ledger.dialogs.get(person.id, inChat(NEW).chat)).toMatchObject({ command: 'sos' });
  });

  it('keeps the registration of a new chat registered before the move was seen', () => {
    h = new Harness();
    h.grant(COORDINATOR, 'coordinator');
    h.send(inChat(OLD), '/register all Bantul');
    h.send(inChat(NEW), '/register supply Bantul');
    h.send(inChat(NEW), migrated);
    expect(h.ledger.groups.get(1)).toMatchObject({ chat_id: OLD, active: false });
    expect(h.ledger.groups.get(2)).toMatchObject({ chat_id: NEW, active: true });
  });
});
