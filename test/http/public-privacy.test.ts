import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Element, xml2js } from 'xml-js';
import { loadAreaDefs, PROJECT_ROOT } from '../../src/config.ts';
import { Areas } from '../../src/domain/areas.ts';
import { aggregateNeeds } from '../../src/domain/matching.ts';
import { publicSummary } from '../../src/domain/public-summary.ts';
import type { PublicSettings } from '../../src/http/public/backend.ts';
import { cardImageText } from '../../src/http/public/card-image.ts';
import { atomFeed, geoJson, HXL_COLUMNS, hxlCsv } from '../../src/http/public/feeds.ts';
import { needCard, publicPage } from '../../src/http/public/page.ts';
import { Catalog } from '../../src/i18n/catalog.ts';
import { Ledger } from '../../src/ledger/index.ts';
import { ledgerLocation, ledgerRuns } from '../support/engine.ts';
import { tempDir } from '../support/harness.ts';

/**
 * Privacy by construction, tested as a class: records full of personal data (names, phone numbers in
 * many spellings, addresses, exact points, free-text notes and items outside the catalog) go into the
 * ledger, and none of it comes out of the public page, the GeoJSON, the HXL CSV, the Atom feed, a
 * shared card or the words its preview image shows.
 */

const areas = new Areas(loadAreaDefs(path.join(PROJECT_ROOT, 'data', 'areas', 'diy.json')));
const AREAS = areas
  .all()
  .filter((a) => a.depth >= 2)
  .map((a) => a.path);
const catalog = new Catalog(path.join(PROJECT_ROOT, 'data', 'locales'), 'id');
const settings: PublicSettings = {
  path: '/public',
  dashboardPath: '/dashboard',
  tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  tileAttribution: '© OpenStreetMap contributors',
  defaultLanguage: 'id',
  assetsDir: '',
  cacheMs: 30_000,
  perMinute: 120,
};

/** A name no catalog string holds: capitalised syllables, as Indonesian names are. */
const name = fc
  .array(fc.constantFrom('ka', 'ru', 'mi', 'zo', 'ta', 'wi', 'jo', 'ne', 'pu', 'xa', 'qi'), {
    minLength: 4,
    maxLength: 6,
  })
  .map((s) => `Q${s.join('')}`);
/** Indonesian mobile numbers as people write them: +62 / 62 / 0, with spaces, dashes, dots or none. */
const phone = fc
  .tuple(
    fc.constantFrom('+62 ', '62', '0', '+62-', '(0)'),
    // Digits 1-9: a run of zeros could be met by chance in the digits of times and counts.
    fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 9, maxLength: 10 }).map((d) => `8${d.join('')}`),
    fc.constantFrom(' ', '-', '.', ''),
  )
  .map(([prefix, digits, sep]) => ({
    written: `${prefix}${digits.slice(0, 3)}${sep}${digits.slice(3, 7)}${sep}${digits.slice(7)}`,
    digits,
  }));
/** An exact point, six decimals with the last not 0: area points have four at most, so none can match. */
const micro = (base: number) =>
  fc
    .integer({ min: 1, max: 700_000 })
    .filter((k) => k % 10 !== 0)
    .map((k) => (base * 1e6 + k) / 1e6);
const point = fc.tuple(micro(-8.2), micro(110));
const person = fc.record({
  name,
  phone,
  street: name.map((n) => `Jl. ${n} No. 7`),
  note: fc.tuple(name, phone).map(([n, p]) => `tolong hubungi ${n} di ${p.written}, rumah biru`),
  point,
  area: fc.constantFrom(...AREAS),
  kind: fc.constantFrom('request', 'rescue'),
  step: fc.constantFrom('new', 'verified', 'assigned', 'delivered'),
});

let ledger: Ledger;
let cleanup: () => void;
beforeAll(() => {
  const t = tempDir();
  ledger = Ledger.open(ledgerLocation(t.dir));
  cleanup = () => {
    ledger.close();
    t.cleanup();
  };
});
afterAll(() => cleanup());

const T = 1_800_000_000_000;

function outputs(now: number): string[] {
  const summary = publicSummary(
    ledger.publicView.records(),
    aggregateNeeds(ledger.offers.neededItems()),
    areas,
    now,
    'Asia/Jakarta',
    (r) => `o${r.length}x`,
  );
  const broadcasts = ledger.publicView.broadcasts(10);
  return ['id', 'en'].flatMap((lang) => {
    const t = (k: string, a?: Record<string, string | number>) => catalog.t(lang, k, a);
    return [
      publicPage(settings, lang, lang === 'id' ? 'en' : 'id', t, {
        summary,
        broadcasts,
        alerts: [],
        campaigns: ledger.publicView.campaigns([]),
        blood: ledger.publicView.bloodNeeds(now),
        contacts: [],
        posko: [],
      }),
      atomFeed(summary, broadcasts, t, lang, 'http://localhost/public'),
      JSON.stringify(geoJson(summary)),
      hxlCsv(summary),
      ...summary.verified.map((v) =>
        needCard(
          settings,
          lang,
          t,
          v,
          [],
          `http://localhost/public/r/${v.id}`,
          `http://localhost/public/r/${v.id}.png`,
        ),
      ),
      // Every word a card's preview image shows.
      ...summary.verified.map((v) => cardImageText(t, v, []).join('\n')),
    ];
  });
}

describe('public outputs carry no personal data', () => {
  it('holds for records full of names, numbers, addresses, points and notes', () => {
    let minute = 0;
    fc.assert(
      fc.property(fc.array(person, { minLength: 1, maxLength: 6 }), (people) => {
        ledger.transaction(() => {
          for (const p of people) {
            const actor = { id: 'console:koor', at: T + minute++ * 60_000 };
            const requester = `console:${p.name.toLowerCase()}`;
            // The coordinator who vetted a campaign is named on the page by role only.
            ledger.people.touch({ id: requester, displayName: p.name }, actor.at);
            ledger.campaigns.add(
              { ...actor, id: requester },
              { url: 'https://kitabisa.com/banjir', label: 'Flood relief', forRef: p.area, area: p.area },
              false,
            );
            // A blood request in the requester's own words: the page names the registered hospital only,
            // and a donor who said yes only as a count.
            const hospital = ledger.hospitals.ensure(actor, {
              name: 'RS Umum Daerah',
              area: p.area,
              lat: null,
              lon: null,
            });
            const blood = ledger.blood.createRequest(actor, {
              requester,
              group: { abo: 'O', rh: '+' },
              bags: 2,
              hospital: `${p.street}, ${p.note}`,
              hospitalId: hospital.id,
              area: p.area,
              lat: p.point[0],
              lon: p.point[1],
              deadline: T + 10 * 86_400_000,
              verified: true,
            });
            ledger.blood.asked(actor, blood.id, [requester]);
            ledger.blood.answer(actor, blood.id, requester, true);
            if (p.kind === 'rescue') {
              const c = ledger.rescues.open(
                actor,
                requester,
                {
                  lat: p.point[0],
                  lon: p.point[1],
                  address: p.street,
                  area: p.area,
                  needsLocationCheck: false,
                },
                { contact: p.phone.written, peopleCount: 4 },
              );
              if (p.step !== 'new') ledger.rescues.acknowledge({ ...actor, at: actor.at + 60_000 }, c.id);
              continue;
            }
            const r = ledger.requests.create(actor, {
              requester,
              items: [
                { item: 'water', qty: 5 },
                { item: 'other', text: p.note },
              ],
              lat: p.point[0],
              lon: p.point[1],
              address: p.street,
              area: p.area,
              contact: p.phone.written,
              notes: p.note,
            });
            for (const to of ['verified', 'assigned', 'delivered'] as const) {
              ledger.requests.move({ ...actor, at: actor.at + 1000 }, r.id, to);
              if (to === p.step) break;
            }
          }
        });
        const all = outputs(T + minute * 60_000);
        for (const out of all) {
          const digits = out.replace(/\D/g, '');
          for (const p of people) {
            expect(out).not.toContain(p.name);
            expect(out.toLowerCase()).not.toContain(p.name.toLowerCase());
            expect(digits).not.toContain(p.phone.digits);
            for (const c of p.point) expect(out).not.toContain(c.toFixed(6));
          }
          expect(out).not.toMatch(/Jl\.|rumah biru|tolong|console:/);
        }
      }),
      { numRuns: ledgerRuns(40) },
    );
  });
});

describe('feed formats', () => {
  const summary = () =>
    publicSummary(
      ledger.publicView.records(),
      aggregateNeeds(ledger.offers.neededItems()),
      areas,
      T + 10_000 * 60_000,
      'Asia/Jakarta',
      (r) => `o${r.length}x`,
    );

  it('GeoJSON is a FeatureCollection of points in [lon, lat] order (RFC 7946)', () => {
    const g = JSON.parse(JSON.stringify(geoJson(summary())));
    expect(g.type).toBe('FeatureCollection');
    expect(g.features.length).toBeGreaterThan(0);
    for (const f of g.features) {
      expect(f.type).toBe('Feature');
      expect(f.geometry.type).toBe('Point');
      const [lon, lat] = f.geometry.coordinates;
      expect(lon).toBeGreaterThan(100);
      expect(lat).toBeLessThan(0);
      const area = areas.get(f.properties.area)!;
      // The area's own point, never a record's.
      expect([lat, lon]).toEqual([area.lat, area.lon]);
      const n = f.properties.open_needs;
      expect(n === null || n === 0 || n >= 3).toBe(true);
      expect(f.properties.open_needs_fewer_than_3).toBe(n === null);
    }
  });

  it('the CSV has the HXL hashtag row under its headers, every row the same width', () => {
    const rows = hxlCsv(summary())
      .trimEnd()
      .split('\r\n')
      .map((r) => r.split(','));
    expect(rows[0]).toEqual(HXL_COLUMNS.map((c) => c[0]));
    expect(rows[1]!.every((tag) => /^#[a-z][a-z0-9_]*(\s*\+[a-z][a-z0-9_]*)*$/.test(tag))).toBe(true);
    expect(rows.length).toBeGreaterThan(2);
    for (const r of rows) expect(r).toHaveLength(HXL_COLUMNS.length);
  });

  it('Atom is well-formed XML with the elements RFC 4287 requires', () => {
    const t = (k: string, a?: Record<string, string | number>) => catalog.t('en', k, a);
    const xml = atomFeed(summary(), ledger.publicView.broadcasts(10), t, 'en', 'http://localhost/public');
    // xml-js parses with sax in strict mode: anything not well-formed throws.
    const doc = xml2js(xml, { compact: false }) as Element;
    const seen: string[] = [];
    const walk = (e: Element, at: string) => {
      for (const c of e.elements ?? []) {
        if (c.type !== 'element') continue;
        seen.push(`${at}${c.name}`);
        walk(c, `${at}${c.name}/`);
      }
    };
    walk(doc, '');
    const feed = doc.elements!.find((e) => e.name === 'feed')!;
    expect(feed.attributes?.xmlns).toBe('http://www.w3.org/2005/Atom');
    for (const required of [
      'feed/id',
      'feed/title',
      'feed/updated',
      'feed/entry/id',
      'feed/entry/title',
      'feed/entry/updated',
    ])
      expect(seen).toContain(required);
    const entries = seen.filter((s) => s === 'feed/entry').length;
    expect(entries).toBeGreaterThan(0);
  });
});
