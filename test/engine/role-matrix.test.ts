import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { ROLES, type Role, roleAllows } from '../../src/engine/command.ts';
import { Harness } from '../support/harness.ts';

/**
 * SPEC 7: "a person without the role who tries a coordinator command gets a refusal and nothing
 * changes". Every command in commands/index.ts × every role, so commands added later are covered too.
 */

const PEOPLE: Record<Role, string> = {
  anyone: 'telegram:100',
  volunteer: 'telegram:101',
  coordinator: 'telegram:102',
  admin: 'telegram:103',
};

/** Argument shapes that would make most commands act, if the role check let them through. */
const ARGS = [
  '',
  'R-1',
  'S-1 V-1',
  'R-1 done',
  'telegram:100 admin',
  'V-1',
  'B-1',
  '20 water @ -7.80,110.36',
];

let h: Harness;

/** Each send a minute apart: flood control (20 a minute) would otherwise answer instead of the command. */
function send(from: string, text: string) {
  h.clock.advance(61_000);
  return h.send(from, text);
}
const say = (from: string, text: string) =>
  send(from, text)
    .map((r) => r.text)
    .join('\n');

/** Everything a command could change: every state table, whole; people without their last-seen time. */
function snapshot(): string {
  const db = h.db;
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
       AND name NOT IN ('inbox', 'outbox', 'people', 'schema_migrations') ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  const state: Record<string, unknown> = {};
  for (const t of tables) state[t] = db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all();
  state.people = db
    .prepare('SELECT id, role, language, reachable, last_lat, last_lon FROM people ORDER BY id')
    .all();
  return JSON.stringify(state);
}

beforeAll(() => {
  h = new Harness({ ADMINS: PEOPLE.admin });
  const db = h.db;
  const at = h.clock.now;
  for (const id of Object.values(PEOPLE)) h.ledger.people.ensure(id, at);
  h.grant(PEOPLE.coordinator, 'coordinator');
  db.prepare(
    `INSERT INTO volunteers (id, person_id, name, area, created_at, updated_at)
     VALUES (1, ?, 'Vol', 'DIY/Bantul', ?, ?)`,
  ).run(PEOPLE.volunteer, at, at);
  db.prepare(
    `INSERT INTO requests (id, requester, items, area, status, created_at, updated_at)
     VALUES (1, 'telegram:200', '[{"name":"water","qty":20}]', 'DIY/Bantul', 'verified', ?, ?)`,
  ).run(at, at);
  db.prepare(
    `INSERT INTO rescues (id, reporter, lat, lon, area, created_at, updated_at)
     VALUES (1, 'telegram:201', -7.8, 110.36, 'DIY/Bantul', ?, ?)`,
  ).run(at, at);
  db.prepare(
    `INSERT INTO groups (id, transport, chat_id, title, topics, area, created_at, updated_at)
     VALUES (1, 'telegram', '-100', 'Posko', '["rescue","supply","sitrep"]', 'DIY', ?, ?)`,
  ).run(at, at);
  db.prepare(
    `INSERT INTO broadcasts (id, author, text, target, state, created_at, updated_at)
     VALUES (1, ?, 'hello', 'all', 'scheduled', ?, ?)`,
  ).run(PEOPLE.coordinator, at, at);
});
afterAll(() => h.close());

describe('who may run what: every command × every role', () => {
  it('the seeded people hold the roles the matrix assumes', () => {
    for (const role of ROLES) expect(say(PEOPLE[role], '/whoami'), role).toContain(`Role: `);
    expect(say(PEOPLE.volunteer, '/whoami')).toContain('Role: volunteer');
    expect(say(PEOPLE.coordinator, '/whoami')).toContain('Role: coordinator');
    expect(say(PEOPLE.admin, '/whoami')).toContain('Role: admin');
    expect(say(PEOPLE.anyone, '/whoami')).toContain('Role: anyone');
  });

  for (const command of commands) {
    for (const role of ROLES) {
      const allowed = roleAllows(role, command.role);
      it(`/${command.name} by ${role}: ${allowed ? 'allowed' : 'refused, nothing changes'}`, () => {
        if (allowed) {
          const out = say(PEOPLE[role], `/${command.name}`);
          expect(out).not.toContain('is only for');
          expect(out).not.toContain('something went wrong');
          send(PEOPLE[role], '/cancel');
          return;
        }
        for (const args of ARGS) {
          const before = snapshot();
          const events = h.count('events');
          const rows = send(PEOPLE[role], `/${command.name} ${args}`.trim());
          expect(rows.map((r) => r.text)).toEqual([expect.stringContaining('is only for')]);
          expect(rows[0]?.chat_id).toBe(PEOPLE[role].slice('telegram:'.length));
          expect(h.count('events')).toBe(events);
          expect(snapshot()).toBe(before);
        }
      });
    }
  }
});
