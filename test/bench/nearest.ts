import { type Db, dialectOf } from '../../src/ledger/db.ts';
import { Ledger } from '../../src/ledger/index.ts';
import { openRawLedger } from '../support/engine.ts';
import { openRaw } from '../support/harness.ts';
import { pointInDiy, random } from './fixtures.ts';
import { type Figure, percentile } from './report.ts';

const QUERIES = 2_000;
/** The full scan takes tens of milliseconds a query: fewer samples keep the bench short. */
const BASELINE_QUERIES = 100;
const SKILL = 'boat';
const LIMIT = 10;

function timed(count: number, query: (lat: number, lon: number) => unknown[]): number[] {
  const rnd = random(7);
  const ms: number[] = [];
  for (let i = 0; i < count; i++) {
    const { lat, lon } = pointInDiy(rnd);
    const t0 = performance.now();
    const found = query(lat, lon);
    ms.push(performance.now() - t0);
    if (found.length !== LIMIT) throw new Error(`nearest found ${found.length} volunteers, not ${LIMIT}`);
  }
  return ms.sort((a, b) => a - b);
}

/**
 * `Volunteers.nearest` (the geo index) for the 10 nearest available volunteers with a skill, from random
 * points in DIY, against one SQL query that scans every volunteer and sorts by distance. `location` is
 * the SQLite file, or a PostgreSQL database (`engine`, which names the figures).
 */
export async function nearest(
  location: string,
  volunteers: number,
  engine: 'sqlite' | 'postgres' = 'sqlite',
): Promise<Figure[]> {
  const ledger = Ledger.open(location);
  const raw = openRawLedger(location, openRaw);
  try {
    const d = dialectOf(raw as Db);
    const fullScan = raw.prepare(`SELECT id, lat, lon FROM volunteers
      WHERE status = 'active' AND available = 1 AND lat IS NOT NULL
        AND EXISTS (SELECT 1 FROM ${d.jsonValues('skills', 's')} WHERE s.value = @skill)
      ORDER BY (lat - @lat) * (lat - @lat) + (lon - @lon) * (lon - @lon) * @cos2 LIMIT @limit`);
    const scan = (lat: number, lon: number) =>
      fullScan.all({ skill: SKILL, lat, lon, cos2: Math.cos((lat * Math.PI) / 180) ** 2, limit: LIMIT });
    const index = (lat: number, lon: number) =>
      ledger.volunteers.nearest(lat, lon, { skill: SKILL, limit: LIMIT });
    timed(100, index);
    const base = timed(BASELINE_QUERIES, scan);
    const bot = timed(QUERIES, index);
    const id = engine === 'sqlite' ? 'nearest' : `nearest.${engine}`;
    const on = engine === 'sqlite' ? '' : ' on PostgreSQL';
    const what = `${volunteers.toLocaleString('en-US')} volunteers (70 % available, 25 % per skill), ${LIMIT} nearest available '${SKILL}'`;
    return [
      {
        id: `${id}.p50`,
        name: `nearest volunteers${on}, p50`,
        unit: 'ms',
        value: percentile(bot, 50),
        baseline: percentile(base, 50),
        baselineName: 'full-scan SQL',
        target: null,
        detail: `${what}; ${QUERIES} random points in DIY (baseline ${BASELINE_QUERIES})`,
      },
      {
        id: `${id}.p99`,
        name: `nearest volunteers${on}, p99`,
        unit: 'ms',
        value: percentile(bot, 99),
        baseline: percentile(base, 99),
        baselineName: 'full-scan SQL',
        target: { kind: 'max', limit: 5 },
      },
    ];
  } finally {
    raw.close();
    ledger.close();
  }
}
