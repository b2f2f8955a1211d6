/**
 * Run as its own process by memory.ts: the bot's core on a large ledger, doing what a busy hour asks of
 * it, then `verify` over the whole chain. Prints its peak RSS as JSON on stdout.
 */
import path from 'node:path';
import pino from 'pino';
import { commands } from '../../commands/index.ts';
import { loadAreaDefs, loadConfig, PROJECT_ROOT } from '../../src/config.ts';
import { Areas } from '../../src/domain/areas.ts';
import { Core } from '../../src/engine/engine.ts';
import { Catalog } from '../../src/i18n/catalog.ts';
import { Ledger } from '../../src/ledger/index.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: memory-probe.ts LEDGER_FILE');
const config = loadConfig({ DATABASE_PATH: file, DEFAULT_LANGUAGE: 'en' }, '/nonexistent');
const ledger = Ledger.open(file);
const core = new Core({
  ledger,
  translator: new Catalog(path.join(PROJECT_ROOT, 'data', 'locales'), config.DEFAULT_LANGUAGE),
  areas: new Areas(loadAreaDefs(config.AREAS)),
  config,
  commands,
  log: pino({ level: 'silent' }),
});

const now = Date.now();
const say = (sender: string, text: string, n: number) => ({
  chat: { transport: 'telegram', chatId: sender.slice(9), kind: 'private' },
  messageId: `probe-${n}`,
  sender: { id: sender },
  at: now,
  content: { kind: 'text', text },
});
const texts = ['/need 20 water, 5 rice @ -7.80,110.36', '/tasks', '/help', '/status', '/start'];
core.receive(
  Array.from({ length: 400 }, (_, i) => say(`telegram:${100_001 + i}`, texts[i % texts.length]!, i)),
);
for (let i = 0; i < 1000; i++)
  ledger.volunteers.nearest(-8.2 + (i % 50) * 0.013, 110 + Math.floor(i / 50) * 0.04, { skill: 'boat' });
const verified = ledger.events.verify();
core.stop();
ledger.close();
console.log(JSON.stringify({ maxRssKB: process.resourceUsage().maxRSS, verified }));
