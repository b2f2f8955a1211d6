import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { purgeExpired } from '../../src/schedule/rules/retention.ts';
import { DAY, NUMBER, PERSON, PLANTED, personToForget } from '../support/forget-setup.ts';
import type { Harness } from '../support/harness.ts';

/**
 * /forget down to the bytes of SQLite's files (issue 15): the database file and its WAL. PostgreSQL's
 * counterpart, its dead row versions, is test/commands/forget-vacuum.pg.test.ts.
 */

let h: Harness;
afterEach(() => h.close());

const rawFiles = (file: string) =>
  Buffer.concat([file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f)));

const setUp = () => {
  h = personToForget();
};

describe('/forget on SQLite', () => {
  it('leaves none of it in the database or WAL files once the reply is delivered and purged', () => {
    setUp();
    h.send(PERSON, '/forget');
    h.send(PERSON, '1');
    // Delivered, as the dispatcher would mark it (this test's own connection zeroes what it frees too).
    h.db.pragma('secure_delete = ON');
    h.db.prepare("UPDATE outbox SET state = 'sent'").run();
    h.clock.advance(31 * DAY);
    h.core.runJob('retention', purgeExpired);
    h.core.stop();
    h.db.close();
    h.ledger.close();
    const raw = rawFiles(h.file);
    for (const [what, value] of Object.entries({ ...PLANTED, number: NUMBER }))
      expect(raw.includes(value), what).toBe(false);
  });
});
