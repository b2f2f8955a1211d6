import type { Ledger } from '../ledger/index.ts';
import type { HealthCheck } from './server.ts';

/**
 * The database is up when a real read works, not merely when the handle is open, and `degraded` while
 * writes fail (a full disk, a read-only file): messages are then not confirmed to the platform, which
 * delivers them again once a write succeeds.
 */
export function databaseHealth(ledger: Ledger): HealthCheck {
  return {
    name: 'database',
    check() {
      if (!ledger.isOpen) return { ok: false, state: 'closed' };
      try {
        ledger.probe();
        const failure = ledger.writeFailure;
        if (failure) return { ok: false, state: 'degraded', detail: `writes failing: ${failure}` };
        return { ok: true, state: 'open' };
      } catch (err) {
        return { ok: false, state: 'error', detail: (err as Error).message };
      }
    },
  };
}
