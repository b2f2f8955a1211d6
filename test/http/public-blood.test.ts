import { afterEach, describe, expect, it } from 'vitest';
import { ConsoleWithDashboard } from '../support/dashboard.ts';

/** Blood on the public page (issue 32): the group, the registered hospital and the live count, nobody. */

let bot: ConsoleWithDashboard | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

describe('blood on the public page', () => {
  it('shows open verified requests with their count; a staff request waiting for verification stays off', async () => {
    bot = await ConsoleWithDashboard.start({ PUBLIC_PAGE: 'true' });
    await bot.say('@as koor\n/blood O+ 3 @ RS Imogiri until tomorrow', /T-1/);
    await bot.say('/bloodstaff console:sri RS Bethesda Yogyakarta', /console:sri/);
    await bot.say('@as sri\n/blood AB- 2', /T-2/);
    const page = await (await fetch(`http://127.0.0.1:${bot.port}/public?lang=en`)).text();
    expect(page).toContain('<section id="blood">');
    expect(page).toContain('Blood O+ at RS Imogiri (DIY/Bantul/Imogiri): 0 of 3 donors found');
    expect(page).not.toContain('AB-');
    expect(page).not.toMatch(/koor|sri|console:/);
    const id = await (await fetch(`http://127.0.0.1:${bot.port}/public?lang=id`)).text();
    expect(id).toContain('Darah O+ di RS Imogiri (DIY/Bantul/Imogiri): 0 dari 3 donor ditemukan');
  });
});
