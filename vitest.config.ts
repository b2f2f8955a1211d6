import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Suites written once for both engines, run again in the PostgreSQL project. The ledger tests left out
 * look at SQLite itself: its settings and query plans, its files on disk, its migrations of old files.
 * Every command suite runs on both, but for the one that reads SQLite's files byte by byte; their
 * properties that open a ledger per run get a third of the runs on PostgreSQL (test/support/engine.ts).
 */
const ENGINE_NEUTRAL = [
  'test/ledger/audit-trail.test.ts',
  'test/ledger/events-inbox.test.ts',
  'test/ledger/area-filter.test.ts',
  'test/ledger/pseudonyms.test.ts',
  'test/ledger/volunteers.test.ts',
  'test/ledger/posko-stock.test.ts',
  'test/ledger/public-view.test.ts',
  'test/engine/dashboard-view.test.ts',
  'test/http/dashboard.test.ts',
  'test/e2e/cli-verbs.test.ts',
  'test/commands/*.test.ts',
  // The bot started by `npm start` with DATABASE_URL: on the console, and against the fake Bot API and
  // the fake Graph API.
  'test/e2e/console.test.ts',
  'test/e2e/operation.test.ts',
  'test/e2e/telegram*.test.ts',
  'test/e2e/webhook-abuse.test.ts',
  'test/e2e/whatsapp-cloud.test.ts',
];
const SQLITE_ONLY = ['test/commands/forget-files.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // e2e tests spawn the bot; two cores here, so keep parallelism modest.
    maxWorkers: 2,
    // The JSON report is what .ci/run turns into its closing "N passed, N failed" line.
    reporters: ['default', 'json'],
    outputFile: { json: 'node_modules/.cache/vitest-results.json' },
    projects: [
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.pg.test.ts'],
          // End-to-end tests run the bundle in dist/: rebuilt first when a source changed since.
          globalSetup: ['test/support/fresh-build.ts'],
        },
      },
      {
        extends: true,
        test: {
          // The same ledger on a real PostgreSQL server: started once for the run (or PG_TEST_URL's),
          // and only when a file of this project runs.
          name: 'postgres',
          include: ['test/**/*.pg.test.ts', ...ENGINE_NEUTRAL],
          exclude: [...configDefaults.exclude, ...SQLITE_ONLY],
          env: { LEDGER_ENGINE: 'postgres' },
          globalSetup: ['test/support/fresh-build.ts', 'test/support/postgres-server.ts'],
        },
      },
    ],
  },
});
