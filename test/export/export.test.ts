import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildExport, type ExportOptions, parseExportArgs } from '../../src/export/index.ts';
import { Harness } from '../support/harness.ts';
import { FORMULAS, GROUP_TITLE, PHONE, REQUESTER, seed } from './seed.ts';

let h: Harness;
beforeEach(() => {
  h = new Harness({ ADMINS: 'telegram:1' });
  seed(h);
});
afterEach(() => h.close());

function run(args: string): { content: string; count: number } {
  const parsed = parseExportArgs(args.split(' '));
  if (!parsed.success) throw new Error(parsed.error.message);
  const { file, count } = buildExport(h.ledger, parsed.data as ExportOptions, h.clock.now);
  return { content: file.content, count };
}

/** A strict RFC 4180 reader: what a spreadsheet would see, cell by cell. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let cell = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else if (i >= text.length) throw new Error('unterminated quote');
        else cell += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
        cell += text[i++];
      }
    }
    row.push(cell);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else if (i < text.length) throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
  if (row.length) throw new Error('last line without CRLF');
  return rows;
}

const byName = (rows: string[][]) =>
  rows.slice(1).map((r) => Object.fromEntries(rows[0]!.map((name, i) => [name, r[i]!])));

describe('CSV', () => {
  it('is RFC 4180: commas, quotes and newlines quoted, CRLF line ends, every row as wide as the header', () => {
    // Titles are free text: only in a personal export.
    const rows = parseCsv(run('groups csv --include-personal').content);
    expect(new Set(rows.map((r) => r.length)).size).toBe(1);
    expect(byName(rows)[0]!.title).toBe(GROUP_TITLE);
    expect(run('groups csv --include-personal').content).toContain('"Posko ""Imogiri"", RT 3\nBantul"');
  });

  it('neutralises every cell a spreadsheet would run as a formula, and leaves numbers alone', () => {
    const titles = byName(parseCsv(run('groups csv --include-personal').content)).map((r) => r.title);
    for (const f of FORMULAS) expect(titles).toContain(`'${f}`);
    for (const t of titles) expect(t).not.toMatch(/^[=+\-@\t\r]/);
    const requests = byName(parseCsv(run('requests csv --include-personal').content));
    expect(requests.find((r) => r.item?.includes('HYPERLINK'))?.item).toBe(`'${FORMULAS[0]}`);
    expect(byName(parseCsv(run('requests csv').content))[0]!.lat).toBe('-7.8');
  });

  it('leaves personal data out by default: no names, phones, person ids, addresses, notes or exact points', () => {
    for (const what of ['requests', 'rescues', 'volunteers', 'groups', 'broadcasts']) {
      const { content } = run(`${what} csv`);
      for (const secret of [
        PHONE,
        REQUESTER,
        'Ani Rahma',
        'pak Budi',
        'call me',
        '7.801234',
        '110.364567',
        '-1001',
      ])
        expect(content, `${what}: ${secret}`).not.toContain(secret);
      expect(parseCsv(content)[0]).not.toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^(requester|reporter|contact|phone|name|address|notes)$/),
        ]),
      );
    }
  });

  it('has one row per requested item, and the filters', () => {
    const all = byName(parseCsv(run('requests csv').content));
    // An item outside the catalog is the person's words: `other` by default, the words when personal.
    expect(all.map((r) => [r.ref, r.item, r.qty, r.unit])).toEqual([
      ['R-1', 'water', '20', 'l'],
      ['R-1', 'other', '2', ''],
      ['R-2', 'rice', '5', 'kg'],
    ]);
    expect(byName(parseCsv(run('requests csv --include-personal').content))[1]!.item).toBe(`'${FORMULAS[0]}`);
    expect(run('requests csv --area Bantul').count).toBe(0);
    expect(run('requests csv --area DIY/Bantul').count).toBe(1);
    expect(run('requests csv --status new').count).toBe(1);
    expect(run('requests csv --since 24h').count).toBe(1);
    expect(run('requests csv --since 2000-01-01').count).toBe(2);
  });

  it('shows how far each broadcast got', () => {
    expect(byName(parseCsv(run('broadcasts csv').content))[0]).toMatchObject({
      ref: 'B-1',
      sent: '1',
      failed: '0',
    });
  });
});

describe('HXL', () => {
  it('has a second row of hashtags under the header', () => {
    const rows = parseCsv(run('requests hxl').content);
    const tags = rows[1]!;
    for (const tag of [
      '#meta+id',
      '#item+name',
      '#item+qty',
      '#loc+name',
      '#geo+lat',
      '#geo+lon',
      '#affected+num',
      '#status',
      '#date+reported',
    ])
      expect(tags).toContain(tag);
    expect(tags.every((t) => /^#[a-z]+(\+[a-z_]+)*$/.test(t))).toBe(true);
    expect(tags).toHaveLength(rows[0]!.length);
    expect(rows[2]![0]).toBe('R-1');
    for (const what of ['rescues', 'volunteers', 'groups', 'broadcasts', 'events'])
      expect(parseCsv(run(`${what} hxl`).content)[1]!.every((t) => t.startsWith('#'))).toBe(true);
  });
});

describe('GeoJSON', () => {
  it('is a FeatureCollection of points, lon first, coarse, for the records that have coordinates', () => {
    const geo = JSON.parse(run('rescues geojson').content);
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features).toHaveLength(1);
    expect(geo.metadata.without_coordinates).toBe(1);
    for (const f of geo.features) {
      expect(f.type).toBe('Feature');
      expect(f.geometry.type).toBe('Point');
      const [lon, lat] = f.geometry.coordinates;
      expect(Math.abs(lat)).toBeLessThanOrEqual(90);
      expect(Math.abs(lon)).toBeLessThanOrEqual(180);
      expect(typeof f.properties).toBe('object');
    }
    expect(geo.features[0].geometry.coordinates).toEqual([110.38, -7.96]);
    expect(geo.features[0].properties).toMatchObject({ ref: 'S-1', status: 'open', people: 4 });
    expect(JSON.stringify(geo)).not.toContain(PHONE);
  });

  it('carries exact points and contacts only when personal data is asked for', () => {
    const geo = JSON.parse(run('requests geojson --include-personal').content);
    expect(geo.features[0].geometry.coordinates).toEqual([110.364567, -7.801234]);
    expect(geo.features[0].properties).toMatchObject({ contact: PHONE, requester: REQUESTER });
    expect(geo.features[0].properties.items).toEqual([
      { item: 'water', qty: 20, unit: 'l' },
      { item: FORMULAS[0], qty: 2, unit: null },
    ]);
  });
});

describe('JSON', () => {
  it('lists the records with what was exported and whether personal data is in it', () => {
    const json = JSON.parse(run('volunteers json').content);
    expect(json).toMatchObject({ what: 'volunteers', personal_data: false, count: 1 });
    expect(json.records[0]).toMatchObject({ ref: 'V-1', skills: 'medical, boat', lat: -7.91, lon: 110.39 });
    expect(json.records[0]).not.toHaveProperty('name');
    const full = JSON.parse(run('volunteers json --include-personal').content);
    expect(full.records[0]).toMatchObject({ name: 'Ani Rahma', phone: PHONE, lat: -7.912345 });
  });
});

describe('events', () => {
  const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

  beforeEach(() => {
    h.send(REQUESTER, '/lang id');
    h.send('telegram:1', '/grant telegram:5 coordinator');
    h.send(REQUESTER, '/lang en');
  });

  it('keeps the hashes, so a third party can check every link of the chain', () => {
    const events = JSON.parse(run('events json').content).records;
    expect(events).toHaveLength(3);
    for (let i = 1; i < events.length; i++) expect(events[i].prev_hash).toBe(events[i - 1].hash);
    expect(events[0].prev_hash).toBe('0'.repeat(64));
    // The ledger's pseudonyms get the file's own, the same within the file.
    expect(JSON.stringify(events)).not.toContain('6281298765432');
    expect(events[0].actor).toMatch(/^P~[0-9a-f]{12}$/);
    expect(events[2].actor).toBe(events[0].actor);
    expect(events[1].subject).toMatch(/^P~[0-9a-f]{12}$/);
    expect(events[1].subject).not.toBe(events[0].actor);
  });

  it('with personal data, lets a third party recompute every hash', () => {
    const events = JSON.parse(run('events json --include-personal').content).records;
    for (const e of events) {
      const recomputed = sha256(
        JSON.stringify([
          e.prev_hash,
          e.at,
          e.actor,
          e.message_ref,
          e.kind,
          e.subject,
          e.payload,
          e.personal_hash,
        ]),
      );
      expect(recomputed).toBe(e.hash);
    }
  });
});

describe('options', () => {
  it('are validated: unknown kinds, formats and filters that cannot apply are refused', () => {
    for (const bad of [
      'people csv',
      'requests xlsx',
      'events geojson',
      'groups csv --status active',
      'events csv --area DIY',
      'requests csv --since yesterday',
      'requests csv --colour red',
    ])
      expect(parseExportArgs(bad.split(' ')).success, bad).toBe(false);
    expect(
      parseExportArgs(['--what', 'rescues', '--format=geojson', '--out', 'x.geojson']).data,
    ).toMatchObject({
      what: 'rescues',
      format: 'geojson',
      out: 'x.geojson',
      includePersonal: false,
    });
  });
});
