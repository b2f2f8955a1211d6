import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeBotApi } from '../support/fake-bot-api.ts';
import { type Running, startWithFake, stopAll } from '../support/telegram-bot.ts';

/** PUBLIC_CHANNEL end to end: the real process posts to the channel through its outbox and pacer. */

const ADMIN = FakeBotApi.user(900, 'en');
const CHANNEL = -1001234509001;

describe('the public Telegram channel', () => {
  let bot: Running;
  let fake: FakeBotApi;
  beforeAll(async () => {
    bot = await startWithFake({
      ADMINS: `telegram:${ADMIN.id}`,
      DEFAULT_LANGUAGE: 'en',
      PUBLIC_CHANNEL: String(CHANNEL),
    });
    fake = bot.fake;
  });
  afterAll(stopAll);

  it('receives public broadcasts and alerts through the outbox', async () => {
    fake.text(ADMIN, '/broadcast all Clean water at the Imogiri post from 15:00');
    await fake.waitFor(() => fake.sentTo(CHANNEL).includes('Clean water at the Imogiri post from 15:00'));
    fake.text(ADMIN, '/alert Bantul The Opak river is rising');
    await fake.waitFor(() => fake.sentTo(ADMIN.id).some((t) => /How urgent/.test(t)));
    for (const answer of ['skip', 'skip', 'skip', 'yes']) fake.text(ADMIN, answer);
    await fake.waitFor(() => fake.sentTo(CHANNEL).some((t) => t.includes('WARNING for DIY/Bantul')));
    expect(fake.sentTo(CHANNEL)).toHaveLength(2);
  });
});
