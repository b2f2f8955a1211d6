import type { Db } from './db.ts';

/**
 * The counts `/metrics` reports, read from durable rows at scrape time so that the figures survive
 * restarts. Each figure is rows of labels and a count `n`.
 */
const FIGURES = {
  messagesIn: 'SELECT transport, COUNT(*) AS n FROM inbox GROUP BY transport',
  messagesOut:
    "SELECT transport, kind, COUNT(*) AS n FROM outbox WHERE state = 'sent' GROUP BY transport, kind",
  messagesFailed: "SELECT transport, COUNT(*) AS n FROM outbox WHERE state = 'failed' GROUP BY transport",
  outboxDepth:
    "SELECT transport, COUNT(*) AS n FROM outbox WHERE state IN ('pending', 'sending') GROUP BY transport",
  inboxPending: "SELECT COUNT(*) AS n FROM inbox WHERE state = 'pending'",
  requests: 'SELECT status, COUNT(*) AS n FROM requests GROUP BY status',
  rescues: 'SELECT status, COUNT(*) AS n FROM rescues GROUP BY status',
  rescuesEscalated:
    "SELECT COUNT(*) AS n FROM rescues WHERE escalation_level > 0 AND status NOT IN ('rescued', 'closed')",
  escalations: 'SELECT COALESCE(SUM(escalation_level), 0) AS n FROM rescues',
  volunteers: 'SELECT status, COUNT(*) AS n FROM volunteers GROUP BY status',
} as const;

export type MetricFigure = keyof typeof FIGURES;
export type MetricRow = Record<string, string | number> & { n: number };

export class MetricQueries {
  constructor(private readonly db: Db) {}

  rows(figure: MetricFigure): MetricRow[] {
    if (!this.db.open) return [];
    return this.db.prepare(FIGURES[figure]).all() as MetricRow[];
  }
}
