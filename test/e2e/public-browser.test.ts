import type { Browser } from 'puppeteer-core';
import { afterEach, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { ConsoleBot } from '../support/console-bot.ts';

/**
 * The public page in a real headless Chromium against the bot started as README tells (`npm start`,
 * HTTP_PORT and PUBLIC_PAGE=true): the map's markers by area, the language switch, the feeds by their links.
 */

let bot: ConsoleBot | undefined;
let browser: Browser | undefined;
afterEach(async () => {
  await browser?.close();
  await bot?.stop();
  bot = undefined;
  browser = undefined;
});

describe('the public page in a browser', () => {
  it('draws areas on the map, switches language and links every feed', async () => {
    // Tiles unreachable, as on a poor connection: the markers still show.
    bot = await ConsoleBot.start({ PUBLIC_PAGE: 'true', MAP_TILE_URL: 'http://127.0.0.1:9/{z}/{x}/{y}.png' });
    for (const [who, item] of [
      ['siti', 'water'],
      ['budi', 'rice'],
      ['wati', 'medicine'],
    ])
      await bot.say(`@as ${who}\n/need 20 ${item} for 4 people @ Imogiri`, /R-\d/);
    await bot.say('@as koor\n/verify R-1', /R-1 is verified/);
    await bot.say('/verify R-2', /R-2 is verified/);
    await bot.say('@as dewi\nSOS -7.85,110.40', /S-1/);
    browser = await launchBrowser();
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`http://127.0.0.1:${bot.port}/public?lang=en`, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('path.area-marker', { timeout: 10_000 });
    // One marker per area with records: Imogiri's needs, and the area the SOS point lies in.
    expect((await page.$$('path.area-marker')).length).toBe(2);
    expect(await page.$eval('tr[data-area="DIY/Bantul/Imogiri"]', (e) => e.textContent)).toContain(
      'fewer than 3',
    );
    expect(errors).toEqual([]);

    const hrefs = await page.$$eval('#feeds a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs).toHaveLength(4);
    // A browser downloads the CSV rather than showing it: each link is followed as a feed reader would.
    for (const href of hrefs) expect((await fetch(`http://127.0.0.1:${bot.port}${href}`)).status).toBe(200);

    await Promise.all([page.waitForNavigation(), page.click('#language')]);
    expect(await page.$eval('html', (e) => e.lang)).toBe('id');
    expect(await page.$eval('h1', (e) => e.textContent)).toContain('dibutuhkan');
    await page.waitForSelector('path.area-marker');
  });
});
