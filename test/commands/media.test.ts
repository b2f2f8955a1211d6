import { afterEach, describe, expect, it } from 'vitest';
import type { InboundContent, StoredMedia } from '../../src/domain/message.ts';
import { Harness, type OutRow } from '../support/harness.ts';

let h: Harness;
afterEach(() => h.close());

const COORDINATOR = 'telegram:900';
const REPORTER = { id: 'telegram:1', name: 'Ana' };

const media = (type: StoredMedia['type'], n = 1): StoredMedia => ({
  type,
  sha256: n.toString(16).padStart(64, 'a'),
  bytes: 1000 + n,
  mime: type === 'photo' ? 'image/jpeg' : 'audio/ogg',
});
const sent = (m: StoredMedia, caption?: string): InboundContent => ({
  kind: 'media',
  media: m,
  ...(caption ? { caption } : {}),
});
const replies = (rows: OutRow[]) => rows.filter((r) => r.kind === 'reply').map((r) => r.text);
const toCoordinator = (rows: OutRow[]) => rows.filter((r) => r.chat_id === '900');
const mediaOf = (row: OutRow) => (JSON.parse(row.extra ?? '{}') as { media?: StoredMedia }).media;
const attachments = () =>
  h.db.prepare('SELECT sha256, subject, type FROM attachments ORDER BY id').all() as {
    sha256: string;
    subject: string | null;
    type: string;
  }[];

function setup(): Harness {
  h = new Harness({ ADMINS: COORDINATOR });
  h.db
    .prepare(
      `INSERT INTO groups (transport, chat_id, title, topics, area, created_at, updated_at)
       VALUES ('telegram', '-100', 'SAR Bantul', '["rescue"]', 'DIY/Bantul', 0, 0)`,
    )
    .run();
  return h;
}

describe('photos and voice notes', () => {
  it('a photo captioned SOS opens the case and goes privately to the coordinators with its reference', () => {
    setup();
    const rows = h.send(REPORTER, sent(media('photo'), 'SOS -7.93512,110.40123'));
    expect(replies(rows)[0]).toContain('S-1');
    const forwarded = toCoordinator(rows).filter((r) => mediaOf(r));
    expect(forwarded).toHaveLength(1);
    expect(forwarded[0]!.text).toBe('S-1: a photo from Ana');
    expect(mediaOf(forwarded[0]!)).toEqual(media('photo'));
    expect(attachments()).toEqual([{ sha256: media('photo').sha256, subject: 'S-1', type: 'photo' }]);
    // The rescue group hears of the case, never of the photo.
    const group = rows.filter((r) => r.chat_kind === 'group');
    expect(group.length).toBeGreaterThan(0);
    for (const r of group) expect(mediaOf(r)).toBeUndefined();
  });

  it('during the SOS questions a voice note is kept and stays with the case', () => {
    setup();
    h.send(REPORTER, '/sos -7.93512,110.40123');
    const rows = h.send(REPORTER, sent(media('voice', 2)));
    expect(replies(rows)).toEqual([expect.stringContaining('it will go with your report')]);
    expect(toCoordinator(rows).map((r) => r.text)).toEqual(['S-1: a voice note from Ana']);
    expect(attachments()).toEqual([{ sha256: media('voice', 2).sha256, subject: 'S-1', type: 'voice' }]);
  });

  it('outside a dialog it joins a case opened in the last hour; an older one does not count', () => {
    setup();
    h.send(REPORTER, '/sos -7.93512,110.40123');
    h.send(REPORTER, '/cancel');
    h.clock.advance(30 * 60_000);
    const rows = h.send(REPORTER, sent(media('photo', 3)));
    expect(replies(rows)).toEqual([expect.stringContaining('added it to S-1')]);
    expect(toCoordinator(rows)).toHaveLength(1);
    h.clock.advance(31 * 60_000);
    const later = h.send(REPORTER, sent(media('photo', 4)));
    expect(replies(later)[0]).toContain('What is it about?');
    expect(toCoordinator(later)).toHaveLength(0);
  });

  it('with nothing open it asks once: rescue, supply request or neither', () => {
    setup();
    const rows = h.send(REPORTER, sent(media('photo', 5)));
    expect(replies(rows)[0]).toContain('What is it about?');
    const choices = (JSON.parse(rows[0]!.extra!) as { choices: { value: string }[] }).choices;
    expect(choices.map((c) => c.value)).toEqual(['/sos', '/need', '/media-neither']);
    expect(toCoordinator(rows)).toHaveLength(0);
    expect(replies(h.send(REPORTER, '3'))[0]).toContain('I will not pass it on');
    expect(attachments()[0]!.subject).toBeNull();
  });

  it('answering "rescue" opens the case and the waiting photo joins it', () => {
    setup();
    h.send(REPORTER, sent(media('photo', 6)));
    const rows = h.send(REPORTER, { kind: 'choice', value: '/sos' });
    expect(replies(rows)[0]).toContain('S-1');
    expect(toCoordinator(rows).some((r) => r.text === 'S-1: a photo from Ana')).toBe(true);
  });

  it('a redelivered message records its attachment once', () => {
    setup();
    h.send(REPORTER, sent(media('photo', 7)), 'same-id');
    h.send(REPORTER, sent(media('photo', 7)), 'same-id');
    expect(h.count('attachments')).toBe(1);
  });

  it('media in a group is neither kept nor answered; too large media is answered kindly', () => {
    setup();
    const group = {
      id: 'telegram:5',
      chat: { transport: 'telegram' as const, chatId: '-100', kind: 'group' as const },
    };
    expect(h.send(group, sent(media('photo', 8)))).toEqual([]);
    expect(h.count('attachments')).toBe(0);
    const big: InboundContent = { kind: 'media-too-large', type: 'video', maxMb: 16 };
    expect(replies(h.send(REPORTER, big))[0]).toContain('over 16 MB');
  });

  it('the hint for what the bot cannot read names photos only where the transport takes them', () => {
    setup();
    const sticker: InboundContent = { kind: 'unsupported', what: 'sticker' };
    for (const id of ['telegram:1', 'whatsapp:6281234567890@c.us', 'whatsapp-cloud:6281234567890'])
      expect(replies(h.send(id, sticker))[0]).toContain('photos, voice notes');
    const hint = replies(h.send('console:local', sticker))[0];
    expect(hint).toContain('Please write your message as text');
    expect(hint).not.toContain('photo');
  });

  it('the SOS questions offer a photo only once the essentials are in, and a photo then joins the case', () => {
    setup();
    const asked = [
      h.send(REPORTER, '/sos -7.93512,110.40123'),
      h.send(REPORTER, '5'),
      h.send(REPORTER, 'skip'),
    ].flatMap(replies);
    expect(asked.join('\n')).not.toContain('send a photo');
    const last = replies(h.send(REPORTER, '081299998888'));
    expect(last[0]).toContain('S-1: 5 people');
    expect(last.at(-1)).toContain('If you can, send a photo');
    expect(h.count('dialogs')).toBe(0);
    expect(replies(h.send(REPORTER, sent(media('photo', 9))))[0]).toContain('added it to S-1');
  });

  it('no photo is offered when one came with the report, nor where photos cannot be sent', () => {
    setup();
    const all = 'SOS -7.93512,110.40123 5 orang, lansia, hp 081299998888';
    expect(h.say(REPORTER, sent(media('photo', 10), all))).not.toContain('send a photo');
    expect(h.say(REPORTER, all)).not.toContain('send a photo');
    expect(h.say({ id: 'telegram:2' }, all)).toContain('send a photo');
    expect(h.say({ id: 'console:local' }, all)).not.toContain('send a photo');
  });
});
