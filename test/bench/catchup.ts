import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pino from 'pino';
import { commands } from '../../commands/index.ts';
import { loadAreaDefs, loadConfig, PROJECT_ROOT } from '../../src/config.ts';
import { Areas } from '../../src/domain/areas.ts';
import type { InboundMessage } from '../../src/domain/message.ts';
import { Core } from '../../src/engine/engine.ts';
import { FloodControl } from '../../src/engine/flood.ts';
import { databaseHealth } from '../../src/http/health.ts';
import { HttpServer } from '../../src/http/server.ts';
import { Catalog } from '../../src/i18n/catalog.ts';
import { Ledger } from '../../src/ledger/index.ts';
import { tempDir } from '../support/harness.ts';
import { type Figure, percentile } from './report.ts';

const SENDERS = 500;
const PER_SENDER = 40;
const TEXTS = ['/need 20 water, 5 rice for 30 people @ -7.80,110.36', '/help', '/status', '/tasks'];
/** How often /healthz is asked while the backlog is worked off. */
const PROBE_MS = 20;

/**
 * A restart after an outage: 20,000 messages from 500 senders recorded but not handled. The bot's core,
 * its ledger and its HTTP server in this process work them off (`processPending`, as at start) while
 * `monitorEventLoopDelay` records how long the event loop was held and /healthz is asked every 20 ms.
 * Flood control lets 40 a minute through here, so the whole backlog goes in one stretch.
 */
export async function catchup(): Promise<Figure[]> {
  const tmp = tempDir('relief-bench-');
  const file = path.join(tmp.dir, 'relief.db');
  const config = loadConfig({ DATABASE_PATH: file, DEFAULT_LANGUAGE: 'en' }, '/nonexistent');
  const log = pino({ level: 'silent' });
  const ledger = Ledger.open(file);
  const http = new HttpServer(log);
  try {
    const now = Date.now();
    ledger.transaction(() => {
      for (let n = 0; n < PER_SENDER; n++)
        for (let s = 0; s < SENDERS; s++) {
          const id = 500_000 + s;
          const message: InboundMessage = {
            chat: { transport: 'telegram', chatId: String(id), kind: 'private' },
            messageId: `m${n}`,
            sender: { id: `telegram:${id}`, displayName: `Sender ${s}` },
            at: now,
            content: { kind: 'text', text: TEXTS[(s + n) % TEXTS.length]! },
          };
          ledger.inbox.record(message, now);
        }
    });
    const total = ledger.inbox.pendingCount();
    const core = new Core({
      ledger,
      translator: new Catalog(path.join(PROJECT_ROOT, 'data', 'locales'), config.DEFAULT_LANGUAGE),
      areas: new Areas(loadAreaDefs(config.AREAS)),
      config,
      commands,
      log,
      flood: new FloodControl(PER_SENDER),
    });
    http.addHealthCheck(databaseHealth(ledger));
    const port = await http.listen(0, '127.0.0.1');

    const probes: number[] = [];
    let failed = 0;
    let probing = true;
    const probe = async () => {
      while (probing) {
        const t0 = performance.now();
        const res = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
        if (res?.ok) probes.push(performance.now() - t0);
        else failed++;
        await res?.arrayBuffer();
        await new Promise((r) => setTimeout(r, PROBE_MS));
      }
    };
    const probing$ = probe();
    await new Promise((r) => setTimeout(r, 100));

    const stall = monitorEventLoopDelay({ resolution: 5 });
    stall.enable();
    const t0 = performance.now();
    core.processPending();
    while (ledger.inbox.pendingCount() > 0) await new Promise((r) => setTimeout(r, 10));
    const seconds = (performance.now() - t0) / 1000;
    stall.disable();
    probing = false;
    await probing$;
    core.stop();
    const sorted = probes.sort((a, b) => a - b);
    return [
      {
        id: 'catchup.stall',
        name: `catch-up of ${total.toLocaleString('en-US')} pending, longest event-loop stall`,
        unit: 'ms',
        value: stall.max / 1e6,
        baseline: null,
        baselineName: '-',
        target: { kind: 'max', limit: 100 },
        detail: `${SENDERS} senders x ${PER_SENDER} (${TEXTS.join(', ')}) worked off in ${seconds.toFixed(1)} s (${Math.round(total / seconds)} msg/s); event-loop delay p99 ${(stall.percentile(99) / 1e6).toFixed(1)} ms; /healthz asked every ${PROBE_MS} ms: ${probes.length} answered 200 (p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${(sorted.at(-1) ?? 0).toFixed(1)} ms), ${failed} not`,
      },
      {
        id: 'catchup.healthz',
        name: 'catch-up, /healthz not answering 200',
        unit: '',
        value: failed,
        baseline: null,
        baselineName: '-',
        target: { kind: 'equal', value: 0 },
      },
    ];
  } finally {
    await http.close();
    ledger.close();
    tmp.cleanup();
  }
}
