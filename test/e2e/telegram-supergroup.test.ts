import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeBotApi, type FakeChat } from '../support/fake-bot-api.ts';
import { query, type Running, startWithFake, stopAll } from '../support/telegram-bot.ts';

/**
 * A registered Telegram group upgraded to a supergroup keeps hearing from the bot (issue 18): the bot
 * follows Telegram's service messages, and a send refused with "upgraded to a supergroup" moves the
 * group and goes again to the new id.
 */

const ADMIN = FakeBotApi.user(900, 'en');

describe('Telegram group upgraded to a supergroup', () => {
  let bot: Running;
  let fake: FakeBotApi;
  beforeAll(async () => {
    bot = await startWithFake({ ADMINS: `telegram:${ADMIN.id}`, DEFAULT_LANGUAGE: 'en' });
    fake = bot.fake;
  });
  afterAll(stopAll);

  const chatIdOf = (ref: string) =>
    query<string>(bot.dbPath, 'SELECT chat_id FROM groups WHERE id = ?', Number(ref.slice(2)));
  const migratedEvents = () =>
    query<number>(bot.dbPath, "SELECT COUNT(*) FROM events WHERE kind = 'group.migrated'");

  async function register(group: FakeChat): Promise<string> {
    fake.text(ADMIN, '/register@relief_test_bot all Bantul', group);
    const answer = await fake.waitFor(() => fake.sentTo(group.id).find((t) => /G-\d+/.test(t)));
    return /G-\d+/.exec(answer)![0];
  }

  async function broadcast(text: string, to: FakeChat): Promise<void> {
    fake.text(ADMIN, `/broadcast Bantul ${text}`);
    await fake.waitFor(() => fake.sentTo(to.id).includes(text));
  }

  it('follows the service messages: the registration and later broadcasts go to the new id', async () => {
    const old: FakeChat = { id: -4001, type: 'group', title: 'Posko Imogiri' };
    const ref = await register(old);
    const upgraded = fake.upgradeToSupergroup(old, -1004001);
    fake.message(ADMIN, { migrate_to_chat_id: upgraded.id }, old);
    fake.message(ADMIN, { migrate_from_chat_id: old.id }, upgraded);
    await fake.waitFor(() => chatIdOf(ref) === String(upgraded.id));

    await broadcast('Water at the Imogiri post at 15:00', upgraded);
    expect(
      fake.callsOf('sendMessage').filter((c) => String(c.params.chat_id) === String(old.id) && c.failed),
    ).toEqual([]);
    expect(migratedEvents()).toBe(1);
  });

  it('a send refused as "upgraded to a supergroup" moves the group and goes to the new id', async () => {
    const old: FakeChat = { id: -4002, type: 'group', title: 'Posko Pundong' };
    const ref = await register(old);
    // The service messages never reached the bot (it was down longer than Telegram keeps updates).
    const upgraded = fake.upgradeToSupergroup(old, -1004002);

    await broadcast('Boats leave Pundong at 16:00', upgraded);
    const refused = fake
      .callsOf('sendMessage')
      .filter((c) => String(c.params.chat_id) === String(old.id) && c.failed);
    expect(refused.map((c) => c.failed)).toEqual([400]);
    expect(chatIdOf(ref)).toBe(String(upgraded.id));
    expect(migratedEvents()).toBe(2);

    const toOld = () => fake.calls.filter((c) => String(c.params.chat_id) === String(old.id)).length;
    const before = toOld();
    await broadcast('Second boat at 17:00', upgraded);
    expect(toOld()).toBe(before);
  });
});
