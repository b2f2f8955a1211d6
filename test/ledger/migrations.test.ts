import { describe, expect, it } from 'vitest';
import { listMigrations } from '../../src/ledger/db.ts';

describe('schema migrations', () => {
  it('have one file per version: two files with one number would leave the second unapplied', () => {
    const versions = listMigrations().map((m) => m.version);
    expect(new Set(versions).size).toBe(versions.length);
  });
});
