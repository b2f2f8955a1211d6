import { createHash, randomBytes } from 'node:crypto';
import { LINK_TTL_MS, SESSION_IDLE_MS } from '../domain/dashboard.ts';
import type { Db } from './db.ts';

/** A session's last use is written at most this often: every request would be a write otherwise. */
const TOUCH_EVERY_MS = 60_000;

export type SignInRefusal = 'unknown' | 'used' | 'expired';

/** Tokens are 256 random bits; only their SHA-256 is stored. */
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

/**
 * Sign-in links and sessions of the coordinators' dashboard. Whether the person still holds the role is
 * the caller's check (configuration names admins); this keeps the tokens, hashed, and their clocks.
 */
export class DashboardAccess {
  constructor(private readonly db: Db) {}

  /** A new single-use link token for `personId`; links and sessions past their time are dropped here. */
  createLink(personId: string, now: number): string {
    this.db.prepare('DELETE FROM dashboard_links WHERE expires_at <= ?').run(now);
    this.db.prepare('DELETE FROM dashboard_sessions WHERE last_seen <= ?').run(now - SESSION_IDLE_MS);
    const token = newToken();
    this.db
      .prepare(
        'INSERT INTO dashboard_links (token_hash, person_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
      )
      .run(hashOf(token), personId, now, now + LINK_TTL_MS);
    return token;
  }

  /**
   * Uses a link: the first use within its time gets a new session token, any other a refusal. One
   * conditional UPDATE, so two tabs opening the same link get one session between them.
   */
  redeem(
    token: string,
    now: number,
  ): { ok: true; personId: string; session: string } | { ok: false; reason: SignInRefusal } {
    const hash = hashOf(token);
    const personId = this.db
      .prepare(
        'UPDATE dashboard_links SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING person_id',
      )
      .pluck()
      .get(now, hash, now) as string | undefined;
    if (personId === undefined) {
      const link = this.db.prepare('SELECT used_at FROM dashboard_links WHERE token_hash = ?').get(hash) as
        | { used_at: number | null }
        | undefined;
      return { ok: false, reason: !link ? 'unknown' : link.used_at !== null ? 'used' : 'expired' };
    }
    const session = newToken();
    this.db
      .prepare(
        'INSERT INTO dashboard_sessions (token_hash, person_id, created_at, last_seen) VALUES (?, ?, ?, ?)',
      )
      .run(hashOf(session), personId, now, now);
    return { ok: true, personId, session };
  }

  /** The person a session token signs in, if it is live; using it keeps it alive. */
  session(token: string, now: number): string | undefined {
    const hash = hashOf(token);
    const row = this.db
      .prepare('SELECT person_id, last_seen FROM dashboard_sessions WHERE token_hash = ?')
      .get(hash) as { person_id: string; last_seen: number } | undefined;
    if (!row) return undefined;
    if (row.last_seen <= now - SESSION_IDLE_MS) {
      this.end(token);
      return undefined;
    }
    if (now - row.last_seen >= TOUCH_EVERY_MS)
      this.db.prepare('UPDATE dashboard_sessions SET last_seen = ? WHERE token_hash = ?').run(now, hash);
    return row.person_id;
  }

  end(token: string): void {
    this.db.prepare('DELETE FROM dashboard_sessions WHERE token_hash = ?').run(hashOf(token));
  }

  /** Ends every session and unused link of a person (their role was taken back). */
  endAll(personId: string): number {
    this.db.prepare('DELETE FROM dashboard_links WHERE person_id = ?').run(personId);
    return this.db.prepare('DELETE FROM dashboard_sessions WHERE person_id = ?').run(personId).changes;
  }
}
