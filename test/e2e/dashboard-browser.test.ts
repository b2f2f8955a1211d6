import type { Browser } from 'puppeteer-core';
import { afterEach, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { ConsoleBot } from '../support/console-bot.ts';

/**
 * The dashboard in a real headless Chromium against the bot started as README tells (`npm start`, the
 * console, HTTP_PORT set): sign in through the link `/dashboard` gives, see the chat's records on the
 * map, act by clicking, and see the chat receive what the command sends and the page change live.
 */

let bot: ConsoleBot | undefined;
/** A bot stopped for a restart: its folder goes once the restarted one has stopped. */
let before: ConsoleBot | undefined;
let browser: Browser | undefined;
afterEach(async () => {
  await browser?.close();
  await bot?.stop();
  await before?.stop();
  bot = undefined;
  before = undefined;
  browser = undefined;
});

async function seed(b: ConsoleBot): Promise<string> {
  await b.say('@as koor\n@group Posko Imogiri\n/register all', /G-1/);
  await b.say('@as siti\n/need 20 water for 12 people @ -7.80,110.36', /R-1/);
  await b.say('@as dewi\nSOS -7.85,110.40', /S-1/);
  return b.say('@as koor\n/dashboard', /http:\/\/\S+#[\w-]{43}/);
}

describe('the dashboard in a browser', () => {
  it('signs in through a link from the chat, shows the chat’s records, verifies by a click and follows changes live', async () => {
    bot = await ConsoleBot.start();
    const link = await seed(bot);
    browser = await launchBrowser();
    const page = await browser.newPage();
    await page.goto(link, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.pin.request[title="R-1"]', { timeout: 10_000 });
    await page.waitForSelector('.pin.rescue.open.oldest[title="S-1"]');
    expect(page.url()).toBe(`http://localhost:${bot.port}/dashboard`);
    expect(await page.$eval('#alarm', (e) => e.textContent)).toContain('S-1');

    // The link is dead now: a second browser tab opening it reads why.
    const again = await browser.newPage();
    await again.goto(link, { waitUntil: 'networkidle0' });
    expect(await again.$eval('#notice', (e) => e.textContent)).toContain('already used');

    // A refused action can be corrected and sent again from the same row: it is a new message then.
    await bot.say('@as budi\n/need 20 water for 4 people @ -7.80,110.36', /R-2/);
    await page.waitForSelector('#list button[data-ref="R-2"]', { timeout: 2_000 });
    await page.click('#list button[data-ref="R-2"]');
    await typeInRow(page, 'Duplicate of', 'R-99');
    await page.waitForFunction("document.querySelector('#answer-list').textContent.includes('R-99')");
    await typeInRow(page, 'Duplicate of', 'R-1');
    // A duplicate is no longer live: it leaves the list.
    await page.waitForFunction(`!document.querySelector('#list button[data-ref="R-2"]')`, { timeout: 2_000 });

    await clickPin(page, '.pin.request[title="R-1"]');
    const before = bot.printed.length;
    await clickButton(page, 'Verify');
    // The group hears it as when /verify is typed, and the page shows the new state without a reload.
    await bot.until(() => (/→ \[Posko Imogiri\]\n.*R-1/.test(bot!.printed.slice(before)) ? true : undefined));
    await page.waitForSelector('#list button[data-ref="R-1"] .tag.verified', { timeout: 2_000 });
    expect(await page.$eval('#answer-list', (e) => e.textContent)).toContain('R-1');

    // A posko registered in the chat appears on the map, with what it takes in.
    await bot.say('@as koor\n/posko add Posko Imogiri @ -7.86,110.38 accepts water', /K-1/);
    await page.waitForSelector('.leaflet-marker-pane .pin.posko[title="K-1"]', { timeout: 2_000 });
    await clickPin(page, '.pin.posko[title="K-1"]');
    expect(await page.$eval('#detail', (e) => e.textContent)).toMatch(/K-1 Posko Imogiri.*water/);

    // So does an offer, at its area's point when the donor named only an area, with its services.
    await bot.say('@as donor\n/offer 2 truk, 30 water @ Imogiri', /O-1/);
    await page.waitForSelector('.leaflet-marker-pane .pin.offer.approximate[title="O-1"]', {
      timeout: 2_000,
    });
    await clickPin(page, '.pin.offer[title="O-1"]');
    expect(await page.$eval('#detail', (e) => e.textContent)).toMatch(/O-1.*30 water.*2 × vehicle/);

    // A change made in the chat arrives within 2 seconds.
    await bot.say('@as koor\n/ack S-1', /→ koor/);
    await page.waitForSelector('.pin.rescue.acknowledged[title="S-1"]', { timeout: 2_000 });
    expect(await page.$eval('#alarm', (e) => e.hasAttribute('hidden'))).toBe(true);
  });

  it('shows what a listened group wrote as drafts within 2 seconds, danger first, and Confirm makes the request', async () => {
    bot = await ConsoleBot.start();
    await bot.say('@as koor\n@group Posko Imogiri\n/register all Imogiri', /G-1/);
    await bot.say('/listen on', /→ \[Posko Imogiri\]/);
    const link = await bot.say('@as koor\n/dashboard', /http:\/\/\S+#[\w-]{43}/);
    browser = await launchBrowser();
    const page = await browser.newPage();
    await page.goto(link, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('#live:not(.off)', { timeout: 10_000 });
    expect(await page.$eval('#drafts', (e) => e.hidden)).toBe(true);

    // Within 2 seconds of the words being written in the group, not of the bot's answer.
    const danger = bot.say(
      '@as dewi\n@group Posko Imogiri\nada lansia terjebak di Imogiri, air sudah sedada',
      /D-1/,
    );
    await page.waitForSelector('#draft-list button.danger[data-ref="D-1"]', { timeout: 2_000 });
    await danger;
    // Nobody has answered it: it is named in the red bar, as an unacknowledged case would be.
    expect(await page.$eval('#alarm', (e) => !e.hidden && e.textContent?.includes('D-1'))).toBe(true);
    const need = bot.say(
      '@as siti\n@group Posko Imogiri\nbutuh air 20 galon buat 30 orang di Imogiri',
      /D-2/,
    );
    await page.waitForSelector('#draft-list button[data-ref="D-2"]', { timeout: 2_000 });
    await need;
    // The danger nobody has acted on stays on top, though the need is newer.
    expect(await page.$$eval('#draft-list button', (bs) => bs.map((b) => b.dataset.ref))).toEqual([
      'D-1',
      'D-2',
    ]);
    // The drafts checkbox hides and shows them, like the other kinds.
    await page.click('#show-drafts');
    expect(await page.$eval('#drafts', (e) => e.hidden)).toBe(true);
    await page.click('#show-drafts');

    await page.click('#draft-list button[data-ref="D-2"]');
    const detail = await page.$eval('#detail', (e) => e.textContent);
    expect(detail).toContain('butuh air 20 galon buat 30 orang di Imogiri');
    expect(detail).toContain('20 gallons of water');
    await clickButton(page, 'Confirm');
    await page.waitForSelector('#list button[data-ref="R-1"]', { timeout: 2_000 });
    await page.waitForFunction(`!document.querySelector('#draft-list button[data-ref="D-2"]')`, {
      timeout: 2_000,
    });
    // The page shows the chat's own answer: the same command the draft's button sends was handled.
    await page.waitForFunction(
      "document.querySelector('#answer-list').textContent.includes('D-2 confirmed: R-1')",
    );

    await page.click('#draft-list button[data-ref="D-1"]');
    await clickButton(page, 'Open rescue case');
    await page.waitForSelector('#list button[data-ref="S-1"]', { timeout: 2_000 });
    expect(await page.$eval('#drafts', (e) => e.hidden)).toBe(true);
    // The alert became a case, which waits for acknowledgement in the bar in its place.
    expect(await page.$eval('#alarm', (e) => e.textContent)).toContain('S-1');
  });

  it('works on a 360-pixel-wide phone, in Indonesian, with the tiles unreachable: markers on a plain background, actions by tapping', async () => {
    bot = await ConsoleBot.start({ MAP_TILE_URL: 'http://127.0.0.1:9/{z}/{x}/{y}.png' });
    for (const [name, skill, place, ref] of [
      ['rina', 'boat', '-7.86,110.41', 'V-1'],
      ['agus', 'driver', '-7.81,110.37', 'V-2'],
    ] as const) {
      await bot.say(`@as ${name}\n/volunteer\n${name}`, /→ \S+\n.*\n/);
      for (const answer of [skill, place, '1']) await bot.say(answer, new RegExp(`→ ${name}\\n`));
      await bot.say('1', new RegExp(ref));
    }
    // This coordinator reads Indonesian: the page speaks it, from the same catalogs as the chat.
    await bot.say('@as koor\n/lang id', /→ koor/);
    const link = await seed(bot);
    browser = await launchBrowser();
    const page = await browser.newPage();
    await page.setViewport({ width: 360, height: 740, isMobile: true, hasTouch: true });
    await page.goto(link, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.pin.rescue[title="S-1"]', { timeout: 10_000 });
    await page.waitForSelector('#tiles-failed:not([hidden])', { timeout: 10_000 });
    expect(await page.$('.pin.request[title="R-1"]')).not.toBeNull();
    // Nothing sticks out sideways: the page is as wide as the phone.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);

    // Volunteers by skill: the filter leaves the boat's owner on the map.
    expect(await page.$$('.leaflet-marker-pane .pin.volunteer')).toHaveLength(2);
    await page.select('#skill', 'boat');
    expect(
      await page.$$eval('.leaflet-marker-pane .pin.volunteer', (pins) =>
        pins.map((p) => p.getAttribute('title')),
      ),
    ).toEqual(['V-1']);

    await page.tap('#list button[data-ref="S-1"]');
    // The nearest volunteer with the skill the case wants is offered first.
    const offered = await page.waitForSelector('#detail .suggestions button');
    expect(await offered!.evaluate((b) => b.textContent)).toMatch(/^Tugaskan V-1 \(rina\)/);
    expect(await page.$eval('#signout', (e) => e.textContent)).toBe('Keluar');
    await clickButton(page, 'Terima');
    await page.waitForSelector('.pin.rescue.acknowledged[title="S-1"]', { timeout: 2_000 });
    await bot.until(() => (/→ dewi\n/.test(bot!.printed) ? true : undefined));
  });
});

describe('the dashboard through a restart of the bot', () => {
  it('reconnects by itself, keeps the session, and follows changes again', async () => {
    const first = await ConsoleBot.start();
    before = first;
    const link = await seed(first);
    browser = await launchBrowser();
    const page = await browser.newPage();
    await page.goto(link, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('#live:not(.off)', { timeout: 10_000 });
    await first.stop({ keepLedger: true });
    await page.waitForSelector('#live.off');

    bot = await ConsoleBot.start({ DATABASE_PATH: first.dbPath, HTTP_PORT: String(first.port) });
    await page.waitForSelector('#live:not(.off)', { timeout: 10_000 });
    await bot.say('@as koor\n/ack S-1', /→ koor/);
    await page.waitForSelector('.pin.rescue.acknowledged[title="S-1"]', { timeout: 2_000 });
    expect(page.url()).toMatch(/\/dashboard$/);
  });
});

async function clickButton(page: import('puppeteer-core').Page, label: string): Promise<void> {
  const button = await page.waitForSelector(`xpath/.//section[@id="detail"]//button[text()="${label}"]`);
  await button!.click();
}

/** Types into the input of the action row whose button reads `label`, and presses the button. */
async function typeInRow(page: import('puppeteer-core').Page, label: string, text: string): Promise<void> {
  const input = await page.waitForSelector(
    `xpath/.//section[@id="detail"]//div[@class="actions"][button[text()="${label}"]]/input`,
  );
  await input!.click({ count: 3 });
  await input!.type(text);
  await clickButton(page, label);
}

/**
 * Clicks a map marker, found and clicked in one step inside the page: each change redraws the
 * markers, so an element found a moment before may be gone by the time a separate click lands.
 */
async function clickPin(page: import('puppeteer-core').Page, selector: string): Promise<void> {
  await page.waitForFunction(
    `(() => { const pin = document.querySelector(${JSON.stringify(selector)}); pin?.click(); return pin !== null; })()`,
  );
}
