import { Counter, Gauge, Registry } from 'prom-client';
import type { TransportName } from '../domain/message.ts';
import type { Ledger } from '../ledger/index.ts';
import type { Pacer } from '../outbox/dispatcher.ts';
import type { HttpServer } from './server.ts';

/**
 * `GET /metrics` in Prometheus text. Almost everything is read from the ledger at scrape time, so the
 * figures survive restarts and the core needs no metrics code: messages in (inbox) and out (sent
 * outbox rows) are monotonic counts of durable rows. Only 429 answers live in this process, counted
 * by wrapping each transport's pacer.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly throttled: Counter<'transport'>;

  constructor(private readonly ledger: Ledger) {
    const registry = this.registry;
    const db = () => this.ledger.db;
    const ledgerCounter = (name: string, help: string, labelNames: string[], sql: string) =>
      new Counter({
        name,
        help,
        labelNames,
        registers: [registry],
        collect() {
          this.reset();
          if (!db().open) return;
          for (const row of db().prepare(sql).all() as Record<string, string | number>[]) {
            const { n, ...labels } = row;
            this.inc(labels as Record<string, string>, Number(n));
          }
        },
      });
    const ledgerGauge = (name: string, help: string, labelNames: string[], sql: string) =>
      new Gauge({
        name,
        help,
        labelNames,
        registers: [registry],
        collect() {
          this.reset();
          if (!db().open) return;
          for (const row of db().prepare(sql).all() as Record<string, string | number>[]) {
            const { n, ...labels } = row;
            if (labelNames.length === 0) this.set(Number(n));
            else this.set(labels as Record<string, string>, Number(n));
          }
        },
      });

    ledgerCounter(
      'relief_messages_in_total',
      'Inbound messages recorded, by transport (redeliveries are not counted twice).',
      ['transport'],
      'SELECT transport, COUNT(*) AS n FROM inbox GROUP BY transport',
    );
    ledgerCounter(
      'relief_messages_out_total',
      'Outbound messages delivered, by transport and kind (reply, notice, group).',
      ['transport', 'kind'],
      "SELECT transport, kind, COUNT(*) AS n FROM outbox WHERE state = 'sent' GROUP BY transport, kind",
    );
    ledgerCounter(
      'relief_messages_failed_total',
      'Outbound messages given up on (unreachable chat or retries exhausted), by transport.',
      ['transport'],
      "SELECT transport, COUNT(*) AS n FROM outbox WHERE state = 'failed' GROUP BY transport",
    );
    ledgerGauge(
      'relief_outbox_depth',
      'Outbound messages waiting or in flight, by transport.',
      ['transport'],
      "SELECT transport, COUNT(*) AS n FROM outbox WHERE state IN ('pending', 'sending') GROUP BY transport",
    );
    ledgerGauge(
      'relief_inbox_pending',
      'Inbound messages recorded but not handled yet (held back by flood control, or catching up).',
      [],
      "SELECT COUNT(*) AS n FROM inbox WHERE state = 'pending'",
    );
    ledgerGauge(
      'relief_requests',
      'Supply requests by status.',
      ['status'],
      'SELECT status, COUNT(*) AS n FROM requests GROUP BY status',
    );
    ledgerGauge(
      'relief_rescues',
      'Rescue cases by status.',
      ['status'],
      'SELECT status, COUNT(*) AS n FROM rescues GROUP BY status',
    );
    ledgerGauge(
      'relief_rescues_escalated',
      'Rescue cases not yet closed or rescued that have been escalated at least once.',
      [],
      "SELECT COUNT(*) AS n FROM rescues WHERE escalation_level > 0 AND status NOT IN ('rescued', 'closed')",
    );
    ledgerCounter(
      'relief_escalations_total',
      'Escalations of rescue cases so far (the sum of every case escalation level).',
      [],
      'SELECT COALESCE(SUM(escalation_level), 0) AS n FROM rescues',
    );
    ledgerGauge(
      'relief_volunteers',
      'Volunteers by status.',
      ['status'],
      'SELECT status, COUNT(*) AS n FROM volunteers GROUP BY status',
    );
    this.throttled = new Counter({
      name: 'relief_throttled_total',
      help: 'Sends the platform answered with 429 "too many requests" since this process started.',
      labelNames: ['transport'],
      registers: [registry],
    });
  }

  /** The same pacer (its own state and limits), also counting the 429 answers it is told about. */
  countThrottling(transport: TransportName, pacer: Pacer): Pacer {
    const counter = this.throttled;
    counter.inc({ transport }, 0);
    const counting = Object.create(pacer) as { -readonly [K in keyof Pacer]: Pacer[K] };
    counting.throttled = (m, retryAfterMs, now) => {
      counter.inc({ transport });
      pacer.throttled?.(m, retryAfterMs, now);
    };
    return counting;
  }

  /** Registers `GET /metrics` on the server. */
  serve(http: HttpServer): void {
    http.route('GET', '/metrics', async (_req, res) => {
      const body = await this.registry.metrics();
      res.writeHead(200, { 'content-type': this.registry.contentType });
      res.end(body);
    });
  }
}
