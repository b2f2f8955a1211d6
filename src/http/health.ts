import type { Ledger } from '../ledger/index.ts';
import type { HealthCheck } from './server.ts';

/** The database is up when a real read works, not merely when the handle is open. */
export function databaseHealth(ledger: Ledger): HealthCheck {
  return {
    name: 'database',
    check() {
      if (!ledger.isOpen) return { ok: false, state: 'closed' };
      try {
        ledger.probe();
        return { ok: true, state: 'open' };
      } catch (err) {
        return { ok: false, state: 'error', detail: (err as Error).message };
      }
    },
  };
}
