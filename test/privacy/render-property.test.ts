import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChatRef } from '../../src/domain/message.ts';
import { isPerson } from '../../src/domain/person-identity.ts';
import { Outcome } from '../../src/engine/outcome.ts';
import { PUBLIC_FIELDS } from '../../src/engine/privacy.ts';
import { render } from '../../src/engine/render.ts';
import { group } from '../supply/support.ts';
import { Harness } from '../support/harness.ts';
import { addVolunteer } from '../support/volunteers.ts';

/**
 * Whatever a command asks (any catalog message, to the asker, a person, coordinators, groups, one
 * group), typed in any chat by anyone: a row that carries a personal field goes to a person's private
 * chat, and no group row holds the value of a placeholder outside the public fields.
 */

const GROUP: ChatRef = { transport: 'telegram', chatId: '-100', kind: 'group' };
const senders = [
  { id: 'telegram:5', chat: { transport: 'telegram', chatId: '5', kind: 'private' } as ChatRef },
  { id: 'telegram:5', chat: GROUP },
  { id: 'telegram:chat:-100', chat: GROUP },
  {
    id: 'whatsapp:6281234567890@c.us',
    chat: { transport: 'whatsapp', chatId: '120363@g.us', kind: 'group' } as ChatRef,
  },
];
const people = [
  'telegram:5',
  'telegram:701',
  'telegram:chat:-100',
  'whatsapp:120363@g.us',
  'whatsapp:62811@c.us',
];

describe('the renderer, whatever it is asked', () => {
  it('puts personal fields only in private chats of persons, and never a non-public field in a group', () => {
    const h = new Harness({ ADMINS: 'telegram:1' });
    try {
      group(h, '-100', null, ['supply', 'rescue']);
      addVolunteer(h, 'telegram:701');
      h.grant('telegram:chat:-100', 'coordinator');
      const keys = h.catalog.keys('en').filter((k) => !k.startsWith('cmd-'));
      const planned = fc.record({
        key: fc.constantFrom(...keys),
        route: fc.constantFrom('reply', 'notify', 'assignee', 'coordinators', 'announce', 'group', 'raw'),
        person: fc.constantFrom(...people),
      });
      fc.assert(
        fc.property(
          fc.constantFrom(...senders),
          fc.array(planned, { minLength: 1, maxLength: 6 }),
          (sender, list) => {
            h.db.prepare('DELETE FROM outbox').run();
            const out = new Outcome();
            for (const p of list) {
              // Every placeholder gets a value that names it, so a leak says which field leaked.
              const args = Object.fromEntries(
                (h.catalog.placeholders(p.key) ?? []).map((name) => [name, `«${name}»`]),
              );
              if (p.route === 'reply') out.reply(p.key, args);
              else if (p.route === 'notify') out.notify(p.person, p.key, args);
              else if (p.route === 'assignee') out.notifyAssignee(p.person, p.key, args);
              else if (p.route === 'coordinators') out.toCoordinators(p.key, args);
              else if (p.route === 'announce') out.announce('supply', null, p.key, args);
              else if (p.route === 'group') out.toGroup(1, { key: p.key, args });
              else out.toGroup(1, { raw: '«text»' });
            }
            h.ledger.transaction(() =>
              render(
                {
                  ledger: h.ledger,
                  translator: h.catalog,
                  defaultLanguage: 'en',
                  admins: ['telegram:1'],
                  now: h.clock.now,
                  senderId: sender.id,
                  senderChat: sender.chat,
                },
                out,
              ),
            );
            const rows = h.db.prepare('SELECT chat_id, chat_kind, text, personal_for FROM outbox').all() as {
              chat_id: string;
              chat_kind: string;
              text: string;
              personal_for: string | null;
            }[];
            for (const r of rows) {
              if (r.personal_for !== null) expect(r.chat_kind).toBe('private');
              if (r.chat_kind === 'group')
                for (const [, name] of r.text.matchAll(/«([^»]+)»/g))
                  expect(PUBLIC_FIELDS.has(name!), r.text).toBe(true);
            }
            // Every personal row went to a person.
            for (const r of rows.filter((x) => x.personal_for !== null))
              expect(
                isPerson(r.chat_id.includes('@') ? `whatsapp:${r.chat_id}` : `telegram:${r.chat_id}`),
              ).toBe(true);
          },
        ),
        { numRuns: 300 },
      );
    } finally {
      h.close();
    }
  });
});
