import { afterEach, describe, expect, it } from 'vitest';
import type { Topic } from '../../src/domain/topics.ts';
import { Harness } from '../support/harness.ts';

let h: Harness;
afterEach(() => h.close());

const COORDINATOR = 'telegram:9';

function group(chatId: string, topics: Topic[], area: string | null): void {
  h.ledger.groups.register(
    { id: 'test', at: h.clock.now },
    { transport: 'telegram', chatId, kind: 'group' },
    { topics, area, registeredBy: COORDINATOR },
  );
}

/** The chat ids a broadcast's delivery rows go to. */
const reached = (h: Harness, text: string) =>
  h
    .outbox()
    .filter((r) => r.broadcast_id !== null && r.text === text)
    .map((r) => r.chat_id);

function setUp(): Harness {
  h = new Harness();
  h.grant(COORDINATOR, 'coordinator');
  group('-1', ['rescue'], 'DIY/Bantul');
  group('-2', ['supply'], 'DIY/Bantul/Imogiri');
  group('-3', ['rescue', 'sitrep'], 'DIY/Sleman');
  group('-4', ['volunteers'], null);
  return h;
}

describe('/broadcast', () => {
  it('reaches every group, a topic, an area with the areas below it, or one group', () => {
    setUp();
    expect(h.say(COORDINATOR, '/broadcast all One')).toContain('B-1 is on its way to 4 groups');
    expect(reached(h, 'One')).toEqual(['-1', '-2', '-3', '-4']);
    h.send(COORDINATOR, '/siaran penyelamatan Two');
    expect(reached(h, 'Two')).toEqual(['-1', '-3']);
    h.send(COORDINATOR, '/broadcast Bantul Three');
    expect(reached(h, 'Three')).toEqual(['-1', '-2']);
    h.send(COORDINATOR, '/broadcast Imogiri Four');
    expect(reached(h, 'Four')).toEqual(['-2']);
    h.send(COORDINATOR, '/broadcast G-3 Five');
    expect(reached(h, 'Five')).toEqual(['-3']);
    expect(h.ledger.broadcasts.get(3)).toMatchObject({ target: 'area:DIY/Bantul', state: 'pending' });
    expect(h.ledger.events.forSubject('B-1')[0]).toMatchObject({ kind: 'broadcast.queued' });
  });

  it('keeps phone numbers and exact coordinates out of the groups', () => {
    setUp();
    const preview = h.say(COORDINATOR, '/broadcast G-4 Call 0812 3456 7890 at -7.801234,110.364567');
    expect(preview).toContain('Call [...] at -7.80,110.36');
    h.send(COORDINATOR, 'yes');
    const row = h.outbox().find((r) => r.broadcast_id !== null)!;
    expect(row.text).not.toContain('3456');
    expect(row.text).toContain('-7.80,110.36');
  });

  it('refuses the same text to the same target within minutes, showing the first one', () => {
    setUp();
    h.send(COORDINATOR, '/broadcast all Meeting at 10');
    h.clock.advance(2 * 60_000);
    const again = h.say(COORDINATOR, '/broadcast all Meeting at 10');
    expect(again).toContain('B-1 with the same text');
    expect(again).toContain('0 of 4 delivered');
    expect(h.count('broadcasts')).toBe(1);
    h.clock.advance(4 * 60_000);
    expect(h.say(COORDINATOR, '/broadcast all Meeting at 10')).toContain('B-2');
  });

  it('refuses without text, without a matching group, with an unknown target, and without the role', () => {
    setUp();
    expect(h.say(COORDINATOR, '/broadcast all')).toContain('What should the broadcast say?');
    expect(h.say(COORDINATOR, '/broadcast Kulon Progo Hello')).toContain('No registered group matches');
    expect(h.say(COORDINATOR, '/broadcast Atlantis Hello')).toContain('Atlantis');
    expect(h.say('telegram:5', '/broadcast all Hello')).toContain('only for a coordinator');
    expect(h.count('broadcasts')).toBe(0);
  });

  it("shows a broadcast's progress on /broadcast B-n", () => {
    setUp();
    h.send(COORDINATOR, '/broadcast rescue Evacuate now');
    const rows = h.outbox().filter((r) => r.broadcast_id === 1);
    h.ledger.outbox.claim([rows[0]!.id]);
    h.ledger.outbox.markSent([{ id: rows[0]!.id, platformMessageId: '1', at: h.clock.now }]);
    expect(h.say(COORDINATOR, '/broadcast B-1')).toContain('1 of 2 groups have it, 1 still on the way');
    expect(h.say(COORDINATOR, '/broadcast B-99')).toContain('no broadcast B-99');
  });

  it('lists groups with topics, area and the state of their last delivery on /groups', () => {
    setUp();
    expect(h.say(COORDINATOR, '/groups')).toContain('4 registered groups');
    h.send(COORDINATOR, '/broadcast G-1 Hello');
    const row = h.outbox().find((r) => r.broadcast_id === 1)!;
    h.ledger.outbox.claim([row.id]);
    h.ledger.outbox.markFailed(row.id, '400 Bad Request: chat not found');
    h.ledger.groups.setReachable(
      { id: 'test', at: h.clock.now },
      { transport: 'telegram', chatId: '-3', kind: 'group' },
      false,
    );
    const list = h.say(COORDINATOR, '/grup');
    expect(list).toContain('G-1 telegram: rescue; DIY/Bantul. Last message FAILED');
    expect(list).toContain('chat not found');
    expect(list).toContain('G-3 telegram: rescue, situation reports; DIY/Sleman. Unreachable');
    expect(list).toContain('G-4 telegram: volunteers; the whole region. Nothing sent yet.');
  });
});
