// `npm run screenshot`: the dashboard with demo data, as README shows it (docs/dashboard.png). It starts
// the bot as README tells (`npm start`, the console, HTTP_PORT set), plays a short flood morning into
// it, signs in through the link `/dashboard` gives, and photographs the page in headless Chromium.
// Without internet access the map's tiles cannot load, and the markers stand on the plain background.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config.ts';
import { launchBrowser } from '../test/support/browser.ts';
import { ConsoleBot } from '../test/support/console-bot.ts';

const out = path.join(PROJECT_ROOT, 'docs', 'dashboard.png');
const bot = await ConsoleBot.start();
try {
  await bot.say('@as koor\n@group Posko Imogiri\n/register all Imogiri', /G-1/);
  await bot.say('@group Posko Pundong\n/register all Pundong', /G-2/);
  await bot.say('@as siti\n/need 20 water, 10 kg rice for 30 people @ -7.93,110.39', /R-1/);
  await bot.say('@as budi\n/need 15 blanket, 5 tarp for 12 people @ -7.95,110.35', /R-2/);
  await bot.say('@as ani\n/need 30 baby milk, 40 diapers for 8 people @ -7.97,110.38', /R-3/);
  await bot.say('@as wati\n/need 10 medicine for 5 people @ -7.91,110.42', /R-4/);
  await bot.say('@as dewi\nSOS -7.95,110.41', /S-1/);
  await bot.say('4', /→ dewi/);
  await bot.say('@as tono\nSOS -7.92,110.37', /S-2/);
  await bot.say('@as rudi\nSOS -7.98,110.34', /S-3/);
  await bot.say('@as rina\n/volunteer', /→ rina/);
  for (const answer of ['Rina', 'boat, medical']) await bot.say(answer, /→ rina/);
  await bot.say('-7.94,110.40', /→ rina/);
  await bot.say('1,3', /→ rina/);
  await bot.say('@contact +6281234567001', /V-1/);
  await bot.say('@as agus\n/volunteer', /→ agus/);
  for (const answer of ['Agus', 'driver']) await bot.say(answer, /→ agus/);
  await bot.say('-7.96,110.36', /→ agus/);
  await bot.say('1', /→ agus/);
  await bot.say('1', /V-2/);
  await bot.say('@as koor\n/posko add Posko Imogiri @ -7.925,110.385 accepts water, rice, blanket', /K-1/);
  await bot.say('/stock in K-1 60 water, 25 kg rice', /K-1/);
  await bot.say('/verify R-1 ok', /R-1/);
  await bot.say('/verify R-2 ok', /R-2/);
  await bot.say('/ack S-2', /S-2/);
  const link = await bot.say('/dashboard', /http:\/\/\S+#[\w-]{43}/);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(link, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.pin.rescue[title="S-1"]', { timeout: 10_000 });
    await page.click('#list button[data-ref="S-1"]');
    await new Promise((r) => setTimeout(r, 500));
    mkdirSync(path.dirname(out), { recursive: true });
    await page.screenshot({ path: out as `${string}.png` });
    console.log(`wrote ${path.relative(PROJECT_ROOT, out)}`);
  } finally {
    await browser.close();
  }
} finally {
  await bot.stop();
}
