import type { RequestStatus } from '../../src/domain/request-states.ts';
import type { Harness } from '../support/harness.ts';

export const REQUESTER = 'telegram:500';
export const COORDINATOR = 'telegram:900';

/** A request made through the one-shot form, then put in `status` directly (as earlier moves would have). */
export function requestIn(
  h: Harness,
  status: RequestStatus,
  text = '20 water, 5 kg rice for 10 people @ Bantul',
  from = REQUESTER,
) {
  // A minute apart, so flood control (20 messages a minute) never holds a test's messages back.
  h.clock.advance(61_000);
  h.send(from, `/need ${text}`);
  const id = h.db.prepare('SELECT MAX(id) FROM requests').pluck().get() as number;
  const volunteer = status === 'assigned' || status === 'delivered' ? volunteer_(h, 'telegram:701') : null;
  h.db
    .prepare('UPDATE requests SET status = ?, assigned_volunteer = ? WHERE id = ?')
    .run(status, volunteer, id);
  h.newRows();
  return id;
}

/** A volunteer row as the volunteers feature would write it. */
export function volunteer_(h: Harness, personId: string, status: 'active' | 'left' = 'active'): number {
  const existing = h.db.prepare('SELECT id FROM volunteers WHERE person_id = ?').pluck().get(personId);
  if (existing !== undefined) return existing as number;
  h.ledger.people.ensure(personId, h.clock.now);
  return Number(
    h.db
      .prepare(
        'INSERT INTO volunteers (person_id, name, status, created_at, updated_at) VALUES (?, ?, ?, 0, 0)',
      )
      .run(personId, `Vol ${personId}`, status).lastInsertRowid,
  );
}

export const statusOf = (h: Harness, id: number) =>
  h.db.prepare('SELECT status FROM requests WHERE id = ?').pluck().get(id) as RequestStatus;

/** Registers a group for `topics` in `area`, as /register will. */
export function group(h: Harness, chatId: string, area: string | null, topics = ['supply']): number {
  return Number(
    h.db
      .prepare(`INSERT INTO groups (transport, chat_id, title, topics, area, created_at, updated_at)
        VALUES ('telegram', ?, 'Posko', ?, ?, 0, 0)`)
      .run(chatId, JSON.stringify(topics), area).lastInsertRowid,
  );
}
