import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { MediaStore } from '../../src/engine/media-store.ts';
import { jpegWithExif } from '../support/exif-photo.ts';
import { tempDir } from '../support/harness.ts';
import { WhatsAppRig } from '../support/whatsapp-rig.ts';

const ANA = '6281234567890@c.us';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setUp(maxBytes = 1024 * 1024) {
  const dir = tempDir();
  const makeMedia = (mimetype: string, data: string) => ({ mimetype, data });
  const rig = new WhatsAppRig({ media: new MediaStore(dir.dir, maxBytes), makeMedia }, undefined, {
    ADMINS: 'whatsapp:6289999999999@c.us',
  });
  cleanups.push(
    () => dir.cleanup(),
    () => rig.close(),
  );
  await rig.connect();
  return { rig, h: rig.h, dir: dir.dir };
}

/**
 * Resolves once `n` messages are handled and their answers sent: an image is re-encoded before its
 * message goes in, later than `rig.replies` looks.
 */
async function recorded(rig: WhatsAppRig, n: number): Promise<void> {
  const until = Date.now() + 10_000;
  const handled = rig.h.db.prepare("SELECT COUNT(*) FROM inbox WHERE state <> 'pending'").pluck();
  const unsent = rig.h.db
    .prepare("SELECT COUNT(*) FROM outbox WHERE state NOT IN ('sent', 'failed')")
    .pluck();
  while ((handled.get() as number) < n || (unsent.get() as number) > 0) {
    if (Date.now() > until) throw new Error(`${n} messages were not recorded in time`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const stored = (dir: string) => readdirSync(dir).filter((f) => !f.startsWith('.'));
const plainJpeg = () =>
  sharp({ create: { width: 9, height: 9, channels: 3, background: '#336699' } })
    .jpeg()
    .toBuffer();

describe('WhatsApp Web photos, voice notes and files', () => {
  it.each([
    ['image', 'photo', 'image/jpeg'],
    ['ptt', 'voice', 'audio/ogg; codecs=opus'],
    ['audio', 'audio', 'audio/mpeg'],
    ['video', 'video', 'video/mp4'],
    ['document', 'document', 'application/pdf'],
  ])(
    'downloads a %s with downloadMedia, stores it by its SHA-256 and records a %s',
    async (waType, type, mimetype) => {
      const { rig, h, dir } = await setUp();
      const bytes = waType === 'image' ? await plainJpeg() : Buffer.from(`the bytes of a ${waType}`);
      rig.client.receiveMedia(ANA, waType, { bytes, mimetype }, {}, h.clock.now);
      await recorded(rig, 1);
      const replies = await rig.replies();
      expect(replies.join('\n')).toContain('What is it about?');
      expect(stored(dir)).toEqual([sha(bytes)]);
      expect(h.db.prepare('SELECT type, bytes, mime FROM attachments').get()).toEqual({
        type,
        bytes: bytes.length,
        mime: mimetype,
      });
    },
  );

  it('a photo captioned SOS opens the case with the photo; its EXIF is gone and its point offered', async () => {
    const { rig, h, dir } = await setUp();
    const photo = await jpegWithExif(h.clock.now - 3_600_000);
    rig.client.receiveMedia(
      ANA,
      'image',
      { bytes: photo, mimetype: 'image/jpeg' },
      { body: 'SOS' },
      h.clock.now,
    );
    await recorded(rig, 1);
    const replies = (await rig.replies()).join('\n');
    expect(replies).toContain('S-1');
    expect(replies).toContain('Is this where you are?');
    const [file] = stored(dir);
    expect(await exifr.parse(readFileSync(`${dir}/${file}`))).toBeUndefined();
    expect(h.db.prepare('SELECT subject FROM attachments').pluck().get()).toBe('S-1');
    // Numbered choices: "1" is yes.
    await rig.say(ANA, '1');
    expect(h.db.prepare('SELECT lat FROM rescues').pluck().get()).toBeCloseTo(-7.9512, 4);
  });

  it('a message WhatsApp hands over twice is stored once and recorded once', async () => {
    const { rig, h, dir } = await setUp();
    const m = rig.client.receiveMedia(
      ANA,
      'ptt',
      { bytes: Buffer.from('voice'), mimetype: 'audio/ogg' },
      {},
      h.clock.now,
    );
    await rig.replies();
    rig.client.emit('message', m);
    await rig.replies();
    expect(stored(dir)).toHaveLength(1);
    expect(h.count('attachments')).toBe(1);
    expect(h.count('inbox')).toBe(1);
  });

  it('over MEDIA_MAX_MB as stated: not downloaded, answered kindly', async () => {
    const { rig, h, dir } = await setUp(100);
    rig.client.receiveMedia(
      ANA,
      'video',
      { bytes: Buffer.alloc(500), mimetype: 'video/mp4' },
      {},
      h.clock.now,
    );
    expect((await rig.replies()).join('\n')).toContain('too large');
    expect(rig.client.downloads).toBe(0);
    expect(stored(dir)).toEqual([]);
  });

  it('a failed download still takes the message: its caption as text, else the hint', async () => {
    const { rig, h } = await setUp();
    rig.client.receiveMedia(ANA, 'image', new Error('page closed'), { body: 'SOS' }, h.clock.now);
    await recorded(rig, 1);
    expect((await rig.replies()).join('\n')).toContain('S-1');
    await rig.say(ANA, '/cancel');
    rig.client.receiveMedia(ANA, 'ptt', undefined, {}, h.clock.now);
    await recorded(rig, 3);
    expect((await rig.replies()).join('\n')).toContain('as text');
    expect(h.count('attachments')).toBe(0);
  });

  it('media in a group is never downloaded', async () => {
    const { rig, h } = await setUp();
    rig.client.receiveMedia(
      '120363000000000001@g.us',
      'image',
      { bytes: await plainJpeg(), mimetype: 'image/jpeg' },
      { author: ANA },
      h.clock.now,
    );
    await rig.replies();
    expect(rig.client.downloads).toBe(0);
    expect(h.count('attachments')).toBe(0);
  });

  it('a rescue group on WhatsApp hears of the case, never of the photo; coordinators get it privately', async () => {
    const { rig, h } = await setUp();
    const group = '120363000000000009@g.us';
    h.db
      .prepare(
        `INSERT INTO groups (transport, chat_id, title, topics, area, created_at, updated_at)
         VALUES ('whatsapp', ?, 'SAR Bantul', '["rescue"]', NULL, 0, 0)`,
      )
      .run(group);
    const photo = await plainJpeg();
    rig.client.receiveMedia(
      ANA,
      'image',
      { bytes: photo, mimetype: 'image/jpeg' },
      { body: 'SOS -7.93512,110.40123' },
      h.clock.now,
    );
    await recorded(rig, 1);
    const rows = h.outbox();
    const media = (r: { extra: string | null }) => JSON.parse(r.extra ?? '{}').media !== undefined;
    expect(rows.filter((r) => r.chat_kind === 'group').length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.chat_kind === 'group' && media(r))).toEqual([]);
    expect(rows.filter((r) => r.chat_id === '6289999999999@c.us' && media(r))).toHaveLength(1);
    expect(rig.sentTo(group).join('\n')).not.toContain('photo');
    // The coordinator's private chat gets the photo itself, the reference its caption.
    const forwarded = rig.clients.flatMap((c) => c.sent).filter((m) => m.media);
    expect(forwarded.map((m) => [m.chatId, m.content, m.media!.mimetype])).toEqual([
      ['6289999999999@c.us', `S-1: a photo from whatsapp:${ANA}`, 'image/jpeg'],
    ]);
    expect(forwarded.every((m) => !m.chatId.endsWith('@g.us'))).toBe(true);
  });

  it('a voice note is forwarded to the coordinator as a voice note', async () => {
    const { rig, h } = await setUp();
    rig.client.receiveMedia(
      ANA,
      'ptt',
      { bytes: Buffer.from('voice'), mimetype: 'audio/ogg' },
      { body: '' },
      h.clock.now,
    );
    await recorded(rig, 1);
    await rig.say(ANA, 'SOS -7.93512,110.40123');
    await recorded(rig, 2);
    const voice = rig.clients.flatMap((c) => c.sent).find((m) => m.media);
    expect(voice?.media).toMatchObject({ mimetype: 'audio/ogg', sendAudioAsVoice: true });
    expect(voice?.content).toBe(`S-1: a voice note from whatsapp:${ANA}`);
  });
});
