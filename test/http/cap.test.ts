import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { xml2js } from 'xml-js';
import { validateXML } from 'xmllint-wasm';
import { PROJECT_ROOT } from '../../src/config.ts';
import { CAP_SCALES, type PublicAlert } from '../../src/domain/cap.ts';
import { alertsAtom, capAlert } from '../../src/http/public/cap.ts';
import { Catalog } from '../../src/i18n/catalog.ts';

/** The official OASIS CAP 1.2 schema, vendored (its source in its first comment): no network at test time. */
const XSD = readFileSync(path.join(import.meta.dirname, '../data/cap/CAP-v1.2.xsd'), 'utf8');
const catalog = new Catalog(path.join(PROJECT_ROOT, 'data', 'locales'), 'id');
const tIn = (lang: string) => (key: string, args?: Record<string, string | number>) =>
  catalog.t(lang, key, args);
const PAGE = 'http://relief.example:8080/public';

async function schemaErrors(xml: readonly string[]): Promise<string[]> {
  const result = await validateXML({
    xml: xml.map((contents, i) => ({ fileName: `alert-${i}.xml`, contents })),
    schema: { fileName: 'CAP-v1.2.xsd', contents: XSD },
  });
  return result.errors.map((e) => e.rawMessage);
}

const alerts = fc.record<PublicAlert>({
  id: fc.stringMatching(/^[\w-]{16}$/),
  area: fc.constantFrom('DIY/Bantul', 'DIY/Kota Yogyakarta', 'DIY/Bantul/Imogiri'),
  // Anything a coordinator might type: markup, ampersands, quotes, control characters, emoji, long lines.
  text: fc.string({ unit: 'binary', minLength: 1, maxLength: 400 }),
  urgency: fc.constantFrom(...CAP_SCALES.urgency),
  severity: fc.constantFrom(...CAP_SCALES.severity),
  certainty: fc.constantFrom(...CAP_SCALES.certainty),
  language: fc.constantFrom('id', 'en'),
  at: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2040, 0, 1) }),
});

describe('the CAP 1.2 feed', () => {
  it('writes every alert as a message the official CAP 1.2 schema accepts, whatever its text', async () => {
    const sample = fc.sample(alerts, { numRuns: 60, seed: 28 });
    const xml = sample.map((a) => capAlert(a, tIn(a.language), PAGE));
    expect(await schemaErrors(xml)).toEqual([]);
    // And the text reads back as written, less only what XML cannot hold.
    for (const [i, a] of sample.entries()) {
      const doc = xml2js(xml[i]!, { compact: true }) as {
        alert: { info: { description: { _text?: string }; urgency: { _text: string } } };
      };
      expect(doc.alert.info.urgency._text).toBe(a.urgency);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: what XML 1.0 cannot hold
      const kept = a.text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
      expect(doc.alert.info.description._text ?? '').toBe(kept);
    }
  });

  it('fails the schema check on a message that breaks it (the check can fail)', async () => {
    const a: PublicAlert = {
      id: 'abc',
      area: 'DIY/Bantul',
      text: 'Banjir',
      urgency: 'Immediate',
      severity: 'Severe',
      certainty: 'Observed',
      language: 'id',
      at: Date.UTC(2026, 11, 7),
    };
    const good = capAlert(a, tIn('id'), PAGE);
    expect(await schemaErrors([good])).toEqual([]);
    expect(good).toContain('<sent>2026-12-07T00:00:00+00:00</sent>');
    expect(await schemaErrors([good.replace('<urgency>Immediate', '<urgency>Soon')])).not.toEqual([]);
    expect(await schemaErrors([good.replace('+00:00</sent>', 'Z</sent>')])).not.toEqual([]);
  });

  it('indexes the alerts in an Atom feed that links each CAP message', () => {
    const sample = fc.sample(alerts, { numRuns: 5, seed: 3 });
    const atom = alertsAtom(sample, tIn('en'), tIn, 'en', PAGE, Date.UTC(2026, 11, 7));
    const doc = xml2js(atom, { compact: true }) as {
      feed: { entry: { link: { _attributes: { href: string } } }[] };
    };
    expect(doc.feed.entry.map((e) => e.link._attributes.href)).toEqual(
      sample.map((a) => `${PAGE}/alerts/${a.id}.xml`),
    );
  });
});
