import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
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
  item: 'wayang kulit sukirah',
  broadcast: 'kumpul di rumah pak harjono',
  wandered: '-7.823456',
};
const LAT = -7.912345;
const LON = 110.335678;

/** A double as SQLite stores a REAL: 8 bytes, big-endian. */
function realBytes(v: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeDoubleBE(v);
  return b;
}

/** Every byte of the database, its WAL and the export files beside it, as they lie on the disk. */
function rawFiles(file: string): Buffer {
  const exportsDir = path.join(path.dirname(file), 'exports');
  const exported = existsSync(exportsDir) ? readdirSync(exportsDir).map((f) => path.join(exportsDir, f)) : [];
  return Buffer.concat([file, `${file}-wal`, ...exported].filter(existsSync).map((f) => readFileSync(f)));
}

/** An export document as the console writes it under `exports/`. */
function writeExport(dir: string, row: { extra: string | null } | undefined): string {
  const file = (JSON.parse(row?.extra ?? '{}') as { file: { name: string; content: string } }).file;
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, file.name), file.content);
  return file.name;
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
    // Words outside the catalog, in a request that is then finished.
    h.send('telegram:80', `/need 20 water, 3 ${PLANTED.item} @ Bantul`);
    h.send('telegram:80', '4');
    const own = h.db.prepare("SELECT MAX(id) FROM requests WHERE requester = 'telegram:80'").pluck().get();
    expect(h.say(COORDINATOR, `/reject R-${own} dobel`)).toContain('rejected');
    // A broadcast, done long ago.
    h.ledger.transaction(() =>
      h.ledger.broadcasts.create(
        { id: COORDINATOR, at: h.clock.now },
        { author: COORDINATOR, text: PLANTED.broadcast, target: { kind: 'all' }, state: 'pending' },
      ),
    );
    h.db.prepare("UPDATE broadcasts SET state = 'done'").run();
    // Someone who only shared where they were and chose a language: events about a person.
    h.send('telegram:81', { kind: 'location', lat: Number(PLANTED.wandered), lon: 110.412345 });
    h.send('telegram:81', '/lang en');
    // A personal export sent to the admin, and written to exports/ as the console does; a default one too.
    const exportsDir = h.ledger.exportFiles.dir;
    const personal = writeExport(exportsDir, h.send(COORDINATOR, '/export requests --include-personal')[0]);
    const plain = writeExport(exportsDir, h.send(COORDINATOR, '/export requests')[0]);
    // A dialog left half-way: its answers are deleted, not overwritten, so only secure_delete wipes them.
    h.send('telegram:79', '/need');
    h.send('telegram:79', `20 water, ${PLANTED.dialog}`);
    // Delivered long ago: only delivered bodies are emptied.
    h.db.prepare("UPDATE outbox SET state = 'sent'").run();
    const before = rawFiles(h.file);
    for (const value of Object.values(PLANTED))
      expect(before.includes(value), `planted: ${value}`).toBe(true);
    expect(before.includes(realBytes(LAT)), 'planted: latitude').toBe(true);
    expect(readFileSync(path.join(exportsDir, personal), 'utf8')).toContain(PLANTED.item);

    h.clock.advance(31 * DAY);
    h.core.runJob('retention', purgeExpired);
    expect(h.ledger.events.verify()).toMatchObject({ ok: true });
    expect(
      h.db
        .prepare("SELECT COUNT(*) FROM events WHERE kind LIKE 'person.%' AND personal IS NOT NULL")
        .pluck()
        .get(),
    ).toBe(0);
    // While the bot runs on: the purge's commit is checkpointed and the WAL truncated at once.
    expect(statSync(`${h.file}-wal`).size).toBe(0);
    h.core.stop();
    h.db.close();
    h.ledger.close();

    const raw = rawFiles(h.file);
    expect(raw.length).toBeGreaterThan(0);
    expect(readdirSync(exportsDir)).toEqual([plain]);
    for (const [what, value] of Object.entries(PLANTED)) expect(raw.includes(value), what).toBe(false);
    expect(raw.includes(realBytes(LAT)), 'exact latitude').toBe(false);
    expect(raw.includes(realBytes(LON)), 'exact longitude').toBe(false);
  });
});
