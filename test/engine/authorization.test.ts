import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import type { ChatRef } from '../../src/domain/message.ts';
import { roleAllows } from '../../src/engine/command.ts';
import { Harness, type Person } from '../support/harness.ts';
import { addRequest, addRescue, addVolunteer } from '../support/volunteers.ts';

/**
 * SPEC 7 and FIELD-NOTES: a person without the role gets a refusal and nothing changes, in every
 * context a message can come from. One test per (command, context) cell.
 */

const STATE_TABLES = ['events', 'requests', 'rescues', 'volunteers', 'groups', 'broadcasts', 'dialogs'];
const REGISTERED_GROUP: ChatRef = { transport: 'telegram', chatId: '-1001', kind: 'group' };
const OTHER_GROUP: ChatRef = { transport: 'telegram', chatId: '-1002', kind: 'group' };

let h: Harness;
beforeAll(() => {
  // The pseudo-senders hold stored admin roles on purpose (ADMINS refuses them): even so they hold none.
  h = new Harness({ ADMINS: 'telegram:1' });
  h.grant('telegram:1087968824', 'admin');
  h.grant('telegram:777000', 'admin');
  addVolunteer(h, 'telegram:40');
  addRequest(h, { requester: 'telegram:50', area: 'DIY/Bantul' });
  addRescue(h, { reporter: 'telegram:51', area: 'DIY/Bantul', lat: -7.9, lon: 110.4 });
  h.send({ id: 'telegram:1', chat: REGISTERED_GROUP }, '/register all');
  h.newRows();
});
afterAll(() => h.close());

/** Every row of every state table, roles included: what "nothing changed" is compared against. */
function snapshot(): string {
  const rows = STATE_TABLES.map((t) => h.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all());
  const roles = h.db.prepare("SELECT id, role FROM people WHERE role != 'anyone' ORDER BY id").all();
  return JSON.stringify([rows, roles]);
}

let next = 2000;
const stranger = (): string => `telegram:${next++}`;

const contexts: [string, () => Person][] = [
  ['a private chat', () => ({ id: stranger() })],
  ['a registered group', () => ({ id: stranger(), chat: REGISTERED_GROUP })],
  ['an unregistered group', () => ({ id: stranger(), chat: OTHER_GROUP })],
  ['an anonymous group admin', () => ({ id: 'telegram:1087968824', chat: REGISTERED_GROUP, pseudo: true })],
  ['a linked channel post', () => ({ id: 'telegram:777000', chat: REGISTERED_GROUP, pseudo: true })],
];

const guarded = commands.filter((c) => !roleAllows('anyone', c.role));

describe('commands that need a role, tried without it', () => {
  it('covers every guarded command', () => {
    expect(guarded.map((c) => c.name)).toEqual(
      expect.arrayContaining(['verify', 'grant', 'broadcast', 'take']),
    );
  });

  for (const command of guarded) {
    for (const [context, who] of contexts) {
      it(`/${command.name} from ${context}: refused, nothing changes`, () => {
        const before = snapshot();
        const person = who();
        const rows = h.send(person, `/${command.name} R-1 V-1 S-1 all test`);
        const replies = rows.filter((r) => r.kind === 'reply');
        if (person.chat?.kind !== 'group') expect(replies.map((r) => r.text).join()).toMatch(/only for/);
        expect(rows.filter((r) => r.kind !== 'reply')).toEqual([]);
        expect(snapshot()).toBe(before);
      });
    }
  }
});

describe('buttons and callback data', () => {
  it('a coordinator button pressed by someone else is refused', () => {
    const before = snapshot();
    const rows = h.send(stranger(), { kind: 'choice', value: '/verify R-1' });
    expect(rows.map((r) => r.text).join()).toMatch(/only for/);
    expect(snapshot()).toBe(before);
  });

  it("forged callback data naming someone else's request is refused", () => {
    const before = snapshot();
    const rows = h.send(stranger(), { kind: 'choice', value: '/cancel R-1' });
    expect(rows).toHaveLength(1);
    expect(snapshot()).toBe(before);
    expect(h.db.prepare('SELECT status FROM requests WHERE id = 1').pluck().get()).toBe('verified');
  });

  it('an unknown action in callback data changes nothing', () => {
    const before = snapshot();
    for (const value of ['/selfdestruct', 'drop table', '\u0000', '/grant telegram:2000 admin']) {
      h.send(stranger(), { kind: 'choice', value });
    }
    expect(snapshot()).toBe(before);
  });
});
