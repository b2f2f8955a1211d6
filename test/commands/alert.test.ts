import { afterEach, describe, expect, it } from 'vitest';
import { Harness } from '../support/harness.ts';

let h: Harness;
afterEach(() => h.close());

const COORDINATOR = 'telegram:9';
const IN_GROUP = {
  id: COORDINATOR,
  chat: { transport: 'telegram' as const, chatId: '-1', kind: 'group' as const },
};

function setUp(): Harness {
  h = new Harness();
  h.grant(COORDINATOR, 'coordinator');
  for (const [chatId, area] of [
    ['-1', 'DIY/Bantul'],
    ['-2', 'DIY/Bantul/Imogiri'],
    ['-3', 'DIY/Sleman'],
  ] as const)
    h.ledger.groups.register(
      { id: 'test', at: h.clock.now },
      { transport: 'telegram', chatId, kind: 'group' },
      { topics: ['rescue'], area, registeredBy: COORDINATOR },
    );
  return h;
}

const groupRows = () => h.outbox().filter((r) => r.broadcast_id !== null);

describe('/alert', () => {
  it('asks urgency, severity and certainty in a private chat, shows the warning, and sends it to the area', () => {
    setUp();
    expect(h.say(COORDINATOR, '/alert Bantul The Opak river is rising: move to higher ground')).toContain(
      'How urgent',
    );
    expect(h.say(COORDINATOR, { kind: 'choice', value: 'Immediate' })).toContain('How severe');
    expect(h.say(COORDINATOR, 'skip')).toContain('How certain');
    const preview = h.say(COORDINATOR, 'observed');
    expect(preview).toContain('act now, moderate threat, observed');
    expect(preview).toContain('The Opak river is rising');
    expect(h.count('alerts')).toBe(0);
    expect(h.say(COORDINATOR, 'yes')).toContain('A-1 is out for DIY/Bantul');
    expect(h.ledger.alerts.get(1)).toMatchObject({
      area: 'DIY/Bantul',
      urgency: 'Immediate',
      severity: 'Moderate',
      certainty: 'Observed',
      language: 'en',
      broadcastId: 1,
    });
    expect(groupRows().map((r) => r.chat_id)).toEqual(['-1', '-2']);
    expect(groupRows()[0]!.text).toContain('WARNING for DIY/Bantul');
    expect(h.ledger.events.forSubject('A-1')[0]).toMatchObject({ kind: 'alert.issued' });
  });

  it('goes at once with the defaults when typed in a group, and refuses a second press', () => {
    setUp();
    expect(h.say(IN_GROUP, '/peringatan Sleman Jalan Kaliurang km 20 ditutup longsor')).toContain('A-1');
    expect(h.ledger.alerts.get(1)).toMatchObject({
      urgency: 'Expected',
      severity: 'Moderate',
      certainty: 'Likely',
    });
    expect(groupRows().map((r) => r.chat_id)).toEqual(['-3']);
    expect(h.say(IN_GROUP, '/peringatan Sleman Jalan Kaliurang km 20 ditutup longsor')).toContain('A-1');
    expect(h.count('alerts')).toBe(1);
  });

  it('takes phone numbers and exact points out of the text, and asks in private when it did', () => {
    setUp();
    expect(h.say(IN_GROUP, '/alert Bantul Call 0812 3456 7890 at -7.801234,110.364567')).toContain(
      'private chat',
    );
    expect(h.count('alerts')).toBe(0);
    h.send(COORDINATOR, '/alert Bantul Call 0812 3456 7890 at -7.801234,110.364567');
    h.send(COORDINATOR, 'skip');
    h.send(COORDINATOR, 'skip');
    expect(h.say(COORDINATOR, 'skip')).toContain('I took out');
    h.send(COORDINATOR, 'yes');
    expect(h.ledger.alerts.get(1)!.text).not.toContain('3456');
    expect(groupRows()[0]!.text).not.toContain('3456');
    expect(groupRows()[0]!.text).not.toContain('801234');
  });

  it('refuses without an area or text, and without the role', () => {
    setUp();
    expect(h.say(COORDINATOR, '/alert')).toContain('Use it like this');
    expect(h.say(COORDINATOR, '/alert all Hello')).toContain('one area');
    expect(h.say(COORDINATOR, '/alert Bantul')).toContain('Use it like this');
    expect(h.say('telegram:5', '/alert Bantul Hello')).toContain('only for a coordinator');
    expect(h.count('alerts')).toBe(0);
  });
});
