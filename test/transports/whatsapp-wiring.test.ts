import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { HttpServer } from '../../src/http/server.ts';
import { qrImage, qrPage } from '../../src/http/whatsapp-qr.ts';
import { startApp } from '../../src/main.ts';
import { CHROMIUM_ARGS, loadClientFactory } from '../../src/transports/whatsapp/launch.ts';
import { silentLog, tempDir } from '../support/harness.ts';

describe('WhatsApp wiring', () => {
  it('reads a WhatsApp admin written as a bare number as the WhatsApp id', () => {
    const config = loadConfig({ ADMINS: 'telegram:1, whatsapp:6281234567890,whatsapp:+6285550001111' }, '/x');
    expect(config.ADMINS).toEqual([
      'telegram:1',
      'whatsapp:6281234567890@c.us',
      'whatsapp:6285550001111@c.us',
    ]);
  });

  it('builds real whatsapp-web.js clients on the system Chromium with the session under the configured dir', async () => {
    const tmp = tempDir();
    const factory = loadClientFactory({ chromiumPath: '/opt/chromium/chrome', sessionDir: tmp.dir });
    const client = factory() as unknown as {
      options: { puppeteer: { executablePath: string; args: string[]; headless: boolean } };
      authStrategy: { dataPath: string };
    };
    expect(client.options.puppeteer).toMatchObject({
      executablePath: '/opt/chromium/chrome',
      headless: true,
    });
    expect(client.options.puppeteer.args).toEqual(expect.arrayContaining(CHROMIUM_ARGS));
    expect(client.authStrategy.dataPath).toBe(path.resolve(tmp.dir));
    tmp.cleanup();
  });

  it('serves the pairing QR code as a page and an image, and says when none is needed', async () => {
    const source = { qr: '2@pairing-code' as string | undefined, state: 'qr-needed' };
    const stub = { currentQr: () => source.qr, health: () => ({ state: source.state }) };
    const http = new HttpServer(silentLog);
    http.route('GET', '/whatsapp/qr', qrPage(stub));
    http.route('GET', '/whatsapp/qr.png', qrImage(stub));
    const port = await http.listen(0, '127.0.0.1');
    try {
      const page = await fetch(`http://127.0.0.1:${port}/whatsapp/qr`);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(await page.text()).toContain('<svg');
      const png = await fetch(`http://127.0.0.1:${port}/whatsapp/qr.png`);
      expect(png.headers.get('content-type')).toBe('image/png');
      expect([...new Uint8Array(await png.arrayBuffer()).slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

      source.qr = undefined;
      source.state = 'ready';
      expect(await (await fetch(`http://127.0.0.1:${port}/whatsapp/qr`)).text()).toContain('<b>ready</b>');
      expect((await fetch(`http://127.0.0.1:${port}/whatsapp/qr.png`)).status).toBe(404);
    } finally {
      await http.close();
    }
  });

  it('starts with WHATSAPP_ENABLED and reports a missing Chromium as disconnected instead of crashing', async () => {
    const tmp = tempDir();
    const config = loadConfig(
      {
        DATABASE_PATH: path.join(tmp.dir, 'relief.db'),
        WHATSAPP_ENABLED: 'true',
        WHATSAPP_SESSION_DIR: path.join(tmp.dir, 'wwebjs'),
        CHROMIUM_PATH: path.join(tmp.dir, 'no-chromium'),
        HTTP_PORT: '0',
        HTTP_HOST: '127.0.0.1',
      },
      '/nonexistent',
    );
    const app = await startApp(config, { log: silentLog });
    try {
      const whatsapp = app.transports.find((t) => t.name === 'whatsapp')!;
      for (let i = 0; i < 200 && whatsapp.health().state !== 'disconnected'; i++)
        await new Promise((r) => setTimeout(r, 50));
      expect(whatsapp.health()).toMatchObject({ ok: false, state: 'disconnected' });
      expect(whatsapp.health().detail).toMatch(/browser|chrom/i);
    } finally {
      await app.stop('test');
      tmp.cleanup();
    }
  });
});
