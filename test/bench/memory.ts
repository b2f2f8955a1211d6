import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../src/config.ts';
import type { Figure } from './report.ts';

const run = promisify(execFile);

const BARE = `const Database = require('better-sqlite3');
const db = new Database(process.argv[1], { readonly: true });
db.prepare('SELECT COUNT(*) FROM events').get();
console.log(JSON.stringify({ maxRssKB: process.resourceUsage().maxRSS }));`;

async function peak(
  args: string[],
): Promise<{ maxRssKB: number; verified?: { ok: boolean; checked: number } }> {
  const { stdout } = await run(process.execPath, args, { cwd: PROJECT_ROOT, maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

/** Peak RSS of the bot's process on the large ledger, against node with better-sqlite3 and the same file open. */
export async function memory(file: string, volunteers: number, events: number): Promise<Figure[]> {
  const base = await peak(['-e', BARE, file]);
  const probe = await peak(['--import', 'tsx', path.join(import.meta.dirname, 'memory-probe.ts'), file]);
  if (!probe.verified?.ok || probe.verified.checked < events)
    throw new Error(`the generated chain did not verify: ${JSON.stringify(probe.verified)}`);
  return [
    {
      id: 'memory.peak',
      name: 'memory, peak RSS',
      unit: 'MB',
      value: probe.maxRssKB / 1024,
      baseline: base.maxRssKB / 1024,
      baselineName: 'node + better-sqlite3',
      target: { kind: 'max', limit: 200 },
      detail: `${volunteers.toLocaleString('en-US')} volunteers, ${events.toLocaleString('en-US')} events; 400 messages from volunteers (/need, /tasks, /help, /status, /start), 1,000 nearest queries, then verify (${probe.verified.checked} events, ok)`,
    },
  ];
}
