import { afterEach, describe, expect, it } from 'vitest';
import { Harness } from '../support/harness.ts';

let h: Harness;
afterEach(() => h.close());

const ADMIN = 'telegram:1';

describe('/grant and /revoke', () => {
  it('an admin from ADMINS makes someone a coordinator, who is told and can then run coordinator commands', () => {
    h = new Harness({ ADMINS: ADMIN });
    h.send('telegram:5', '/start');
    const rows = h.send(ADMIN, '/grant telegram:5 coordinator');
    expect(rows.map((r) => [r.chat_id, r.kind])).toEqual([
      ['1', 'reply'],
      ['5', 'notice'],
    ]);
    expect(rows[0]?.text).toContain('telegram:5 is now coordinator');
    expect(rows[1]?.text).toContain('you are now coordinator');
    expect(h.ledger.people.get('telegram:5')?.role).toBe('coordinator');
    expect(h.say('telegram:5', '/whoami')).toContain('Role: coordinator');
    const [event] = h.ledger.events.forSubject('telegram:5');
    expect(event).toMatchObject({ kind: 'person.role', actor: h.pseudonym(ADMIN) });
    expect(JSON.parse(event!.payload)).toEqual({ role: 'coordinator', previous: 'anyone' });
  });

  it('works with the Indonesian aliases and role name, and with a volunteer reference', () => {
    h = new Harness({ ADMINS: ADMIN });
    h.db
      .prepare(
        "INSERT INTO volunteers (id, person_id, created_at, updated_at) VALUES (4, 'telegram:8', 0, 0)",
      )
      .run();
    h.send(ADMIN, '/bahasa id');
    expect(h.say(ADMIN, '/beriperan V-4 koordinator')).toContain('telegram:8 sekarang koordinator');
    expect(h.say(ADMIN, '/cabutperan v-4')).toContain('telegram:8 tidak lagi koordinator');
    expect(h.ledger.people.get('telegram:8')?.role).toBe('anyone');
    expect(h.say(ADMIN, '/beriperan V-99 admin')).toContain('Tidak ada relawan V-99');
  });

  it('a granted admin may grant; revoking leaves them without the role', () => {
    h = new Harness({ ADMINS: ADMIN });
    h.send(ADMIN, '/grant telegram:2 admin');
    expect(h.say('telegram:2', '/grant telegram:3 coordinator')).toContain('is now coordinator');
    expect(h.say(ADMIN, '/revoke telegram:2')).toContain('no longer an admin');
    expect(h.say('telegram:2', '/grant telegram:4 coordinator')).toContain('is only for');
    expect(h.ledger.people.get('telegram:4')).toBeUndefined();
  });

  it('refuses what would make no sense, changing nothing', () => {
    h = new Harness({ ADMINS: `${ADMIN},telegram:9` });
    const events = h.count('events');
    expect(h.say(ADMIN, '/revoke telegram:9')).toContain('admin by configuration');
    expect(h.say(ADMIN, '/revoke telegram:6')).toContain('has no granted role');
    expect(h.say(ADMIN, '/grant telegram:6 overlord')).toContain('Use it like this');
    expect(h.say(ADMIN, '/grant 12345 coordinator')).toContain('transport:id');
    expect(h.say(ADMIN, '/grant telegram:1087968824 admin')).toContain('not a person');
    expect(h.count('events')).toBe(events);
    h.send(ADMIN, '/grant telegram:6 coordinator');
    expect(h.say(ADMIN, '/grant telegram:6 coordinator')).toContain('already coordinator');
    expect(h.count('events')).toBe(events + 1);
  });
});

describe('/whoami', () => {
  it('shows the id, volunteer reference, role and language', () => {
    h = new Harness({ ADMINS: ADMIN });
    h.db
      .prepare(
        "INSERT INTO volunteers (id, person_id, created_at, updated_at) VALUES (40, 'whatsapp:62811@c.us', 0, 0)",
      )
      .run();
    const out = h.say('whatsapp:62811@c.us', 'whoami');
    expect(out).toContain('You are whatsapp:62811@c.us');
    expect(out).toContain('Volunteer: V-40');
    expect(out).toContain('Role: volunteer');
    expect(out).toContain('Language: English');
    h.send(ADMIN, '/lang id');
    expect(h.say(ADMIN, '/siapasaya')).toMatch(/Relawan: -\nPeran: admin\nBahasa: Bahasa Indonesia/);
  });
});
