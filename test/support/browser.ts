import chromium from '@sparticuz/chromium';
import puppeteer, { type Browser } from 'puppeteer-core';

/**
 * A real headless Chromium for the dashboard's tests: the one `@sparticuz/chromium` ships inside its npm
 * tarball (unpacked to the temp folder on first use), so `npm ci` is the whole set-up, root or not.
 */
export async function launchBrowser(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: await chromium.executablePath(),
    args: chromium.args,
    headless: true,
    defaultViewport: { width: 1280, height: 800 },
  });
}
