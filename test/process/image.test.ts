import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';

// No Docker engine runs in CI, so the image is checked by reading what it copies.
const dockerfile = readFileSync(path.join(PROJECT_ROOT, 'Dockerfile'), 'utf8');
const copied = [...dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) => m[1]!.split(/\s+/));

describe('the Docker image', () => {
  it('copies every shipped data folder (locales, areas, the drill)', () => {
    const tracked = execFileSync('git', ['ls-files', 'data'], { cwd: PROJECT_ROOT, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    const missing = tracked.filter((f) => !copied.some((c) => f === c || f.startsWith(`${c}/`)));
    expect(missing).toEqual([]);
  });

  it('has a compose file that builds it and keeps the ledger in a volume', () => {
    const compose = readFileSync(path.join(PROJECT_ROOT, 'compose.yaml'), 'utf8');
    expect(compose).toMatch(/build: \./);
    expect(compose).toMatch(/relief-data:\/var\/lib\/relief-bot/);
  });
});
