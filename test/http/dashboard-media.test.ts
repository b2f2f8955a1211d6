import { afterEach, describe, expect, it } from 'vitest';
import type { StoredMedia } from '../../src/domain/message.ts';
import { MediaStore } from '../../src/engine/media-store.ts';
import { ConsoleWithDashboard, signIn, tokenOf } from '../support/dashboard.ts';

let bot: ConsoleWithDashboard | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

/** A file as an adapter stores it, recorded as a message's attachment and attached to `subject`. */
function attach(b: ConsoleWithDashboard, bytes: Buffer, mime: string, subject?: string, inboxId = 900_001) {
  const { ledger } = b.app;
  const stored = new MediaStore(ledger.mediaFiles.dir, 1024 * 1024).put(bytes);
  const media: StoredMedia = { type: mime.startsWith('image/') ? 'photo' : 'document', ...stored, mime };
  ledger.attachments.record(inboxId, 'console:ana', media, Date.now());
  const row = ledger.attachments.unattached('console:ana', 0).find((a) => a.inboxId === inboxId)!;
  if (subject) ledger.attachments.attach(row.id, subject);
  return stored.sha256;
}

describe('media on the dashboard', () => {
  it("lists a case's photos and serves them to a signed-in coordinator only, never a file no case holds", async () => {
    bot = await ConsoleWithDashboard.start();
    await bot.say('@as ana\nSOS -7.93512,110.40123', /S-1/);
    const photo = attach(bot, Buffer.from('jpeg bytes'), 'image/jpeg', 'S-1');
    const page = attach(bot, Buffer.from('<script>alert(1)</script>'), 'text/html', 'S-1', 900_002);
    const loose = attach(bot, Buffer.from('not attached to anything'), 'image/jpeg', undefined, 900_003);
    const orphan = new MediaStore(bot.app.ledger.mediaFiles.dir, 1024).put(Buffer.from('no row')).sha256;
    const { cookie } = await signIn(bot.base, tokenOf(await bot.link()));
    const get = (path: string, withCookie = true) =>
      fetch(`${bot!.base}${path}`, withCookie ? { headers: { cookie: cookie! } } : {});

    const view = (await (await get('/view')).json()) as { rescues: { ref: string; media: unknown[] }[] };
    expect(view.rescues.find((c) => c.ref === 'S-1')?.media).toEqual([
      { id: photo, type: 'photo' },
      { id: page, type: 'document' },
    ]);

    const res = await get(`/media?id=${photo}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(Buffer.from(await res.arrayBuffer()).toString()).toBe('jpeg bytes');
    // A type a browser would run is a download, never a page.
    const html = await get(`/media?id=${page}`);
    expect(html.headers.get('content-type')).toBe('application/octet-stream');
    expect(html.headers.get('content-disposition')).toMatch(/^attachment/);

    expect((await get(`/media?id=${photo}`, false)).status).toBe(401);
    expect((await get(`/media?id=${loose}`)).status).toBe(404);
    expect((await get(`/media?id=${orphan}`)).status).toBe(404);
    expect((await get('/media?id=../../relief.db')).status).toBe(404);
    // Nothing public names it.
    expect((await fetch(`http://127.0.0.1:${bot.port}/public/media?id=${photo}`)).status).not.toBe(200);
  });

  it('the public page and its feeds never name a photo, even of a verified need', async () => {
    bot = await ConsoleWithDashboard.start({ PUBLIC_PAGE: 'true' });
    await bot.say('@as ana\nSOS -7.93512,110.40123', /S-1/);
    await bot.say('@as budi\n/need 20 water @ -7.80,110.36', /how many people/i);
    await bot.say('12', /R-1/);
    await bot.say('@as koor\n/verify R-1', /R-1/);
    const names = [
      attach(bot, Buffer.from('the water at the door'), 'image/jpeg', 'S-1'),
      attach(bot, Buffer.from('the road to the posko'), 'image/jpeg', 'R-1', 900_002),
    ];
    const root = `http://127.0.0.1:${bot.port}/public`;
    for (const path of ['', '/needs.geojson', '/needs.csv', '/feed.atom']) {
      const res = await fetch(`${root}${path}`);
      expect(res.status, path).toBe(200);
      const body = await res.text();
      for (const name of names) expect(body, path).not.toContain(name.slice(0, 16));
      expect(body, path).not.toMatch(/\/media\?id=|attachments/);
      // The verified need is there: what the page shows of it is its fields, not its photo.
      if (path === '/needs.csv') expect(body).toMatch(/water|air/i);
    }
  });
});
