import { afterEach, describe, expect, it } from 'vitest';
import { Harness } from '../support/harness.ts';

let h: Harness;
afterEach(() => h.close());

const inGroup = (id: string, chatId: string) => ({
  id,
  chat: { transport: 'telegram' as const, chatId, kind: 'group' as const },
});

describe('/register', () => {
  it('makes a group a target G-n for topics and an area, and updates it on re-register', () => {
    h = new Harness();
    h.grant('telegram:9', 'coordinator');
    expect(h.say(inGroup('telegram:9', '-100'), '/register rescue,supply Imogiri')).toContain(
      'This group is now G-1',
    );
    expect(h.ledger.groups.get(1)).toMatchObject({
      topics: ['rescue', 'supply'],
      area: 'DIY/Bantul/Imogiri',
      active: true,
    });
    expect(h.say(inGroup('telegram:9', '-100'), '/daftar semua')).toContain('G-1 updated');
    expect(h.ledger.groups.get(1)).toMatchObject({
      topics: ['rescue', 'supply', 'volunteers', 'sitrep'],
      area: null,
    });
    expect(h.ledger.events.forSubject('G-1').map((e) => e.kind)).toEqual([
      'group.registered',
      'group.updated',
    ]);
  });

  it('accepts area names with spaces and Indonesian topic words', () => {
    h = new Harness();
    h.grant('telegram:9', 'coordinator');
    h.send(inGroup('telegram:9', '-200'), '/daftar relawan laporan Kota Yogyakarta');
    expect(h.ledger.groups.all()[0]).toMatchObject({
      topics: ['volunteers', 'sitrep'],
      area: 'DIY/Kota Yogyakarta',
    });
  });

  it('refuses without a topic, with an unknown area, outside groups and without the role', () => {
    h = new Harness();
    h.grant('telegram:9', 'coordinator');
    const before = h.count('events');
    expect(h.say(inGroup('telegram:9', '-100'), '/register Bantul')).toContain('at least one topic');
    expect(h.say(inGroup('telegram:9', '-100'), '/register rescue Atlantis')).toContain('Atlantis');
    expect(h.say('telegram:9', '/register rescue')).toContain('only works inside a group');
    expect(h.say(inGroup('telegram:5', '-100'), '/register rescue')).toContain('only for a coordinator');
    expect(h.count('groups')).toBe(0);
    expect(h.count('events')).toBe(before);
  });
});
