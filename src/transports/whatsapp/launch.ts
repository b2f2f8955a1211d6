import wwebjs from 'whatsapp-web.js';
import type { MediaMaker, WhatsAppClientFactory } from './client.ts';

export interface LaunchSettings {
  /** The system Chromium (Debian's `chromium` in the Dockerfile); puppeteer downloads none. */
  chromiumPath: string;
  /** LocalAuth keeps the linked-device session here, so a restart needs no new QR code. */
  sessionDir: string;
}

/**
 * Chromium on a server: no sandbox (containers usually run it as root, where the sandbox cannot start),
 * no GPU, a /tmp-backed shared memory (Docker's /dev/shm is 64 MB) and no background traffic.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-setuid-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--no-first-run',
  '--no-default-browser-check',
];

/**
 * The real client. whatsapp-web.js (and with it puppeteer) loads only when WhatsApp is enabled, because
 * this module is imported only then. Under native ESM the package has a default export only.
 */
export function loadClientFactory(settings: LaunchSettings): WhatsAppClientFactory {
  const { Client, LocalAuth } = wwebjs;
  return () =>
    new Client({
      authStrategy: new LocalAuth({ dataPath: settings.sessionDir }),
      puppeteer: { headless: true, executablePath: settings.chromiumPath, args: CHROMIUM_ARGS },
    });
}

/** Files the bot forwards (a photo to a coordinator) as the library's own `MessageMedia`. */
export const makeMedia: MediaMaker = (mimetype, base64) => new wwebjs.MessageMedia(mimetype, base64);
