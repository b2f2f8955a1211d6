import { afterEach, describe, expect, it } from 'vitest';
import type { InboundContent, StoredMedia } from '../../src/domain/message.ts';
import { Harness, type OutRow } from '../support/harness.ts';
import { addRequest, addVolunteer } from '../support/volunteers.ts';

let h: Harness;
afterEach(() => h.close());

const COORDINATOR = 'telegram:900';
const REQUESTER = 'telegram:50';
const VOLUNTEER = { id: 'telegram:1', name: 'Budi' };

const photo = (n: number): StoredMedia => ({
  type: 'photo',
  sha256: n.toString(16).padStart(64, 'c'),
  bytes: 700 + n,
  mime: 'image/jpeg',
});
const sent = (n: number, caption?: string): InboundContent => ({
  kind: 'media',
  media: photo(n),
  ...(caption ? { caption } : {}),
});
const mediaOf = (row: OutRow) => (JSON.parse(row.extra ?? '{}') as { media?: StoredMedia }).media;
const subjects = () => h.db.prepare('SELECT subject FROM attachments ORDER BY id').pluck().all();

function setup(): number {
  h = new Harness({ ADMINS: COORDINATOR });
  addVolunteer(h, VOLUNTEER.id);
  const r = addRequest(h, { requester: REQUESTER });
  h.send(VOLUNTEER, `/take R-${r}`);
  return r;
}

describe('a photo as proof of delivery', () => {
  it('a photo captioned /done R-n marks it delivered and goes to the coordinators as its proof', () => {
    const r = setup();
    const rows = h.send(VOLUNTEER, sent(1, `/done R-${r}`));
    expect(h.db.prepare('SELECT status FROM requests WHERE id = ?').pluck().get(r)).toBe('delivered');
    expect(subjects()).toEqual([`R-${r}`]);
    const proof = rows.filter((row) => mediaOf(row));
    expect(proof.map((row) => [row.chat_id, row.text])).toEqual([
      ['900', `R-${r}: from Budi, who reported it done`],
    ]);
    // The requester hears it was delivered; the photo goes to coordinators only.
    expect(rows.filter((row) => row.chat_id === '50').every((row) => !mediaOf(row))).toBe(true);
  });

  it('a photo sent after /done, within the hour, joins that request; later it is asked about', () => {
    const r = setup();
    h.send(VOLUNTEER, `/done R-${r}`);
    h.clock.advance(20 * 60_000);
    const rows = h.send(VOLUNTEER, sent(2));
    expect(rows.find((row) => row.kind === 'reply')?.text).toContain(`added it to R-${r}`);
    expect(rows.filter((row) => mediaOf(row)).map((row) => row.chat_id)).toEqual(['900']);
    h.clock.advance(61 * 60_000);
    expect(h.say(VOLUNTEER, sent(3))).toContain('What is it about?');
    expect(subjects()).toEqual([`R-${r}`, null]);
  });

  it('a photo sent before /done waits, and /done attaches it', () => {
    const r = setup();
    h.send(VOLUNTEER, sent(4));
    h.send(VOLUNTEER, `/done R-${r}`);
    expect(subjects()).toEqual([`R-${r}`]);
  });

  it('a volunteer who did not do it attaches nothing to it', () => {
    const r = setup();
    h.send(VOLUNTEER, `/done R-${r}`);
    addVolunteer(h, 'telegram:2');
    expect(h.say('telegram:2', sent(5))).toContain('What is it about?');
    expect(subjects()).toEqual([null]);
  });
});
