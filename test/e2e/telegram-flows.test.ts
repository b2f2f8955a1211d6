import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiCall, FakeBotApi, type FakeChat } from '../support/fake-bot-api.ts';
import { type Running, startWithFake, stopAll } from '../support/telegram-bot.ts';

/** The features' flows as people go through them on Telegram: buttons, shares, groups. */

const ADMIN = FakeBotApi.user(900, 'en');
const GROUP: FakeChat = { id: -100777, type: 'supergroup', title: 'Posko Bantul' };

type Markup = {
  inline_keyboard?: { text: string; callback_data: string }[][];
  keyboard?: ({ text: string; request_location?: boolean; request_contact?: boolean } | string)[][];
};

describe('Telegram flows', () => {
  let bot: Running;
  let fake: FakeBotApi;
  beforeAll(async () => {
    bot = await startWithFake({ ADMINS: `telegram:${ADMIN.id}` });
    fake = bot.fake;
  });
  afterAll(stopAll);

  /** Waits for the next message to `chatId` after the `seen` ones, and returns it. */
  async function next(chatId: number, seen: number): Promise<ApiCall> {
    return fake.waitFor(
      () =>
        fake.callsOf('sendMessage').filter((c) => !c.failed && String(c.params.chat_id) === String(chatId))[
          seen
        ],
    );
  }

  it('registers a group, takes a supply request through buttons and shares, and announces it there', async () => {
    fake.push({
      my_chat_member: {
        chat: GROUP,
        from: ADMIN,
        date: Math.floor(Date.now() / 1000),
        old_chat_member: { status: 'left', user: { id: 123, is_bot: true, first_name: 'Relief' } },
        new_chat_member: { status: 'member', user: { id: 123, is_bot: true, first_name: 'Relief' } },
      },
    });
    fake.text(ADMIN, '/register@relief_test_bot supply Bantul', GROUP);
    expect((await next(GROUP.id, 0)).params.text).toMatch(/This group is now G-\d+/);

    const ana = FakeBotApi.user(701, 'en');
    let seen = 0;
    fake.text(ana, '/need');
    expect((await next(ana.id, seen++)).params.text).toContain('What do you need?');
    fake.text(ana, '20 water, 5 kg rice');
    const people = await next(ana.id, seen++);
    expect(people.params.text).toContain('For how many people?');
    const unknown = (people.params.reply_markup as Markup).inline_keyboard!.flat()[0]!;
    fake.press(ana, unknown.callback_data);

    const where = await next(ana.id, seen++);
    expect(where.params.text).toContain('Where should it go?');
    expect((where.params.reply_markup as Markup).keyboard![0]![0]).toMatchObject({ request_location: true });
    fake.message(ana, { location: { latitude: -7.9271, longitude: 110.3937 } });

    const urgency = await next(ana.id, seen++);
    expect(urgency.params.text).toContain('How urgent is it?');
    expect(
      (urgency.params.reply_markup as Markup).inline_keyboard!.flat().map((b) => b.callback_data),
    ).toContain('high');
    fake.press(ana, 'high');

    const contact = await next(ana.id, seen++);
    expect((contact.params.reply_markup as Markup).keyboard![0]![0]).toMatchObject({ request_contact: true });
    fake.message(ana, { contact: { phone_number: '+6281234567890', first_name: 'Ana', user_id: ana.id } });

    const note = await next(ana.id, seen++);
    expect(note.params.text).toContain('Anything else');
    fake.press(ana, (note.params.reply_markup as Markup).inline_keyboard!.flat()[0]!.callback_data);
    const created = String((await next(ana.id, seen++)).params.text);
    const ref = /R-\d+/.exec(created)?.[0];
    expect(ref).toBeDefined();
    expect(created).toContain('20 water');

    fake.text(ADMIN, `/verify ${ref}`);
    const announcement = String((await next(GROUP.id, 1)).params.text);
    expect(announcement).toContain(ref!);
    expect(announcement).not.toContain('6281234567890');
    expect(announcement).not.toContain('-7.9271');
    await fake.waitFor(() => fake.callsOf('answerCallbackQuery').length >= 3);
  });

  /** The first message to `chatId` whose text matches, once it has been sent. */
  function said(chatId: number, pattern: RegExp): Promise<ApiCall> {
    return fake.waitFor(() =>
      fake
        .callsOf('sendMessage')
        .find(
          (c) =>
            !c.failed && String(c.params.chat_id) === String(chatId) && pattern.test(String(c.params.text)),
        ),
    );
  }

  it('takes a rescue report from a location share and "SOS", enriched through buttons, and alerts the group', async () => {
    const group: FakeChat = { id: -100888, type: 'group', title: 'Tim SAR' };
    fake.text(ADMIN, '/register rescue Bantul', group);
    await said(group.id, /G-\d+/);

    const budi = FakeBotApi.user(702, 'en');
    fake.message(budi, { location: { latitude: -7.9271, longitude: 110.3937 } });
    fake.text(budi, 'SOS');
    const people = await said(budi.id, /How many people/);
    expect(String(fake.sentTo(budi.id).join('\n'))).toMatch(/S-\d+/);
    fake.press(budi, (people.params.reply_markup as Markup).inline_keyboard!.flat().at(-1)!.callback_data);
    const conditions = await said(budi.id, /Does any of this apply/);
    const buttons = (conditions.params.reply_markup as Markup).inline_keyboard!.flat();
    fake.press(budi, buttons.find((b) => b.callback_data === 'injured')!.callback_data);

    const contact = await said(budi.id, /phone number rescuers can call/);
    const keyboard = (contact.params.reply_markup as Markup).keyboard!;
    expect(keyboard[0]![0]).toMatchObject({ request_contact: true });
    // The "skip" choice rides along as a reply button: its label comes back as typed text.
    fake.text(budi, (keyboard[1]![0] as { text: string }).text);
    await said(budi.id, /Thank you\. S-\d+/);

    const alert = String((await said(group.id, /S-\d+/)).params.text);
    expect(alert).not.toContain('-7.9271');
  });
});
