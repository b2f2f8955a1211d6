import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { Ledger } from '../../src/ledger/index.ts';
import { ledgerLocation } from '../support/engine.ts';

const appender = path.join(PROJECT_ROOT, 'test', 'support', 'append-events.ts');

function append(location: string, count: number, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', appender, location, String(count), name], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`appender ${name}: ${code}\n${stderr}`)),
    );
  });
}

describe('the hash chain written by two processes at once', () => {
  it('has one order: every event links to the one before it, and verify passes', async () => {
    const location = ledgerLocation('');
    Ledger.open(location).close();
    await Promise.all([append(location, 300, 'a'), append(location, 300, 'b')]);
    const ledger = Ledger.open(location);
    try {
      expect(ledger.events.count()).toBe(600);
      expect(ledger.events.verify()).toEqual({ ok: true, checked: 600 });
    } finally {
      ledger.close();
    }
  });
});
