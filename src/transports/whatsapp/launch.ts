import type { WhatsAppClientFactory } from './client.ts';

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
 * Loads whatsapp-web.js (and with it puppeteer) only when WhatsApp is enabled. Under native ESM the
 * package has a default export only.
 */
export async function loadClientFactory(settings: LaunchSettings): Promise<WhatsAppClientFactory> {
  const { Client, LocalAuth } = (await import('whatsapp-web.js')).default;
  return () =>
    new Client({
      authStrategy: new LocalAuth({ dataPath: settings.sessionDir }),
      puppeteer: { headless: true, executablePath: settings.chromiumPath, args: CHROMIUM_ARGS },
    });
}
