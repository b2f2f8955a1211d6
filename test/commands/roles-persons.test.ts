import { Writable } from 'node:stream';
import fc from 'fast-check';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { TRANSPORT_TRAITS, TRANSPORTS, type TransportName } from '../../src/domain/message.ts';
import { identityOf, isPerson } from '../../src/domain/person-identity.ts';
import { Core } from '../../src/engine/engine.ts';
import { Harness } from '../support/harness.ts';
import { addVolunteer } from '../support/volunteers.ts';

let h: Harness | undefined;
afterEach(() => {
  h?.close();
  h = undefined;
});

const ADMIN = 'telegram:1';
const digits = (min: number, max: number) =>
  fc.stringMatching(new RegExp(`^[1-9][0-9]{${min - 1},${max - 1}}$`));

/** Identities that are not persons: groups, channels, broadcast lists, senders standing for a chat. */
const nonPerson = fc.oneof(
  digits(1, 13).map((d) => `telegram:-${d}`),
  digits(10, 13).map((d) => `telegram:-100${d}`),
  digits(1, 13).map((d) => `telegram:chat:-${d}`),
  fc.constantFrom('telegram:1087968824', 'telegram:777000', 'telegram:136817688'),
  digits(10, 18).map((d) => `whatsapp:${d}@g.us`),
  digits(10, 18).map((d) => `whatsapp:${d}-${d.slice(0, 6)}@g.us`),
  digits(10, 18).map((d) => `whatsapp:${d}@newsletter`),
  fc.constant('whatsapp:status@broadcast'),
  digits(5, 18).map((d) => `whatsapp:chat:${d}@g.us`),
  fc.stringMatching(/^[a-z0-9-]{1,12}$/).map((s) => `console:chat:${s}`),
);

/** The same, written with the transport or the suffix in other cases (`Telegram:-1001`, `@G.US`, `CHAT:`). */
const oddCase = fc.tuple(nonPerson, fc.constantFrom('upper', 'title', 'suffix')).map(([id, how]) => {
  const i = id.indexOf(':');
  if (how === 'upper') return id.slice(0, i).toUpperCase() + id.slice(i);
  if (how === 'title') return id[0]!.toUpperCase() + id.slice(1);
  return id.slice(0, i) + id.slice(i).toUpperCase();
});

const rolesHeld = (hh: Harness) =>
  hh.db.prepare("SELECT COUNT(*) FROM people WHERE role <> 'anyone'").pluck().get() as number;

describe('roles are held by persons only', () => {
  it('/grant and /revoke refuse every group, channel and anonymous admin with its reason, and change nothing', () => {
    const hh = new Harness({ ADMINS: ADMIN });
    h = hh;
    fc.assert(
      fc.property(nonPerson, fc.constantFrom('coordinator', 'admin', 'koordinator'), (id, role) => {
        hh.clock.advance(61_000);
        const events = hh.count('events');
        const grant = hh.say(ADMIN, `/grant ${id} ${role}`);
        expect(grant).toMatch(/not a person|stands for a whole chat/);
        expect(grant).toContain('Nothing was changed');
        const revoke = hh.say(ADMIN, `/revoke ${id}`);
        expect(revoke).toMatch(/not a person|stands for a whole chat/);
        expect(rolesHeld(hh)).toBe(0);
        expect(hh.count('events')).toBe(events);
      }),
      { numRuns: 60 },
    );
  });

  it('refuses them written in any case, a registered console group, and a V-n that names no person', () => {
    const hh = new Harness({ ADMINS: ADMIN });
    h = hh;
    fc.assert(
      fc.property(oddCase, (id) => {
        hh.clock.advance(61_000);
        expect(hh.say(ADMIN, `/grant ${id} coordinator`)).toMatch(/not a person|stands for a whole chat/);
        expect(rolesHeld(hh)).toBe(0);
      }),
      { numRuns: 60 },
    );
    // On the console a group is named by free words, as a person is: the registered one is refused.
    const posko = { transport: 'console' as const, chatId: 'Posko', kind: 'group' as const };
    hh.ledger.groups.register({ id: ADMIN, at: hh.clock.now }, posko, {
      topics: ['rescue'],
      area: null,
      registeredBy: ADMIN,
    });
    expect(hh.say(ADMIN, '/grant console:Posko coordinator')).toMatch(/not a person/);
    // A volunteer record of a chat identity (never made by /volunteer, which is private) is no person.
    const v = addVolunteer(hh, 'telegram:chat:-1002');
    expect(hh.say(ADMIN, `/grant V-${v} coordinator`)).toMatch(/stands for a whole chat/);
    expect(rolesHeld(hh)).toBe(0);
    // The Cloud API's persons are persons like any other.
    expect(hh.say(ADMIN, '/grant whatsapp-cloud:6281234567890 coordinator')).toContain('is now coordinator');
  });

  it('ADMINS naming a non-person stops the start with one line naming the variable and the id', () => {
    fc.assert(
      fc.property(nonPerson, (id) => {
        let error: unknown;
        try {
          loadConfig({ ADMINS: `telegram:5,${id}` }, '/nonexistent');
        } catch (err) {
          error = err;
        }
        expect(error).toBeInstanceOf(ConfigError);
        const message = (error as Error).message;
        expect(message.split('\n')).toHaveLength(1);
        expect(message).toMatch(/^Invalid ADMINS=/);
        expect(message).toContain(`${id} `);
        expect(message).toContain('roles are held by persons only');
      }),
      { numRuns: 100 },
    );
  });

  it('names a WhatsApp person by their number, with or without @c.us, in ADMINS and in /grant alike', () => {
    fc.assert(
      fc.property(
        digits(8, 15),
        fc.constantFrom('', '@c.us'),
        fc.constantFrom('', '+'),
        (n, suffix, plus) => {
          const config = loadConfig({ ADMINS: `whatsapp:${plus}${n}${suffix}` }, '/nonexistent');
          expect(config.ADMINS).toEqual([`whatsapp:${n}@c.us`]);
          expect(identityOf(`whatsapp:${plus}${n}${suffix}`)).toEqual({
            person: true,
            id: `whatsapp:${n}@c.us`,
          });
        },
      ),
    );
    h = new Harness({ ADMINS: ADMIN });
    expect(h.say(ADMIN, '/grant whatsapp:6281234567890 coordinator')).toContain(
      'whatsapp:6281234567890@c.us is now coordinator',
    );
    expect(h.ledger.people.get('whatsapp:6281234567890@c.us')?.role).toBe('coordinator');
  });

  it('every transport names its persons, and none of its chat identities is one', () => {
    const persons: Record<Exclude<TransportName, 'web'>, string> = {
      console: 'console:local',
      telegram: 'telegram:5',
      whatsapp: 'whatsapp:6281234567890@c.us',
      'whatsapp-cloud': 'whatsapp-cloud:6281234567890',
    };
    // A new transport fails here until person-identity.ts knows who its persons are.
    expect(Object.keys(persons).sort()).toEqual(
      TRANSPORTS.filter((t) => TRANSPORT_TRAITS[t].ownPersons).sort(),
    );
    for (const id of Object.values(persons)) expect(isPerson(id)).toBe(true);
    // The dashboard's chats belong to persons of other transports: no `web:` id is ever a person.
    expect(isPerson('web:telegram:5')).toBe(false);
    for (const t of TRANSPORTS) expect(isPerson(`${t}:chat:-1001`)).toBe(false);
  });

  it('/whoami from an anonymous admin says it is not a person who can hold a role', () => {
    h = new Harness();
    const group = { transport: 'telegram' as const, chatId: '-1001', kind: 'group' as const };
    const text = h.say({ id: 'telegram:chat:-1001', chat: group, pseudo: true }, '/whoami');
    expect(text).toContain('not as a person');
    expect(text).not.toContain('telegram:chat:-1001');
  });

  it('a role stored for a non-person is ignored, with a warning at start, and nobody of it hears coordinator notices', () => {
    h = new Harness();
    h.grant('telegram:chat:-1001', 'coordinator');
    h.grant('whatsapp:120363@g.us', 'admin');
    const lines: string[] = [];
    const log = pino(
      { level: 'warn' },
      new Writable({
        write(chunk, _e, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    new Core({ ledger: h.ledger, translator: h.catalog, areas: h.areas, config: h.config, commands, log });
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toContain('roles are held by persons only');
    h.send('telegram:77', 'SOS -7.9123,110.3456');
    expect(h.outbox().filter((r) => r.chat_id === '-1001' || r.chat_id.endsWith('@g.us'))).toEqual([]);
  });
});
