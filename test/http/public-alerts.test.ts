import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { ConsoleWithDashboard } from '../support/dashboard.ts';

/** Alerts on the public page, over real HTTP: listed, indexed in Atom, each a CAP 1.2 message at its address. */

let bot: ConsoleWithDashboard | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

const XSD = readFileSync(path.join(import.meta.dirname, '../data/cap/CAP-v1.2.xsd'), 'utf8');

describe('public alerts', () => {
  it('publishes a coordinator alert on the page, in the Atom index and as valid CAP 1.2', async () => {
    bot = await ConsoleWithDashboard.start({ PUBLIC_PAGE: 'true' });
    await bot.say(
      '@as koor\n/alert Bantul Sungai Opak naik & meluap: <segera> mengungsi. Info 0812-5555-7777',
      /urgent/,
    );
    await bot.say('immediate', /severe/);
    await bot.say('severe', /certain/);
    await bot.say('skip', /Send it\?/);
    await bot.say('yes', /A-1 is out for DIY\/Bantul/);
    const base = `http://127.0.0.1:${bot.port}/public`;
    const page = await (await fetch(`${base}?lang=en`)).text();
    expect(page).toContain('href="/public/alerts.atom?lang=en"');
    const cap = /href="(\/public\/alerts\/[\w-]+\.xml)"/.exec(page)?.[1];
    expect(cap).toBeDefined();
    expect(page).toContain('act now, severe threat, likely');
    const atom = await (await fetch(`${base}/alerts.atom?lang=en`)).text();
    expect(atom).toContain(`<link href="http://127.0.0.1:${bot.port}${cap}"`);
    const res = await fetch(`http://127.0.0.1:${bot.port}${cap}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/cap+xml');
    const xml = await res.text();
    const checked = await validateXML({
      xml: { fileName: 'alert.xml', contents: xml },
      schema: { fileName: 'CAP-v1.2.xsd', contents: XSD },
    });
    expect(checked.errors).toEqual([]);
    expect(xml).toContain('<urgency>Immediate</urgency>');
    expect(xml).toContain('<certainty>Likely</certainty>');
    expect(xml).toContain('<areaDesc>DIY/Bantul</areaDesc>');
    expect(xml).toContain('naik &amp; meluap: &lt;segera&gt;');
    // The redaction ran over the alert too: the phone number is gone from every public output.
    for (const body of [page, atom, xml]) expect(body).not.toMatch(/5555|7777/);
    expect((await fetch(`${base}/alerts/nosuch.xml`)).status).toBe(404);
  });
});
