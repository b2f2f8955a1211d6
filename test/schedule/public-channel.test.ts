import { afterEach, describe, expect, it } from 'vitest';
import {
  postDailySummary,
  postVerifiedNeeds,
  setPublicChannel,
} from '../../src/schedule/rules/public-channel.ts';
import { sendSitrep } from '../../src/schedule/rules/sitrep.ts';
import { Harness } from '../support/harness.ts';

/**
 * The public channel (PUBLIC_CHANNEL): a group row the bot posts to through the outbox like any group,
 * hearing public broadcasts and alerts, newly verified needs by area and a daily summary, built from
 * allow-listed fields only.
 */

let h: Harness;
afterEach(() => h.close());

const COORDINATOR = 'telegram:9';
const CHANNEL = '-1001234509001';

function setUp(env: Record<string, string> = { PUBLIC_CHANNEL: CHANNEL }): Harness {
  h = new Harness({ TELEGRAM_BOT_TOKEN: '1:test', ...env });
  h.grant(COORDINATOR, 'coordinator');
  h.ledger.groups.register(
    { id: 'test', at: h.clock.now },
    { transport: 'telegram', chatId: '-1', kind: 'group' },
    { topics: ['rescue', 'supply', 'sitrep'], area: 'DIY/Bantul', registeredBy: COORDINATOR },
  );
  h.core.runJob('public-channel', setPublicChannel);
  h.newRows();
  return h;
}

const toChannel = () => h.newRows().filter((r) => r.chat_id === CHANNEL);

function need(who: string, text: string, people = '4') {
  h.send(who, text);
  h.send(who, people);
}

describe('the public channel', () => {
  it('hears broadcasts to all, a topic or an area and alerts, never one for a single group', () => {
    setUp();
    const channelOf = (rows: ReturnType<Harness['send']>) => rows.filter((r) => r.chat_id === CHANNEL);
    expect(
      channelOf(h.send(COORDINATOR, '/broadcast all Water at the posko from 14:00')).map((r) => r.text),
    ).toEqual(['Water at the posko from 14:00']);
    expect(channelOf(h.send(COORDINATOR, '/broadcast Sleman Roads to Sleman are open'))).toHaveLength(1);
    expect(channelOf(h.send(COORDINATOR, '/broadcast G-1 Only for the Bantul group'))).toHaveLength(0);
    const alert = channelOf(
      h.send(
        { id: COORDINATOR, chat: { transport: 'telegram', chatId: '-1', kind: 'group' } },
        '/alert Bantul River rising',
      ),
    );
    expect(alert).toHaveLength(1);
    expect(alert[0]!.text).toContain('WARNING for DIY/Bantul');
    expect(alert[0]!.kind).toBe('group');
  });

  it('posts newly verified needs by area, once, with catalog items only, from the moment it is set', () => {
    setUp();
    need('telegram:1', '/need 20 water @ Imogiri, rumah Pak Harjo 0812 5555 7777');
    h.send(COORDINATOR, '/verify R-1 ok');
    // The first run starts from now: R-1, verified before it, is not posted.
    h.core.runJob('public-channel-needs', postVerifiedNeeds);
    expect(toChannel()).toEqual([]);
    need('telegram:2', '/need 10 water, 5 kg rice, 2 kursi roda merah @ Imogiri');
    need('telegram:3', '/need 5 water @ Imogiri');
    need('telegram:4', '/need 3 blankets @ Sleman');
    need('telegram:5', '/need 7 rice @ Sleman');
    for (const ref of ['R-2', 'R-3', 'R-4']) h.send(COORDINATOR, `/verify ${ref} ok`);
    h.core.runJob('public-channel-needs', postVerifiedNeeds);
    const posts = toChannel().map((r) => r.text);
    expect(posts).toHaveLength(2);
    expect(posts.find((p) => p.includes('Imogiri'))).toMatch(/15 water, 5 kg rice, other item/);
    expect(posts.find((p) => p.includes('Sleman'))).toContain('3 blankets');
    for (const p of posts) expect(p).not.toMatch(/Harjo|5555|kursi|merah|R-\d|telegram/);
    h.core.runJob('public-channel-needs', postVerifiedNeeds);
    expect(toChannel()).toEqual([]);
    h.send(COORDINATOR, '/verify R-5 ok');
    h.core.runJob('public-channel-needs', postVerifiedNeeds);
    expect(toChannel().map((r) => r.text)).toEqual([expect.stringContaining('7 rice')]);
  });

  it('gets a daily summary of public figures, and no sitrep', () => {
    setUp();
    for (const who of ['telegram:1', 'telegram:2', 'telegram:3']) need(who, '/need 20 water @ Imogiri');
    for (const ref of ['R-1', 'R-2', 'R-3']) h.send(COORDINATOR, `/verify ${ref} ok`);
    need('telegram:4', '/need 3 blankets @ Sleman');
    h.send(COORDINATOR, '/verify R-4 ok');
    h.newRows();
    h.core.runJob('public-channel-summary', postDailySummary);
    const [summary, ...more] = toChannel();
    expect(more).toEqual([]);
    expect(summary!.text).toContain('4 requests received, 4 verified, 0 delivered');
    expect(summary!.text).toMatch(/Imogiri: 3 open verified needs/);
    expect(summary!.text).toMatch(/Sleman: fewer than 3 open verified needs/);
    h.core.runJob('sitrep', sendSitrep);
    expect(h.newRows().map((r) => r.chat_id)).toEqual(['-1']);
  });

  it('is taken up again at start after Telegram refused it once', () => {
    setUp();
    const chat = { transport: 'telegram' as const, chatId: CHANNEL, kind: 'group' as const };
    h.ledger.groups.setReachable({ id: 'system', at: h.clock.now }, chat, false);
    expect(h.ledger.groups.publicChannel()).toBeUndefined();
    h.core.runJob('public-channel', setPublicChannel);
    expect(h.ledger.groups.publicChannel()).toMatchObject({ chat_id: CHANNEL, reachable: true });
  });

  it('goes quiet when PUBLIC_CHANNEL is removed', () => {
    setUp();
    h = h.reopen();
    h.core.runJob('public-channel', setPublicChannel);
    h.send(COORDINATOR, '/broadcast all Water at the posko from 14:00');
    expect(h.outbox().filter((r) => r.chat_id === CHANNEL)).toEqual([]);
    expect(h.ledger.groups.publicChannel()).toBeUndefined();
  });
});
