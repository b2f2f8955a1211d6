import { afterEach, describe, expect, it } from 'vitest';
import { escalateOverdue } from '../../src/schedule/escalation.ts';
import { Harness } from '../support/harness.ts';

let h: Harness;
afterEach(() => h.close());

const MINUTE = 60_000;

function setup(): Harness {
  h = new Harness({ ADMINS: 'telegram:900', SOS_ESCALATE_MINUTES: '10' });
  h.db
    .prepare(
      `INSERT INTO groups (transport, chat_id, title, topics, area, created_at, updated_at)
       VALUES ('telegram', '-100', 'SAR DIY', '["rescue"]', 'DIY', 0, 0)`,
    )
    .run();
  h.send('telegram:1', '/sos -7.93512,110.40123');
  h.newRows();
  return h;
}

/** Runs the rule as the scheduler would and returns what it queued. */
function tick() {
  h.core.runJob('escalation', escalateOverdue);
  return h.newRows();
}

describe('escalation of an unacknowledged rescue case', () => {
  it('none before the deadline, one at it, then one every interval', () => {
    setup();
    h.clock.advance(10 * MINUTE - 1);
    expect(tick()).toEqual([]);
    h.clock.advance(1);
    const first = tick();
    expect(first.map((r) => r.chat_id).sort()).toEqual(['-100', '900']);
    expect(first.find((r) => r.chat_id === '-100')!.text).toContain(
      'waited 10 minutes with no response (alert 1)',
    );
    expect(first.find((r) => r.chat_id === '900')!.text).toContain('ESCALATION 1');
    expect(h.ledger.rescues.get(1)).toMatchObject({ escalationLevel: 1 });

    h.clock.advance(5 * MINUTE);
    expect(tick()).toEqual([]);
    h.clock.advance(5 * MINUTE);
    const second = tick();
    expect(second).toHaveLength(2);
    expect(second[0]!.text).toContain('waited 20 minutes');
    expect(h.ledger.rescues.get(1)).toMatchObject({ escalationLevel: 2 });
    expect(h.ledger.events.forSubject('S-1').map((e) => e.kind)).toEqual([
      'rescue.opened',
      'rescue.escalated',
      'rescue.escalated',
    ]);
  });

  it('a late run escalates once, not once per missed interval', () => {
    setup();
    h.clock.advance(45 * MINUTE);
    expect(tick()).toHaveLength(2);
    expect(h.ledger.rescues.get(1)!.escalationLevel).toBe(1);
    expect(tick()).toEqual([]);
  });

  it('none after a coordinator acknowledges', () => {
    setup();
    h.clock.advance(10 * MINUTE);
    expect(tick()).toHaveLength(2);
    h.send('telegram:900', '/ack S-1');
    h.clock.advance(60 * MINUTE);
    expect(tick()).toEqual([]);
    expect(h.ledger.rescues.get(1)).toMatchObject({ status: 'acknowledged', escalationLevel: 1 });
  });

  it('follows SOS_ESCALATE_MINUTES', () => {
    h = new Harness({ ADMINS: 'telegram:900', SOS_ESCALATE_MINUTES: '3' });
    h.send('telegram:1', '/sos -7.93512,110.40123');
    h.newRows();
    h.clock.advance(3 * MINUTE);
    expect(tick()).toHaveLength(1);
  });
});
