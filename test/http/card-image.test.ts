import { crc32, inflateSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { CARD_IMAGE } from '../../src/http/public/card-image.ts';
import { ConsoleWithDashboard } from '../support/dashboard.ts';

/** A shared card's preview image over real HTTP: a PNG that decodes whole, of the size its tags declare. */

let bot: ConsoleWithDashboard | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

/** Reads a PNG's chunks, checking each CRC; returns its size and its decompressed image data. */
function readPng(png: Buffer) {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const chunks: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length)).toBe(crc32(png.subarray(at + 4, at + 8 + length)));
    chunks.push({ type, data });
    at += 12 + length;
  }
  expect(chunks[0]!.type).toBe('IHDR');
  expect(chunks.at(-1)!.type).toBe('IEND');
  const ihdr = chunks[0]!.data;
  const idat = Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data));
  return {
    width: ihdr.readUInt32BE(0),
    height: ihdr.readUInt32BE(4),
    bitDepth: ihdr[8],
    colorType: ihdr[9],
    pixels: inflateSync(idat),
  };
}

describe('a shared card preview image', () => {
  it('is a valid PNG of the size og:image declares, cached, with no personal data in its words', async () => {
    bot = await ConsoleWithDashboard.start({ PUBLIC_PAGE: 'true' });
    await bot.say('@as siti\n/need 20 water for 4 people @ Imogiri, rumah Pak Harjo 0812-5555-7777', /R-1/);
    await bot.say('@as koor\n/verify R-1', /R-1 is verified/);
    const base = `http://127.0.0.1:${bot.port}/public`;
    const atom = await (await fetch(`${base}/feed.atom?lang=en`)).text();
    const card = /<link href="(http:\/\/[^"]+\/public\/r\/[\w-]+)\?lang=en"/.exec(atom)![1]!;
    const html = await (await fetch(`${card}?lang=en`)).text();
    const image = /<meta property="og:image" content="([^"]+)">/.exec(html)?.[1];
    expect(image).toBe(`${card}.png?lang=en`);
    expect(html).toContain(`<meta property="og:image:width" content="${CARD_IMAGE.width}">`);
    expect(html).toContain(`<meta property="og:image:height" content="${CARD_IMAGE.height}">`);
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');

    const res = await fetch(image!.replaceAll('&amp;', '&'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toMatch(/max-age=(3\d|[4-9]\d|\d{3,})/);
    const png = Buffer.from(await res.arrayBuffer());
    const decoded = readPng(png);
    expect([decoded.width, decoded.height]).toEqual([CARD_IMAGE.width, CARD_IMAGE.height]);
    // 8-bit RGBA: each row is a filter byte and 4 bytes a pixel.
    expect([decoded.bitDepth, decoded.colorType]).toEqual([8, 6]);
    expect(decoded.pixels.length).toBe(CARD_IMAGE.height * (1 + CARD_IMAGE.width * 4));
    // Drawn once per 30 s: the second reader gets the same bytes.
    expect(Buffer.from(await (await fetch(image!)).arrayBuffer())).toEqual(png);
    expect((await fetch(`${base}/r/nosuchcard.png`)).status).toBe(404);
  });
});
