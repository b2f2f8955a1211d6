import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { MediaStore } from '../../src/engine/media-store.ts';
import { TelegramTransport } from '../../src/transports/telegram/index.ts';
import { jpegWithExif, PHOTO_POINT } from '../support/exif-photo.ts';
import { FakeBotApi } from '../support/fake-bot-api.ts';
import { Harness, silentLog, tempDir } from '../support/harness.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setUp(maxBytes = 1024 * 1024) {
  const fake = await FakeBotApi.start();
  const h = new Harness({ ADMINS: 'telegram:900' });
  const dir = tempDir();
  const store = new MediaStore(dir.dir, maxBytes);
  const t = new TelegramTransport({
    token: fake.token,
    apiRoot: fake.apiRoot,
    defaultLanguage: 'en',
    commands,
    phrases: h.catalog,
    log: silentLog,
    pollTimeoutSeconds: 1,
    media: store,
  });
  cleanups.push(
    () => fake.close(),
    () => h.close(),
    () => dir.cleanup(),
    () => t.stop(),
  );
  await t.start(h.core);
  return { fake, h, t, store, dir: dir.dir };
}

const ana = FakeBotApi.user(42);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const stored = (dir: string) => readdirSync(dir).filter((f) => !f.startsWith('.'));

describe('Telegram photos, voice notes and files', () => {
  it.each([
    ['photo', (f: object) => ({ photo: [{ ...f, width: 90, height: 90 }] })],
    ['voice', (f: object) => ({ voice: { ...f, duration: 3, mime_type: 'audio/ogg' } })],
    ['audio', (f: object) => ({ audio: { ...f, duration: 3 } })],
    ['video', (f: object) => ({ video: { ...f, duration: 3, width: 9, height: 9 } })],
    ['document', (f: object) => ({ document: { ...f, file_name: 'Ana KTP.pdf' } })],
  ])(
    'fetches a %s with getFile and the file URL, stores it by its SHA-256 and records it',
    async (type, fields) => {
      const { fake, h, dir } = await setUp();
      // A photo is re-encoded (its metadata stripped): one that comes without any stays byte for byte.
      const bytes =
        type === 'photo'
          ? await sharp({ create: { width: 9, height: 9, channels: 3, background: '#123456' } })
              .jpeg()
              .toBuffer()
          : Buffer.from(`the bytes of a ${type}`);
      fake.message(ana, {
        ...fields(fake.addFile(bytes)),
        caption: type === 'photo' ? 'air naik' : undefined,
      });
      await fake.waitFor(() => h.count('attachments') === 1);
      expect(stored(dir)).toEqual([sha(bytes)]);
      expect(readFileSync(`${dir}/${sha(bytes)}`)).toEqual(bytes);
      expect(h.db.prepare('SELECT type, bytes FROM attachments').get()).toEqual({
        type,
        bytes: bytes.length,
      });
      // No original file name is kept anywhere.
      expect(JSON.stringify(h.db.prepare('SELECT message FROM inbox').all())).not.toContain('KTP');
    },
  );

  it('a photo sent as a file is stored without its EXIF, and its GPS point is offered as the location', async () => {
    const { fake, h, dir } = await setUp();
    const original = await jpegWithExif(Date.now() - 3_600_000);
    fake.message(ana, {
      document: { ...fake.addFile(original), mime_type: 'image/jpeg', file_name: 'IMG_0001.jpg' },
      caption: 'SOS',
    });
    const asked = () => h.outbox().find((r) => r.text.includes('Is this where you are?'))?.text;
    await fake.waitFor(() => asked() !== undefined);
    const [file] = stored(dir);
    expect(file).not.toBe(sha(original));
    expect(await exifr.parse(readFileSync(`${dir}/${file}`))).toBeUndefined();
    expect(asked()).toContain(`${PHOTO_POINT.lat.toFixed(4)}`);
    expect(h.db.prepare('SELECT mime FROM attachments').pluck().get()).toBe('image/jpeg');
  });

  it('a photo that cannot be decoded is not kept', async () => {
    const { fake, h, dir } = await setUp();
    fake.message(ana, { photo: [fake.addFile(Buffer.from('not a jpeg'))] });
    await fake.waitFor(() => h.outbox().some((r) => r.text.includes('as text')));
    expect(stored(dir)).toEqual([]);
    expect(h.count('attachments')).toBe(0);
  });

  it('a redelivered update stores the file once and records it once', async () => {
    const { fake, h, dir } = await setUp();
    const bytes = await jpegWithExif(Date.now());
    const { updateId } = fake.message(ana, { photo: [fake.addFile(bytes)] });
    await fake.waitFor(() => h.count('attachments') === 1);
    const polls = fake.callsOf('getUpdates').length;
    fake.redeliver(updateId);
    await fake.waitFor(() => fake.unconfirmed() === 0 && fake.callsOf('getUpdates').length > polls + 1);
    expect(stored(dir)).toHaveLength(1);
    expect(h.count('attachments')).toBe(1);
  });

  it('over MEDIA_MAX_MB, as stated or as downloaded, nothing is stored and the sender is answered kindly', async () => {
    const { fake, h, dir } = await setUp(100);
    fake.message(ana, { voice: fake.addFile(Buffer.alloc(50), 5000) });
    fake.message(ana, { document: fake.addFile(Buffer.alloc(500), 10) });
    await fake.waitFor(() => h.outbox().filter((r) => r.text.includes('too large')).length === 2);
    expect(fake.callsOf('file')).toHaveLength(1);
    expect(stored(dir)).toEqual([]);
    expect(h.count('attachments')).toBe(0);
  });

  it('a failed download is not confirmed: the update comes again and is then taken', async () => {
    const { fake, h } = await setUp();
    fake.fail('getFile', { code: 502 });
    fake.message(ana, { photo: [fake.addFile(await jpegWithExif(Date.now()))] });
    await fake.waitFor(() => h.count('attachments') === 1, 20_000);
    expect(fake.callsOf('getFile').filter((c) => c.failed)).toHaveLength(1);
  });

  it('forwards stored media privately as a photo with the case reference as its caption', async () => {
    const { fake, h, t, store } = await setUp();
    const bytes = Buffer.from('a photo of the water');
    const media = { type: 'photo' as const, ...store.put(bytes), mime: 'image/jpeg' };
    await t.send({
      id: 1,
      chat: { transport: 'telegram', chatId: '900', kind: 'private' },
      kind: 'notice',
      text: 'S-1: a photo from Ana',
      media,
    });
    const [call] = fake.callsOf('sendPhoto');
    expect(call?.params).toMatchObject({ chat_id: 900, caption: 'S-1: a photo from Ana' });
    // Erased meanwhile: the text alone still goes.
    store.remove(media.sha256);
    await t.send({
      id: 2,
      chat: { transport: 'telegram', chatId: '900', kind: 'private' },
      kind: 'notice',
      text: 'S-1: a photo from Ana',
      media,
    });
    expect(fake.sentTo(900)).toEqual(['S-1: a photo from Ana']);
    expect(h.count('attachments')).toBe(0);
  });
});
