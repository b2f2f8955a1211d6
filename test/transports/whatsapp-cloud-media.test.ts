import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import exifr from 'exifr';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoredMedia } from '../../src/domain/message.ts';
import { MediaStore } from '../../src/engine/media-store.ts';
import { WhatsAppCloudTransport } from '../../src/transports/whatsapp-cloud/index.ts';
import { jpegWithExif } from '../support/exif-photo.ts';
import { CLOUD, FakeGraphApi } from '../support/fake-graph-api.ts';
import { Harness, silentLog, tempDir } from '../support/harness.ts';

const SITI = '6281200000001';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setUp(maxBytes = 1024 * 1024) {
  const graph = new FakeGraphApi();
  const apiRoot = await graph.start();
  const h = new Harness({ ADMINS: 'telegram:900' });
  const dir = tempDir();
  const store = new MediaStore(dir.dir, maxBytes);
  const t = new WhatsAppCloudTransport({
    ...CLOUD,
    apiRoot,
    template: { name: 'relief_update', language: 'en' },
    log: silentLog,
    media: store,
  });
  cleanups.push(
    () => graph.close(),
    () => h.close(),
    () => dir.cleanup(),
    () => t.stop(),
  );
  await t.start(h.core);
  /** Delivers a payload to the webhook, signed, as the platform does. */
  const deliver = (payload: unknown) => {
    const body = JSON.stringify(payload);
    return t.handleWebhook(FakeGraphApi.sign(body), body);
  };
  return { graph, h, t, store, dir: dir.dir, deliver };
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const stored = (dir: string) => readdirSync(dir).filter((f) => !f.startsWith('.'));
const downloads = (graph: FakeGraphApi) => graph.calls.filter((c) => c.path.startsWith('/download/'));

describe('WhatsApp Cloud API photos, voice notes and files', () => {
  it.each([
    ['image', {}, 'photo', 'image/jpeg'],
    ['audio', { voice: true }, 'voice', 'audio/ogg'],
    ['audio', {}, 'audio', 'audio/mpeg'],
    ['video', {}, 'video', 'video/mp4'],
    ['document', { filename: 'KTP Siti.pdf' }, 'document', 'application/pdf'],
  ])(
    'fetches %s %o by its media id with the token, stores it and records a %s',
    async (kind, extra, type, mime) => {
      const { graph, h, dir, deliver } = await setUp();
      const bytes =
        kind === 'image' ? await jpegWithExif(Date.now(), { gps: false }) : Buffer.from(`a ${type}`);
      const id = graph.addMedia(bytes, mime);
      expect(
        await deliver(graph.message(SITI, FakeGraphApi.file(kind, id, { mime_type: mime, ...extra }))),
      ).toBe(200);
      expect(h.db.prepare('SELECT type, mime FROM attachments').get()).toEqual({ type, mime });
      const [file] = stored(dir);
      if (kind === 'image') expect(await exifr.parse(readFileSync(`${dir}/${file}`))).toBeUndefined();
      else expect(file).toBe(sha(bytes));
      // The url came from GET /{media-id}, and was fetched with the bearer token (the fake refuses without).
      expect(graph.calls.map((c) => c.path)).toEqual(
        expect.arrayContaining([`/v21.0/${id}`, `/download/${id}`]),
      );
      expect(JSON.stringify(h.db.prepare('SELECT message FROM inbox').all())).not.toContain('KTP');
    },
  );

  it('a photo captioned SOS opens the case with it; its GPS point is offered', async () => {
    const { graph, h, deliver } = await setUp();
    const id = graph.addMedia(await jpegWithExif(Date.now() - 600_000), 'image/jpeg');
    await deliver(
      graph.message(SITI, FakeGraphApi.file('image', id, { mime_type: 'image/jpeg', caption: 'SOS' })),
    );
    expect(h.db.prepare('SELECT subject FROM attachments').pluck().get()).toBe('S-1');
    expect(h.outbox().some((r) => r.text.includes('Is this where you are?'))).toBe(true);
  });

  it('a redelivered webhook stores the file once and records it once', async () => {
    const { graph, h, dir, deliver } = await setUp();
    const id = graph.addMedia(Buffer.from('voice'), 'audio/ogg');
    const payload = graph.message(SITI, FakeGraphApi.file('audio', id, { voice: true }), 'wamid.same');
    expect(await deliver(payload)).toBe(200);
    expect(await deliver(payload)).toBe(200);
    expect(stored(dir)).toHaveLength(1);
    expect(h.count('attachments')).toBe(1);
    expect(h.count('inbox')).toBe(1);
  });

  it('a failed download answers 500 and records nothing; the platform resends and it is taken', async () => {
    const { graph, h, deliver } = await setUp();
    const id = graph.addMedia(Buffer.from('a video'), 'video/mp4');
    const payload = graph.message(SITI, FakeGraphApi.file('video', id));
    graph.mediaFailures.push(503);
    expect(await deliver(payload)).toBe(500);
    expect(h.count('inbox')).toBe(0);
    expect(await deliver(payload)).toBe(200);
    expect(h.count('attachments')).toBe(1);
  });

  it('over MEDIA_MAX_MB as stated: not downloaded, answered kindly; a media id gone: the caption read', async () => {
    const { graph, h, deliver } = await setUp(100);
    const big = graph.addMedia(Buffer.alloc(50), 'video/mp4', 5000);
    await deliver(graph.message(SITI, FakeGraphApi.file('video', big)));
    expect(downloads(graph)).toHaveLength(0);
    expect(h.outbox().some((r) => r.text.includes('too large'))).toBe(true);
    await deliver(graph.message(SITI, FakeGraphApi.file('image', '999', { caption: 'SOS' })));
    expect(h.db.prepare('SELECT COUNT(*) FROM rescues').pluck().get()).toBe(1);
    expect(h.count('attachments')).toBe(0);
  });

  it('forwards stored media privately: an image with its caption, a voice note after its text', async () => {
    const { graph, t, store } = await setUp();
    const coordinator = '6289999999999';
    graph.lastWrote.set(coordinator, Date.now());
    const to = (text: string, media: StoredMedia) =>
      t.send({
        id: 1,
        chat: { transport: 'whatsapp-cloud', chatId: coordinator, kind: 'private' },
        kind: 'notice',
        text,
        media,
      });
    const photo: StoredMedia = { type: 'photo', ...store.put(Buffer.from('a photo')), mime: 'image/jpeg' };
    await to('S-1: a photo from Siti', photo);
    const uploads = () => graph.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/media'));
    expect(uploads()).toHaveLength(1);
    expect(graph.sent(coordinator).at(-1)).toMatchObject({
      type: 'image',
      image: { id: expect.any(String), caption: 'S-1: a photo from Siti' },
    });
    const voice: StoredMedia = { type: 'voice', ...store.put(Buffer.from('a voice')), mime: 'audio/ogg' };
    await to('S-1: a voice note from Siti', voice);
    expect(
      graph
        .sent(coordinator)
        .slice(-2)
        .map((s) => s.type),
    ).toEqual(['text', 'audio']);
    // Erased since it was queued: the text alone.
    store.remove(photo.sha256);
    await to('S-1: a photo from Siti', photo);
    expect(graph.sent(coordinator).at(-1)).toMatchObject({ type: 'text' });
    expect(uploads()).toHaveLength(2);
  });
});
