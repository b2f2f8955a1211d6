import { afterEach, describe, expect, it } from 'vitest';
import { translateUpdate, UpdateSchema } from '../../src/transports/telegram/updates.ts';
import { Harness } from '../support/harness.ts';

let h: Harness | undefined;
afterEach(() => {
  h?.close();
  h = undefined;
});

const GROUP_A = { id: -1001, type: 'supergroup', title: 'Posko Imogiri' };
const GROUP_B = { id: -1002, type: 'supergroup', title: 'Posko Sleman' };
const ANON = { id: 1087968824, is_bot: true, first_name: 'Group', username: 'GroupAnonymousBot' };
const CHANNEL_BOT = { id: 136817688, is_bot: true, first_name: 'Channel', username: 'Channel_Bot' };

let seq = 0;
/** What the Telegram adapter makes of a message from an anonymous admin of `group`. */
function anonymous(group: typeof GROUP_A, text: string, from = ANON, senderChat: object = group) {
  const u = UpdateSchema.parse({
    update_id: ++seq,
    message: { message_id: seq, date: 1_764_547_200, chat: group, from, sender_chat: senderChat, text },
  });
  return translateUpdate(u, 'relief_bot')!.message;
}

function send(message: ReturnType<typeof anonymous>) {
  h!.core.receive([{ ...message, at: h!.clock.now }]);
  return h!.newRows();
}

describe('Telegram pseudo-senders are one identity per chat (issue 14)', () => {
  it('an anonymous admin is its group, a channel post is its channel; neither is user 1087968824', () => {
    expect(anonymous(GROUP_A, 'hi').sender).toEqual({
      id: 'telegram:chat:-1001',
      displayName: 'Posko Imogiri',
      pseudo: true,
    });
    const channel = { id: -1009, type: 'channel', title: 'Info Banjir' };
    expect(anonymous(GROUP_A, 'hi', CHANNEL_BOT, channel).sender.id).toBe('telegram:chat:-1009');
  });

  it("an anonymous admin of one group cannot merge into, move or close another group's case", () => {
    const hh = new Harness();
    h = hh;
    send(anonymous(GROUP_A, 'SOS Dusun Kali, Imogiri'));
    expect(hh.ledger.rescues.get(1)).toMatchObject({ reporter: 'telegram:chat:-1001' });
    const other = send(anonymous(GROUP_B, '/rescued S-1'));
    expect(other.map((r) => r.text).join()).toContain('S-1');
    expect(hh.ledger.rescues.get(1)!.status).not.toBe('rescued');
    send(anonymous(GROUP_B, '/selamat S-1'));
    expect(hh.ledger.rescues.get(1)!.status).not.toBe('rescued');
    send(anonymous(GROUP_B, 'SOS -7.71,110.35'));
    expect(hh.ledger.rescues.get(1)!.lat).toBeNull();
    expect(hh.ledger.rescues.get(2)).toMatchObject({ reporter: 'telegram:chat:-1002', lat: -7.71 });
    send(anonymous(GROUP_A, '/rescued'));
    expect(hh.ledger.rescues.get(1)!.status).toBe('rescued');
    expect(hh.ledger.rescues.get(2)!.status).not.toBe('rescued');
  });

  it('holds no role even when a role is stored for its id', () => {
    const hh = new Harness();
    h = hh;
    hh.grant('telegram:chat:-1001', 'admin');
    expect(
      send(anonymous(GROUP_A, '/open'))
        .map((r) => r.text)
        .join(),
    ).toContain('only for a coordinator');
  });

  it('each chat has its own flood allowance', () => {
    const hh = new Harness();
    h = hh;
    for (let i = 0; i < 25; i++) send(anonymous(GROUP_A, `/status`));
    const b = send(anonymous(GROUP_B, '/status'));
    expect(b.length).toBeGreaterThan(0);
  });
});

describe('coordinators are not held by flood control (issue 14)', () => {
  it('45 commands in a minute from a coordinator are all answered at once; a plain person waits', () => {
    const hh = new Harness({ ADMINS: 'telegram:900' });
    h = hh;
    const answered = Array.from({ length: 45 }, () => hh.send('telegram:900', '/whoami').length);
    expect(answered.every((n) => n > 0)).toBe(true);
    const plain = Array.from({ length: 25 }, () => hh.send('telegram:5', '/whoami'));
    expect(
      plain
        .slice(20)
        .flat()
        .map((r) => r.text)
        .join(),
    ).toMatch(/many messages quickly/);
  });
});
