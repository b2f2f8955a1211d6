import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PHONE, seed } from '../export/seed.ts';
import { Harness, tempDir } from '../support/harness.ts';
import { runCli } from '../support/spawn.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

describe('relief-bot export', () => {
  it('writes the file named by --out', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const DATABASE_PATH = path.join(t.dir, 'relief.db');
    const h = new Harness({}, undefined, DATABASE_PATH);
    seed(h);
    h.ledger.close();
    const out = path.join(t.dir, 'requests.csv');
    const ok = await runCli(
      ['export', '--what', 'requests', '--format', 'hxl', '--area', 'Imogiri', '--out', out],
      {
        DATABASE_PATH,
      },
    );
    expect(ok.stderr).toContain(`exported 1 requests to ${out}`);
    expect(ok.code).toBe(0);
    const content = readFileSync(out, 'utf8');
    expect(content.split('\r\n')[1]).toMatch(/^#meta\+id,#item\+name,#item\+qty/);
    expect(content).not.toContain(PHONE);
  });
});
