import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { Ledger } from '../../src/ledger/index.ts';
import { tempDir } from '../support/harness.ts';
import { runCli } from '../support/spawn.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

describe('relief-bot grant / revoke', () => {
  it('changes the role from the shell, and records an event each time', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const DATABASE_PATH = path.join(t.dir, 'relief.db');
    Ledger.open(DATABASE_PATH).close();
    const granted = await runCli(['grant', 'telegram:42', 'coordinator'], { DATABASE_PATH });
    expect(granted.stdout).toContain('telegram:42: anyone -> coordinator');
    expect(granted.code).toBe(0);
    const revoked = await runCli(['revoke', 'telegram:42'], { DATABASE_PATH });
    expect(revoked.stdout).toContain('telegram:42: coordinator -> anyone');
    const db = new Database(DATABASE_PATH, { readonly: true });
    // The chain names the person by their pseudonym; the address is in the pseudonyms table alone.
    const subject = `P-${db.prepare("SELECT id FROM pseudonyms WHERE address = 'telegram:42'").pluck().get()}`;
    expect(db.prepare('SELECT actor, kind FROM events WHERE subject = ?').all(subject)).toEqual([
      { actor: 'cli', kind: 'person.role' },
      { actor: 'cli', kind: 'person.role' },
    ]);
    db.close();
  });
});
