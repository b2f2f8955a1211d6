import { afterEach, describe, expect, it } from 'vitest';
import { ConsoleWithDashboard } from '../support/dashboard.ts';

/** Vetted campaigns on the public page (issue 32): by area, vetted by a role on a date, gone when withdrawn. */

let bot: ConsoleWithDashboard | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

describe('campaigns on the public page', () => {
  it('lists each by area with who vetted it as a role, and drops a withdrawn one at once', async () => {
    bot = await ConsoleWithDashboard.start({ PUBLIC_PAGE: 'true' });
    await bot.say(
      '@as koor\n/campaign add https://kitabisa.com/banjir-bantul Bantul Flood relief Bantul',
      /F-1/,
    );
    await bot.say('/campaign add https://kitabisa.com/dapur-sleman Sleman Public kitchen Sleman', /F-2/);
    const page = async () => (await fetch(`http://127.0.0.1:${bot!.port}/public?lang=en`)).text();
    const before = await page();
    expect(before).toContain('<section id="campaigns">');
    expect(before).toMatch(
      /<h3>DIY\/Bantul<\/h3><ul><li><a href="https:\/\/kitabisa.com\/banjir-bantul" rel="noopener noreferrer nofollow">Flood relief Bantul<\/a> \(vetted by (a coordinator|an administrator) on \d{4}-\d\d-\d\d\)/,
    );
    expect(before).toContain('Public kitchen Sleman');
    expect(before).not.toMatch(/koor|console:/);
    await bot.say('/campaign withdraw F-1', /F-1/);
    // Within the page's 30 s cache: the withdrawn link is gone from the next page all the same.
    const after = await page();
    expect(after).not.toContain('banjir-bantul');
    expect(after).toContain('Public kitchen Sleman');
  });
});
