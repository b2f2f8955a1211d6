import { existsSync, readFileSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { purgeExpired } from '../../src/schedule/rules/retention.ts';
import { Harness } from '../support/harness.ts';

let h: Harness;
afterEach(() => h.close());

const COORDINATOR = 'telegram:900';
const DAY = 86_400_000;
const PLANTED = {
  phone: '081299887766',
  address: 'Jl. Kenanga Rahasia 17',
  name: 'Sulastri Wibowo',
  note: 'kunci di bawah pot melati',
  reason: 'diantar ke Bu Warsini',
  dialog: 'mbak rukmini',
};
const LAT = -7.912345;
const LON = 110.335678;

/** A double as SQLite stores a REAL: 8 bytes, big-endian. */
function realBytes(v: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeDoubleBE(v);
  return b;
}

/** Every byte of the database and its WAL, as they lie on the disk. */
function rawFiles(file: string): Buffer {
  return Buffer.concat([file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f)));
}

describe('erasure that erases', () => {
  it('after a purge and a close, the planted values are nowhere in the database or WAL files', () => {
    h = new Harness({ ADMINS: COORDINATOR, RETENTION_DAYS: '30' });
    const reporter = { id: 'telegram:77', name: PLANTED.name };
    h.send(reporter, `SOS ${PLANTED.address}, 3 orang, air naik, ${PLANTED.phone}`);
    h.send(reporter, { kind: 'location', lat: LAT, lon: LON });
    h.send(COORDINATOR, `/close S-1 ${PLANTED.reason}`);
    h.send('telegram:78', `/need 20 water @ Bantul, ${PLANTED.note}`);
    h.send(COORDINATOR, `/reject R-1 ${PLANTED.reason}`);
    // A dialog left half-way: its answers are deleted, not overwritten, so only secure_delete wipes them.
    h.send('telegram:79', '/need');
    h.send('telegram:79', `20 water, ${PLANTED.dialog}`);
    // Delivered long ago: only delivered bodies are emptied.
    h.db.prepare("UPDATE outbox SET state = 'sent'").run();
    const before = rawFiles(h.file);
    for (const value of Object.values(PLANTED))
      expect(before.includes(value), `planted: ${value}`).toBe(true);
    expect(before.includes(realBytes(LAT)), 'planted: latitude').toBe(true);

    h.clock.advance(31 * DAY);
    h.core.runJob('retention', purgeExpired);
    // While the bot runs on: the purge's commit is checkpointed and the WAL truncated at once.
    expect(statSync(`${h.file}-wal`).size).toBe(0);
    h.core.stop();
    h.db.close();
    h.ledger.close();

    const raw = rawFiles(h.file);
    expect(raw.length).toBeGreaterThan(0);
    for (const [what, value] of Object.entries(PLANTED)) expect(raw.includes(value), what).toBe(false);
    expect(raw.includes(realBytes(LAT)), 'exact latitude').toBe(false);
    expect(raw.includes(realBytes(LON)), 'exact longitude').toBe(false);
  });
});
