import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_STATUSES, type RequestStatus } from '../../src/domain/request-states.ts';
import { Harness } from '../support/harness.ts';
import { COORDINATOR, REQUESTER, requestIn, statusOf, volunteer_ } from './support.ts';

// One ledger for the whole table: every case makes its own requests, so cases do not see each other's.
let h: Harness;
beforeAll(() => {
  h = new Harness();
  h.grant(COORDINATOR, 'coordinator');
});
afterAll(() => h.close());

/**
 * Every command against a request in every status. Written out by hand from SPEC 3 (not derived from
 * the table in src/domain/request-states.ts, so a wrong table fails here).
 */
const ALLOWED: Record<string, { to: RequestStatus; from: RequestStatus[] }> = {
  verify: { to: 'verified', from: ['new'] },
  assign: { to: 'assigned', from: ['verified', 'assigned'] },
  close: { to: 'closed', from: ['verified', 'assigned', 'delivered'] },
  reject: { to: 'rejected', from: ['new', 'verified'] },
  dup: { to: 'duplicate', from: ['new', 'verified'] },
  cancel: { to: 'cancelled', from: ['new', 'verified', 'assigned'] },
};

function run(command: string, id: number, original: number): string {
  switch (command) {
    case 'verify':
      return h.say(COORDINATOR, `/verify R-${id} ok`);
    case 'assign':
      return h.say(COORDINATOR, `/assign R-${id} V-${volunteer_(h, 'telegram:702')}`);
    case 'close':
      return h.say(COORDINATOR, `/close R-${id} done`);
    case 'reject':
      return h.say(COORDINATOR, `/reject R-${id} not in our area`);
    case 'dup':
      return h.say(COORDINATOR, `/dup R-${id} R-${original}`);
    default:
      return h.say(REQUESTER, `/cancel R-${id}`);
  }
}

describe('the supply request state machine', () => {
  for (const [command, { to, from: allowed }] of Object.entries(ALLOWED)) {
    for (const from of REQUEST_STATUSES) {
      const ok = allowed.includes(from);
      it(`${command}: ${from} → ${to} is ${ok ? 'allowed' : 'refused'}`, () => {
        const original = requestIn(h, 'new', 'tarp @ Sleman', 'telegram:501');
        const id = requestIn(h, from);
        const events = h.count('events');
        const answer = run(command, id, original);
        if (ok) {
          expect(statusOf(h, id)).toBe(to);
          expect(h.ledger.events.forSubject(`R-${id}`).at(-1)!.kind).toBe(`request.${to}`);
        } else {
          expect(answer).toContain(`R-${id} is "`);
          expect(answer).toContain('so it cannot become');
          expect(statusOf(h, id)).toBe(from);
          expect(h.count('events')).toBe(events);
        }
      });
    }
  }

  // S-n has its own branch (rescue cases); any other kind of reference is refused.
  it('refuses a B-n reference on /assign and /close with "not a supply request"', () => {
    expect(h.say(COORDINATOR, '/assign B-3 V-1')).toContain('B-3 is not a supply request');
    expect(h.say(COORDINATOR, '/close B-3 done')).toContain('B-3 is not a supply request');
    expect(h.say(COORDINATOR, '/tutup R-99')).toContain('There is no request R-99');
    expect(h.say(COORDINATOR, '/assign R-99 V-1')).toContain('There is no request R-99');
  });

  it('refuses coordinator commands to a person without the role, changing nothing', () => {
    const id = requestIn(h, 'new');
    const events = h.count('events');
    for (const c of [
      `/verify R-${id}`,
      `/close R-${id}`,
      `/reject R-${id} x`,
      `/assign R-${id} V-1`,
      '/open',
    ])
      expect(h.say(REQUESTER, c)).toContain('only for a coordinator');
    expect(statusOf(h, id)).toBe('new');
    expect(h.count('events')).toBe(events);
  });

  it('records the assignment as request.assigned with the volunteer and who assigned', () => {
    const id = requestIn(h, 'verified');
    const v = volunteer_(h, 'telegram:703');
    h.send(COORDINATOR, `/tugaskan R-${id} V-${v}`);
    const event = h.ledger.events.forSubject(`R-${id}`).at(-1)!;
    expect(event.kind).toBe('request.assigned');
    expect(JSON.parse(event.payload)).toMatchObject({ volunteer: `V-${v}`, by: h.pseudonym(COORDINATOR) });
  });
});

describe('Requests.move over every pair of states', () => {
  // SPEC 3 by hand: forward along new → verified → assigned → delivered → closed, the three other
  // endings, reassignment, a volunteer's leaving (assigned → verified), and closing a need met another way.
  const EXPECTED: Record<RequestStatus, RequestStatus[]> = {
    new: ['verified', 'cancelled', 'duplicate', 'rejected'],
    verified: ['assigned', 'closed', 'cancelled', 'duplicate', 'rejected'],
    assigned: ['assigned', 'verified', 'delivered', 'closed', 'cancelled'],
    delivered: ['closed'],
    closed: [],
    cancelled: [],
    duplicate: [],
    rejected: [],
  };

  it('allows exactly the moves of SPEC 3, each with its event, and refuses the rest with the current state', () => {
    const actor = { id: COORDINATOR, at: h.clock.now };
    for (const from of REQUEST_STATUSES) {
      for (const to of REQUEST_STATUSES) {
        const r = h.ledger.requests.create(actor, {
          requester: REQUESTER,
          items: [{ item: 'water', qty: 1 }],
        });
        h.db.prepare('UPDATE requests SET status = ? WHERE id = ?').run(from, r.id);
        const events = h.count('events');
        const result = h.ledger.requests.move(actor, r.id, to);
        const allowed = EXPECTED[from].includes(to);
        expect(result?.ok, `${from} → ${to}`).toBe(allowed);
        expect(statusOf(h, r.id)).toBe(allowed ? to : from);
        expect(h.count('events')).toBe(events + (allowed ? 1 : 0));
        if (!allowed) expect(result).toEqual({ ok: false, from });
      }
    }
  });
});
