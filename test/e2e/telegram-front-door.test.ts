import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeBotApi, type FakeChat } from '../support/fake-bot-api.ts';
import { query, type Running, startWithFake, stopAll } from '../support/telegram-bot.ts';

/**
 * Issue 14's Telegram examples through `npm start` against the fake Bot API: anonymous admins of two
 * groups are two people; a reporter alternating location shares does not fill the rescue group; a
 * two-part answer reaches a private chat before the person's next message.
 */

const COORDINATOR = FakeBotApi.user(900, 'en');
/** Telegram sends every anonymous group admin as this user, with the group as `sender_chat`. */
const ANONYMOUS = { id: 1087968824, is_bot: true, first_name: 'Group', username: 'GroupAnonymousBot' };
const SAR: FakeChat = { id: -100501, type: 'supergroup', title: 'SAR Bantul' };
const GROUP_A: FakeChat = { id: -100601, type: 'supergroup', title: 'Warga Imogiri' };
const GROUP_B: FakeChat = { id: -100602, type: 'supergroup', title: 'Warga Pundong' };

describe('the front door on Telegram', () => {
  let bot: Running;
  let fake: FakeBotApi;
  beforeAll(async () => {
    bot = await startWithFake({ ADMINS: `telegram:${COORDINATOR.id}`, DEFAULT_LANGUAGE: 'en' });
    fake = bot.fake;
    fake.text(COORDINATOR, '/register@relief_test_bot rescue Bantul', SAR);
    await fake.waitFor(() => fake.sentTo(SAR.id).some((t) => /G-\d+/.test(t)));
  }, 90_000);
  afterAll(stopAll);

  const anonymousIn = (chat: FakeChat, text: string) =>
    fake.message(
      ANONYMOUS as never,
      { text, sender_chat: { id: chat.id, type: 'supergroup', title: chat.title } },
      chat,
    );

  it("an anonymous admin of one group cannot end another group's anonymous report", async () => {
    anonymousIn(GROUP_A, 'SOS -7.93512,110.40123 3 orang terjebak');
    await fake.waitFor(() => fake.sentTo(GROUP_A.id).find((t) => /S-\d+/.test(t)));
    const ref = /S-\d+/.exec(fake.sentTo(GROUP_A.id).find((t) => /S-\d+/.test(t))!)![0];
    const reporter = query<string>(
      bot.dbPath,
      'SELECT reporter FROM rescues WHERE id = ?',
      Number(ref.slice(2)),
    );
    expect(reporter).toBe(`telegram:chat:${GROUP_A.id}`);

    const before = fake.sentTo(GROUP_B.id).length;
    anonymousIn(GROUP_B, `/selamat ${ref}`);
    anonymousIn(GROUP_B, `/rescued ${ref}`);
    await fake.waitFor(() => fake.sentTo(GROUP_B.id).length >= before + 2);
    const answers = fake.sentTo(GROUP_B.id).slice(before).join('\n');
    expect(answers).toMatch(/Only the reporter/);
    expect(query<string>(bot.dbPath, 'SELECT status FROM rescues WHERE id = ?', Number(ref.slice(2)))).toBe(
      'open',
    );
    // Group B's own "/rescued" finds no case of its own: it never became group A.
    anonymousIn(GROUP_B, '/rescued');
    await fake.waitFor(() => fake.sentTo(GROUP_B.id).length >= before + 3);
    expect(query<string>(bot.dbPath, 'SELECT status FROM rescues WHERE id = ?', Number(ref.slice(2)))).toBe(
      'open',
    );
    // Its own admin can.
    anonymousIn(GROUP_A, `/rescued ${ref}`);
    await fake.waitFor(
      () =>
        query<string>(bot.dbPath, 'SELECT status FROM rescues WHERE id = ?', Number(ref.slice(2))) ===
        'rescued',
    );
  }, 60_000);

  it('a reporter alternating location shares reaches the rescue group once, not once per share', async () => {
    const siti = FakeBotApi.user(701, 'id');
    // The alarm itself is the one post of the reporter's window; the shares inside it add none.
    const before = fake.sentTo(SAR.id).length;
    fake.text(siti, 'SOS -7.93512,110.40123 banjir');
    await fake.waitFor(() => fake.sentTo(siti.id).find((t) => /S-\d+/.test(t)));
    const ref = /S-\d+/.exec(fake.sentTo(siti.id).find((t) => /S-\d+/.test(t))!)![0];
    await fake.waitFor(
      () =>
        fake
          .sentTo(SAR.id)
          .slice(before)
          .some((t) => t.includes(ref)),
      30_000,
    );
    const shares = 15;
    for (let i = 0; i < shares; i++) {
      const [latitude, longitude] = i % 2 === 0 ? [-7.96001, 110.34702] : [-7.93512, 110.40123];
      fake.message(siti, { location: { latitude, longitude } });
    }
    // Every share is handled (the reporter hears each), and the coordinator sees each move.
    await fake.waitFor(
      () => fake.sentTo(siti.id).filter((t) => t.includes(ref)).length >= shares + 1,
      60_000,
    );
    await fake.waitFor(
      () => fake.sentTo(COORDINATOR.id).filter((t) => t.includes(ref)).length >= shares + 1,
      60_000,
    );
    // And another reporter's SOS reaches the group at once.
    const budi = FakeBotApi.user(702, 'id');
    fake.text(budi, 'SOS -7.905,110.365 4 orang');
    await fake.waitFor(
      () =>
        fake
          .sentTo(SAR.id)
          .slice(before)
          .some((t) => !t.includes(ref)),
      30_000,
    );
    const about = fake
      .sentTo(SAR.id)
      .slice(before)
      .filter((t) => t.includes(ref));
    expect(about).toHaveLength(1);
    expect(
      query<number>(bot.dbPath, "SELECT COUNT(*) FROM events WHERE kind = 'rescue.located'"),
    ).toBeGreaterThanOrEqual(shares);
  }, 120_000);

  it('a two-part answer reaches a private chat in a burst, before the next message', async () => {
    const ana = FakeBotApi.user(703, 'en');
    fake.text(ana, 'SOS -7.93512,110.40123');
    // The case's reference and the next question: two messages to one private chat.
    const parts = await fake.waitFor(() => {
      const sent = fake.callsOf('sendMessage').filter((c) => !c.failed && String(c.params.chat_id) === '703');
      return sent.length >= 2 ? sent : undefined;
    });
    const gap = parts[1]!.at - parts[0]!.at;
    expect(String(parts[0]!.params.text)).toMatch(/S-\d+/);
    // Paced one a second, the second part came 1000 ms after the first; in a burst, a round trip after.
    expect(gap).toBeLessThan(500);
    expect(fake.callsOf('sendMessage').filter((c) => c.failed === 429)).toEqual([]);
  }, 60_000);

  it("details a reporter adds are edited into the rescue group's post (editMessageText)", async () => {
    const rina = FakeBotApi.user(704, 'en');
    const before = fake.sentTo(SAR.id).length;
    fake.text(rina, 'SOS -7.90812,110.39011');
    await fake.waitFor(
      () =>
        fake
          .sentTo(SAR.id)
          .slice(before)
          .some((t) => /people need rescue/.test(t)),
      30_000,
    );
    const posted = fake
      .callsOf('sendMessage')
      .filter(
        (c) =>
          !c.failed &&
          String(c.params.chat_id) === String(SAR.id) &&
          /people need rescue/.test(String(c.params.text)),
      );
    const ref = /S-\d+/.exec(String(posted.at(-1)!.params.text))![0];
    await fake.waitFor(() => fake.sentTo(rina.id).some((t) => /How many people/.test(t)), 30_000);
    fake.text(rina, '6');
    await fake.waitFor(
      () =>
        fake
          .callsOf('editMessageText')
          .some(
            (c) =>
              !c.failed && String(c.params.chat_id) === String(SAR.id) && String(c.params.text).includes(ref),
          ),
      30_000,
    );
    const edit = fake.callsOf('editMessageText').find((c) => String(c.params.text).includes(ref))!;
    expect(String(edit.params.text)).toContain('People: 6');
    // The group's one post now reads the count; no second post was sent about it.
    expect(
      fake
        .sentTo(SAR.id)
        .slice(before)
        .filter((t) => t.includes(ref)),
    ).toHaveLength(1);
  }, 60_000);
});
