import { afterEach, describe, expect, it } from 'vitest';
import type { InboundContent, PhotoPlace, StoredMedia } from '../../src/domain/message.ts';
import { Harness, type OutRow } from '../support/harness.ts';

let h: Harness;
afterEach(() => h.close());

const REPORTER = { id: 'telegram:1', name: 'Ana' };
const HOUR = 3_600_000;
const POINT = { lat: -7.95123, lon: 110.40121 };

const photo = (n: number): StoredMedia => ({
  type: 'photo',
  sha256: n.toString(16).padStart(64, 'b'),
  bytes: 900 + n,
  mime: 'image/jpeg',
});
/** A photo whose EXIF said it was taken at POINT, `ageMs` before it was sent. */
const placed = (n: number, ageMs: number, caption?: string): InboundContent => {
  const place: PhotoPlace = { ...POINT, takenAt: h.clock.now - ageMs, zoned: true };
  return { kind: 'media', media: photo(n), place, ...(caption ? { caption } : {}) };
};
const replies = (rows: OutRow[]) => rows.filter((r) => r.kind === 'reply').map((r) => r.text);
const ASK = 'Is this where you are?';
const caseRow = () =>
  h.db.prepare('SELECT lat, lon, address FROM rescues WHERE id = 1').get() as {
    lat: number | null;
    lon: number | null;
    address: string | null;
  };
const choicesOf = (row: OutRow) =>
  (JSON.parse(row.extra ?? '{}') as { choices?: { value: string; label: string }[] }).choices;

describe("a photo's place", () => {
  it('SOS on a photo with a recent GPS point asks "Is this where you are?", and yes places the case', () => {
    h = new Harness({ ADMINS: 'telegram:900' });
    const rows = h.send(REPORTER, placed(1, HOUR, 'SOS'));
    const ask = rows.find((r) => r.text.includes(ASK));
    expect(ask?.text).toContain('-7.95123, 110.40121');
    expect(choicesOf(ask!)?.map((c) => c.value)).toEqual(['/photo-place yes', '/photo-place no']);
    // The case exists at once (SPEC 7) and the location question comes first, the offer after it.
    expect(replies(rows)[0]).toContain('S-1');
    expect(caseRow().lat).toBeNull();
    h.send(REPORTER, { kind: 'choice', value: '/photo-place yes' });
    expect(caseRow()).toMatchObject(POINT);
    // The dialog went on to the next question.
    expect(h.db.prepare('SELECT step FROM dialogs').pluck().get()).toBe('people');
  });

  it('typed "ya" in Indonesian answers it inside the SOS questions; "tidak" leaves the question', () => {
    h = new Harness({ ADMINS: 'telegram:900' });
    const ana = { ...REPORTER, language: 'id' };
    h.send(ana, '/sos');
    const rows = h.send(ana, placed(2, 2 * HOUR));
    expect(replies(rows).some((t) => t.includes('Apakah ini lokasi Anda?'))).toBe(true);
    expect(replies(h.send(ana, 'tidak'))[0]).toContain('tidak saya pakai');
    expect(caseRow().lat).toBeNull();
    expect(caseRow().address).toBeNull();
    // The question about the place is the dialog's again: an address answers it.
    h.send(ana, 'Jl. Imogiri Timur km 8');
    expect(caseRow().address).toContain('Imogiri Timur');
    h.close();
    h = new Harness({ ADMINS: 'telegram:900' });
    h.send(ana, '/sos');
    h.send(ana, placed(3, HOUR));
    h.send(ana, 'ya');
    expect(caseRow()).toMatchObject(POINT);
  });

  it('during /need, yes answers "where?" with the point', () => {
    h = new Harness({ ADMINS: 'telegram:900' });
    h.send(REPORTER, '/need');
    let step = h.db.prepare('SELECT step FROM dialogs').pluck().get();
    for (let i = 0; step !== 'location' && i < 5; i++) {
      h.send(REPORTER, i === 0 ? '20 water' : '5');
      step = h.db.prepare('SELECT step FROM dialogs').pluck().get();
    }
    expect(step).toBe('location');
    expect(replies(h.send(REPORTER, placed(4, HOUR))).some((t) => t.includes(ASK))).toBe(true);
    h.send(REPORTER, '1');
    expect(h.db.prepare('SELECT step FROM dialogs').pluck().get()).not.toBe('location');
  });

  it('is not asked when the place is known, the photo is old, or it has no time', () => {
    h = new Harness({ ADMINS: 'telegram:900' });
    expect(h.say(REPORTER, placed(5, HOUR, 'SOS -7.80000,110.36000'))).not.toContain(ASK);
    h.close();
    h = new Harness({ ADMINS: 'telegram:900' });
    expect(h.say(REPORTER, placed(6, 3 * 24 * HOUR, 'SOS'))).not.toContain(ASK);
    const untimed: InboundContent = { kind: 'media', media: photo(7), place: { ...POINT, zoned: true } };
    expect(h.say(REPORTER, untimed)).not.toContain(ASK);
  });

  it('is asked once; a message that answers something else lets it lapse', () => {
    h = new Harness({ ADMINS: 'telegram:900' });
    h.send(REPORTER, placed(8, HOUR, 'SOS'));
    // Writing the address instead of answering: the dialog takes it, the offer lapses.
    h.send(REPORTER, 'Jl. Parangtritis km 5');
    expect(caseRow()).toMatchObject({ lat: null, address: expect.stringContaining('Parangtritis') });
    expect(h.say(REPORTER, 'yes')).not.toContain(ASK);
    expect(caseRow().lat).toBeNull();
    expect(h.db.prepare('SELECT place_offer FROM attachments').pluck().all()).toEqual(['lapsed']);
  });

  it('outside a dialog, a photo for a case with no point is offered and yes moves the case', () => {
    h = new Harness({ ADMINS: 'telegram:900' });
    h.send(REPORTER, '/sos');
    h.send(REPORTER, '/cancel');
    const rows = h.send(REPORTER, placed(9, HOUR));
    expect(replies(rows)[0]).toContain('added it to S-1');
    expect(replies(rows)[1]).toContain(ASK);
    h.send(REPORTER, '1');
    expect(caseRow()).toMatchObject(POINT);
  });

  it('a group never gets the point', () => {
    h = new Harness({ ADMINS: 'telegram:900' });
    h.db
      .prepare(
        `INSERT INTO groups (transport, chat_id, title, topics, area, created_at, updated_at)
         VALUES ('telegram', '-100', 'SAR', '["rescue"]', NULL, 0, 0)`,
      )
      .run();
    h.send(REPORTER, placed(10, HOUR, 'SOS'));
    h.send(REPORTER, 'yes');
    const group = h.outbox().filter((r) => r.chat_kind === 'group');
    expect(group.length).toBeGreaterThan(0);
    for (const r of group) expect(r.text).not.toContain('110.401');
  });
});
