import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeBotApi, type SentMessage } from '../support/fake-bot-api.ts';
import { type Running, startWithFake, stopAll } from '../support/telegram-bot.ts';

/**
 * Inline keyboards on Telegram (issue 18): a pressed keyboard leaves its message, and the skills of
 * /volunteer are chosen several at a time with buttons, then Done.
 */

type Markup = { inline_keyboard?: { text: string; callback_data: string }[][] };
const buttons = (m: SentMessage | undefined) =>
  ((m?.reply_markup as Markup | undefined)?.inline_keyboard ?? []).flat();

describe('Telegram inline keyboards', () => {
  let bot: Running;
  let fake: FakeBotApi;
  beforeAll(async () => {
    bot = await startWithFake({ DEFAULT_LANGUAGE: 'en' });
    fake = bot.fake;
  });
  afterAll(stopAll);

  /** The next message the bot sends `chatId` after the `seen` ones, as the fake keeps it. */
  async function next(chatId: number, seen: number): Promise<SentMessage> {
    const call = await fake.waitFor(
      () =>
        fake.callsOf('sendMessage').filter((c) => !c.failed && String(c.params.chat_id) === String(chatId))[
          seen
        ],
    );
    const { message_id } = call.result as { message_id: number };
    return fake.sent(chatId, message_id)!;
  }

  it('takes the keyboard away from the message whose button was pressed', async () => {
    const siti = FakeBotApi.user(801, 'en');
    fake.text(siti, '/lang');
    const question = await next(siti.id, 0);
    expect(buttons(question).map((b) => b.callback_data)).toEqual(['/lang en', '/lang id']);
    fake.press(siti, '/lang id', undefined, question);
    expect((await next(siti.id, 1)).text).toContain('Bahasa Indonesia');
    await fake.waitFor(() => fake.withKeyboard(siti.id).length === 0);
    const edit = fake
      .callsOf('editMessageReplyMarkup')
      .find((c) => c.params.message_id === question.message_id);
    expect(edit).toMatchObject({ params: { chat_id: siti.id } });
    expect(edit!.failed).toBeUndefined();
    expect(edit!.params.reply_markup).toBeUndefined();
  });

  it('lets a volunteer press several skills, marked ✓, then Done', async () => {
    const budi = FakeBotApi.user(802, 'en');
    let seen = 0;
    fake.text(budi, '/volunteer');
    const name = await next(budi.id, seen++);
    fake.press(budi, buttons(name)[0]!.callback_data, undefined, name);

    const skills = await next(budi.id, seen++);
    expect(skills.text).toContain('What can you do?');
    expect(buttons(skills).map((b) => b.text)).not.toContain('Done');
    fake.press(budi, 'boat', undefined, skills);

    const afterBoat = await next(budi.id, seen++);
    expect(afterBoat.text).toContain('Chosen so far: boat');
    expect(buttons(afterBoat).map((b) => b.text)).toEqual(expect.arrayContaining(['✓ boat', 'Done']));
    fake.press(budi, 'medical', undefined, afterBoat);

    const afterMedical = await next(budi.id, seen++);
    expect(buttons(afterMedical).map((b) => b.text)).toEqual(
      expect.arrayContaining(['✓ medical', '✓ boat', 'Done']),
    );
    fake.press(budi, 'done', undefined, afterMedical);
    expect((await next(budi.id, seen++)).text).toContain('Where can you help?');
    // The pressed questions lost their buttons (the area question's are a reply keyboard).
    await fake.waitFor(() => fake.withKeyboard(budi.id).length === 0);

    fake.text(budi, 'Imogiri');
    await next(budi.id, seen++);
    fake.text(budi, '1');
    await next(budi.id, seen++);
    fake.text(budi, 'No');
    expect((await next(budi.id, seen++)).text).toMatch(/You are volunteer V-\d+[\s\S]*medical, boat/);
  });
});
