import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tableNames } from '../support/engine.ts';
import {
  COORDINATOR,
  NUMBER,
  PERSON,
  PLANTED,
  personToForget,
  RESCUE_ADDRESS,
} from '../support/forget-setup.ts';
import type { Harness } from '../support/harness.ts';

/**
 * /forget (issue 15): a person's personal data goes at once, their open requests are cancelled, a
 * rescue in progress stays for the team linked to no one, and the chain still verifies.
 */

let h: Harness;
afterEach(() => h.close());

/** Every cell of every table, as one string per row, for "is it anywhere?" checks. */
function everyRow(): { table: string; row: string }[] {
  return tableNames(h.db).flatMap((table) =>
    (h.db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]).map((r) => ({
      table,
      row: JSON.stringify(r),
    })),
  );
}

const setUp = () => {
  h = personToForget();
  h.newRows();
};

describe('/forget', () => {
  it('asks first; "no" changes nothing', () => {
    setUp();
    const asked = h.send(PERSON, '/forget');
    expect(asked[0]!.text).toContain('cannot be undone');
    expect(JSON.parse(asked[0]!.extra!).choices.map((c: { value: string }) => c.value)).toEqual([
      'yes',
      'no',
    ]);
    const events = h.count('events');
    expect(h.say(PERSON, '2')).toContain('Nothing was erased');
    expect(h.count('events')).toBe(events);
    expect(h.db.prepare('SELECT requester FROM requests WHERE id = 1').pluck().get()).toBe(PERSON.id);
  });

  it('erases their data at once, cancels their requests, keeps the rescue for the team, and the chain verifies', () => {
    setUp();
    h.send(PERSON, '/lupakan');
    const rows = h.send(PERSON, '1');
    const reply = rows.find((r) => r.chat_id === `${NUMBER}@c.us`)!;
    expect(reply.text).toContain('Your personal data is erased');
    expect(reply.text).toContain('R-1 is cancelled');
    expect(reply.text).toContain('S-1 is still in progress');
    // The volunteer holding R-1 is told not to go; coordinators hear the rescue is kept.
    expect(rows.some((r) => r.chat_id === '300' && r.text.includes('R-1'))).toBe(true);
    expect(rows.some((r) => r.chat_id === '900' && r.text.includes('S-1'))).toBe(true);

    const rescue = h.db.prepare('SELECT * FROM rescues WHERE id = 1').get() as Record<string, unknown>;
    expect(rescue).toMatchObject({ status: 'open', contact: null, notes: null, people_count: 3 });
    expect(rescue.reporter).toMatch(/^P-\d+$/);
    expect(rescue.address).toContain(RESCUE_ADDRESS);
    expect(h.db.prepare('SELECT status FROM requests WHERE id = 1').pluck().get()).toBe('cancelled');
    const pseudonym = h.db
      .prepare('SELECT * FROM pseudonyms WHERE id = ?')
      .get(Number((rescue.reporter as string).slice(2))) as {
      address: string | null;
      erased_at: number | null;
    };
    expect(pseudonym).toMatchObject({ address: null, erased_at: h.clock.now });

    // Nowhere in the ledger, but for the one reply that answers /forget (it must reach them).
    for (const { table, row } of everyRow()) {
      for (const value of Object.values(PLANTED)) expect(row, `${table}: ${value}`).not.toContain(value);
      if (row.includes(NUMBER)) expect([table, row]).toEqual(['outbox', JSON.stringify(reply)].map(String));
    }
    const forgotten = h.db.prepare("SELECT * FROM events WHERE kind = 'person.forgotten'").get() as {
      actor: string;
      payload: string;
      personal: string | null;
    };
    expect(forgotten.actor).toBe(rescue.reporter);
    expect(JSON.parse(forgotten.payload)).toMatchObject({ cancelled: ['R-1'], keptRescues: ['S-1'] });
    expect(forgotten.personal).toBeNull();
    expect(h.ledger.events.verify()).toMatchObject({ ok: true });

    // Writing again, they are someone new: nothing leads back to the old records.
    expect(h.say(PERSON, '/status')).not.toContain('R-1');
    expect(h.db.prepare('SELECT display_name FROM people WHERE id = ?').pluck().get(PERSON.id)).toBe(
      PERSON.name,
    );
    expect(h.db.prepare('SELECT COUNT(*) FROM requests WHERE requester = ?').pluck().get(PERSON.id)).toBe(0);

    // A coordinator acting on the kept case tells no one at the erased address.
    h.newRows();
    const ack = h.send(COORDINATOR, '/ack S-1');
    expect(ack.every((r) => r.transport !== 'whatsapp')).toBe(true);
  });

  it('reaches their words outside the catalog, every personal export (sent or on disk), and keeps the chain', () => {
    setUp();
    const words = 'wayang kulit sukirah';
    h.send(PERSON, `/need 20 water, 2 ${words} @ Imogiri`);
    h.send(PERSON, '4');
    // The admin's personal export holds them; the console writes it under exports/.
    const [sent] = h.send(COORDINATOR, '/export requests --include-personal');
    const file = (JSON.parse(sent!.extra!) as { file: { name: string; content: string } }).file;
    expect(file.content).toContain(words);
    mkdirSync(h.ledger.exportFiles.dir, { recursive: true });
    writeFileSync(path.join(h.ledger.exportFiles.dir, file.name), file.content);
    const [plain] = h.send(COORDINATOR, '/export requests');
    const plainName = (JSON.parse(plain!.extra!) as { file: { name: string } }).file.name;
    writeFileSync(path.join(h.ledger.exportFiles.dir, plainName), 'ref\r\n');
    h.db.prepare("UPDATE outbox SET state = 'sent' WHERE id = ?").run(sent!.id);

    h.send(PERSON, '/forget');
    h.send(PERSON, '1');
    for (const { table, row } of everyRow()) expect(row, table).not.toContain(words);
    expect(
      JSON.parse(h.db.prepare('SELECT extra FROM outbox WHERE id = ?').pluck().get(sent!.id) as string),
    ).not.toHaveProperty('file');
    expect(readdirSync(h.ledger.exportFiles.dir)).toEqual([plainName]);
    expect(h.ledger.events.verify()).toMatchObject({ ok: true });
  });
});
