import { Counter, Gauge, Registry } from 'prom-client';
import type { TransportName } from '../domain/message.ts';
import type { Ledger, MetricFigure } from '../ledger/index.ts';
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
    const rows = (figure: MetricFigure) => this.ledger.metrics.rows(figure);
    const ledgerCounter = (name: string, help: string, labelNames: string[], figure: MetricFigure) =>
      new Counter({
        name,
        help,
        labelNames,
        registers: [registry],
        collect() {
          this.reset();
          for (const row of rows(figure)) {
            const { n, ...labels } = row;
            this.inc(labels as Record<string, string>, Number(n));
          }
        },
      });
    const ledgerGauge = (name: string, help: string, labelNames: string[], figure: MetricFigure) =>
      new Gauge({
        name,
        help,
        labelNames,
        registers: [registry],
        collect() {
          this.reset();
          for (const row of rows(figure)) {
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
      'messagesIn',
    );
    ledgerCounter(
      'relief_messages_out_total',
      'Outbound messages delivered, by transport and kind (reply, notice, group).',
      ['transport', 'kind'],
      'messagesOut',
    );
    ledgerCounter(
      'relief_messages_failed_total',
      'Outbound messages given up on (unreachable chat or retries exhausted), by transport.',
      ['transport'],
      'messagesFailed',
    );
    ledgerGauge(
      'relief_outbox_depth',
      'Outbound messages waiting or in flight, by transport.',
      ['transport'],
      'outboxDepth',
    );
    ledgerGauge(
      'relief_inbox_pending',
      'Inbound messages recorded but not handled yet (held back by flood control, or catching up).',
      [],
      'inboxPending',
    );
    ledgerGauge('relief_requests', 'Supply requests by status.', ['status'], 'requests');
    ledgerGauge('relief_rescues', 'Rescue cases by status.', ['status'], 'rescues');
    ledgerGauge(
      'relief_rescues_escalated',
      'Rescue cases not yet closed or rescued that have been escalated at least once.',
      [],
      'rescuesEscalated',
    );
    ledgerCounter(
      'relief_escalations_total',
      'Escalations of rescue cases so far (the sum of every case escalation level).',
      [],
      'escalations',
    );
    ledgerGauge('relief_volunteers', 'Volunteers by status.', ['status'], 'volunteers');
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
    // Plain delegation: every call reaches the pacer itself, so its state lives in one object.
    return {
      ...(pacer.concurrency === undefined ? {} : { concurrency: pacer.concurrency }),
      delayFor: (m, now) => pacer.delayFor(m, now),
      delayForAll: (now) => pacer.delayForAll?.(now) ?? 0,
      sent: (m, now) => pacer.sent(m, now),
      answered: (m, now) => pacer.answered?.(m, now),
      throttled: (m, retryAfterMs, now) => {
        counter.inc({ transport });
        pacer.throttled?.(m, retryAfterMs, now);
      },
      seed: (sends) => pacer.seed?.(sends),
    };
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
