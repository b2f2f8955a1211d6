import { afterEach, describe, expect, it } from 'vitest';
import { ConsoleWithDashboard } from '../support/dashboard.ts';

/**
 * The public page over real HTTP on loopback: served only when asked for, in both languages, its feeds
 * linked with ordinary hrefs, cached, read-only and limited per client address.
 */

let bot: ConsoleWithDashboard | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

const origin = (b: ConsoleWithDashboard) => `http://127.0.0.1:${b.port}`;

describe('the public page', () => {
  it('is not served unless PUBLIC_PAGE=true', async () => {
    bot = await ConsoleWithDashboard.start();
    expect((await fetch(`${origin(bot)}/public`)).status).toBe(404);
  });

  it('shows verified needs by area in Indonesian and English, links every feed, and hides who asked', async () => {
    bot = await ConsoleWithDashboard.start({ PUBLIC_PAGE: 'true', PUBLIC_PATH: '/terbuka' });
    // Different items, so that none reads as a duplicate of another.
    for (const [who, item] of [
      ['siti', 'water'],
      ['budi', 'rice'],
      ['wati', 'medicine'],
    ]) {
      await bot.say(
        `@as ${who}\n/need 20 ${item} for 4 people @ Imogiri, rumah Pak Harjo 0812-5555-7777`,
        /R-\d/,
      );
    }
    await bot.say('@as koor\n/verify R-1', /R-1 is verified/);
    await bot.say('/verify R-2', /R-2 is verified/);
    await bot.say('/verify R-3', /R-3 is verified/);
    await bot.say('/posko add Posko Imogiri @ Imogiri jam 08-17 terima air, beras kontak 0274 123456', /K-1/);
    const base = `${origin(bot)}/terbuka`;
    const en = await fetch(`${base}?lang=en`);
    expect(en.status).toBe(200);
    expect(en.headers.get('cache-control')).toMatch(/max-age=(3\d|[4-9]\d|\d{3,})/);
    const html = await en.text();
    expect(html).toContain('<html lang="en"');
    expect(html).toContain('What is needed where');
    expect(html).toMatch(/<td>DIY\/Bantul\/Imogiri<\/td><td>3<\/td>/);
    for (const href of ['/terbuka/needs.geojson', '/terbuka/needs.csv', '/terbuka/feed.atom?lang=en'])
      expect(html).toContain(`href="${href}"`);
    expect(html).not.toMatch(/Harjo|5555|7777|siti|budi|wati/i);
    // A posko is public by design: its name, hours, what it takes and its contact.
    expect(html).toMatch(
      /<strong>Posko Imogiri<\/strong> \(DIY\/Bantul\/Imogiri\); hours: 08-17; accepts: water, rice; contact: 0274123456/,
    );
    const id = await (await fetch(`${base}?lang=id`)).text();
    expect(id).toContain('<html lang="id"');
    expect(id).toContain('Apa yang dibutuhkan di mana');

    for (const feed of ['needs.geojson', 'needs.csv', 'feed.atom']) {
      const res = await fetch(`${base}/${feed}`);
      expect(res.status).toBe(200);
      const body = await res.text();
      expect(body).not.toMatch(/Harjo|5555|7777|siti|budi|wati/i);
      if (feed === 'needs.geojson') expect(JSON.parse(body).features[0].properties.open_needs).toBe(3);
      if (feed === 'needs.csv') expect(body.split('\r\n')[1]).toMatch(/^#loc\+name,/);
      if (feed === 'feed.atom') expect(body).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    }
    // Each verified need has a shareable card at an opaque address, with Open Graph tags and the posko.
    const atom = await (await fetch(`${base}/feed.atom?lang=en`)).text();
    const cards = [...atom.matchAll(/<link href="(http:\/\/[^"]+\/terbuka\/r\/([\w-]+))\?lang=en"/g)];
    expect(cards).toHaveLength(3);
    for (const [, url, id] of cards) {
      expect(id).not.toMatch(/^R-|^\d+$/);
      const card = await fetch(url!);
      expect(card.status).toBe(200);
      const text = await card.text();
      expect(text).toMatch(/<meta property="og:title" content="Verified need in DIY\/Bantul\/Imogiri: /);
      expect(text).toContain('<strong>Posko Imogiri</strong>');
      expect(text).not.toMatch(/Harjo|5555|7777|siti|budi|wati|R-\d/i);
    }
    expect((await fetch(`${base}/r/nosuchcard`)).status).toBe(404);
    // Read-only: anything but GET finds nothing.
    expect((await fetch(base, { method: 'POST', body: 'x' })).status).toBe(404);
  });

  it('answers from its cache for 30 seconds and limits each client address', async () => {
    bot = await ConsoleWithDashboard.start({ PUBLIC_PAGE: 'true' });
    const first = await (await fetch(`${origin(bot)}/public/needs.geojson`)).text();
    await bot.say('@as siti\n/need 20 water for 4 people @ Imogiri', /R-1/);
    await bot.say('@as koor\n/verify R-1', /R-1 is verified/);
    // Built again at most every 30 s: the new need shows after that, not at once.
    expect(await (await fetch(`${origin(bot)}/public/needs.geojson`)).text()).toBe(first);
    const statuses: number[] = [];
    for (let i = 0; i < 130; i++) statuses.push((await fetch(`${origin(bot)}/public/needs.csv`)).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.slice(0, 100).every((s) => s === 200)).toBe(true);
  });
});
