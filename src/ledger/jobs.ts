import { type Db, dialectOf } from './db.ts';

/** When each scheduled job last ran, so a restart knows what was due while the bot was down. */
export class JobRuns {
  constructor(private readonly db: Db) {}

  /**
   * Taken first in a job's transaction, held to its end: across processes one job runs at a time, and
   * each reads what the one before committed (a due time already run, a report already sent).
   */
  lock(): void {
    const sql = dialectOf(this.db).lockJobs;
    if (sql) this.db.prepare(sql).run();
  }

  lastRun(name: string): number | undefined {
    return (
      (this.db.prepare('SELECT last_run_at FROM job_runs WHERE name = ?').pluck().get(name) as
        | number
        | undefined) ?? undefined
    );
  }

  record(name: string, at: number): void {
    this.db
      .prepare(
        'INSERT INTO job_runs (name, last_run_at) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET last_run_at = excluded.last_run_at',
      )
      .run(name, at);
  }
}
