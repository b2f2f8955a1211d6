import { afterEach, describe, expect, it } from 'vitest';
import { LINK_TTL_MS, SESSION_IDLE_MS } from '../../src/domain/dashboard.ts';
import { Ledger } from '../../src/ledger/index.ts';
import { ledgerLocation, openRawLedger } from '../support/engine.ts';
import { openRaw, tempDir } from '../support/harness.ts';

/** The dashboard's sign-in links and sessions on PostgreSQL (the same statements SQLite runs in test/http). */

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

function open(): { ledger: Ledger; location: string } {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const location = ledgerLocation(t.dir);
  const ledger = Ledger.open(location);
  cleanups.push(() => ledger.close());
  return { ledger, location };
}

const T = 1_800_000_000_000;

describe('dashboard sign-in links and sessions', () => {
  it('opens one session per link, once, within 10 minutes', () => {
    const { ledger, location } = open();
    const a = ledger.transaction(() => ledger.dashboard.createLink('telegram:5', T));
    const late = ledger.transaction(() => ledger.dashboard.createLink('telegram:5', T));
    const used = ledger.transaction(() => ledger.dashboard.redeem(a, T + 1));
    expect(used).toMatchObject({ ok: true, personId: 'telegram:5' });
    expect(ledger.transaction(() => ledger.dashboard.redeem(a, T + 2))).toEqual({
      ok: false,
      reason: 'used',
    });
    expect(ledger.transaction(() => ledger.dashboard.redeem(late, T + LINK_TTL_MS))).toEqual({
      ok: false,
      reason: 'expired',
    });
    expect(ledger.transaction(() => ledger.dashboard.redeem('nope', T))).toEqual({
      ok: false,
      reason: 'unknown',
    });
    const raw = openRawLedger(location, openRaw);
    cleanups.push(() => raw.close());
    const rows = JSON.stringify([
      raw.prepare('SELECT * FROM dashboard_links').all(),
      raw.prepare('SELECT * FROM dashboard_sessions').all(),
    ]);
    expect(rows).not.toContain(a);
    expect(rows).not.toContain((used as { session: string }).session);
  });

  it('keeps a session alive while used, ends it after 12 hours idle, and ends them all at once', () => {
    const { ledger } = open();
    const session = () => {
      const link = ledger.transaction(() => ledger.dashboard.createLink('telegram:5', T));
      return (ledger.transaction(() => ledger.dashboard.redeem(link, T)) as { session: string }).session;
    };
    const s = session();
    const at = (ms: number) => ledger.transaction(() => ledger.dashboard.session(s, ms));
    expect(at(T + SESSION_IDLE_MS - 1)).toBe('telegram:5');
    // Used just now, so twelve more hours from here.
    expect(at(T + 2 * SESSION_IDLE_MS - 2)).toBe('telegram:5');
    expect(at(T + 3 * SESSION_IDLE_MS)).toBeUndefined();
    const others = [session(), session()];
    expect(ledger.transaction(() => ledger.dashboard.endAll('telegram:5'))).toBe(2);
    for (const o of others) expect(ledger.transaction(() => ledger.dashboard.session(o, T))).toBeUndefined();
  });

  it('revoking the role ends the sessions at once', () => {
    const { ledger } = open();
    const actor = { id: 'cli', at: T };
    ledger.transaction(() => ledger.roles.set(actor, 'telegram:5', 'coordinator'));
    const link = ledger.transaction(() => ledger.dashboard.createLink('telegram:5', T));
    const { session } = ledger.transaction(() => ledger.dashboard.redeem(link, T)) as { session: string };
    ledger.transaction(() => ledger.roles.set(actor, 'telegram:5', 'anyone'));
    expect(ledger.transaction(() => ledger.dashboard.session(session, T))).toBeUndefined();
  });
});
