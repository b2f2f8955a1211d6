import { GrammyError, HttpError } from 'grammy';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import type { InboundMessage, OutboundMessage } from '../../src/domain/message.ts';
import { TransportError } from '../../src/engine/errors.ts';
import type { Intake } from '../../src/engine/transport.ts';
import { POLL_SILENCE_LIMIT_MS, TelegramTransport } from '../../src/transports/telegram/index.ts';
import { commandMenu } from '../../src/transports/telegram/menu.ts';
import { toTextSends, toTransportError } from '../../src/transports/telegram/outbound.ts';
import { translateUpdate, UpdateSchema } from '../../src/transports/telegram/updates.ts';
import { FakeBotApi } from '../support/fake-bot-api.ts';
import { FakeClock, Harness, silentLog } from '../support/harness.ts';

const user = {
  id: 42,
  is_bot: false,
  first_name: 'Ana',
  last_name: 'Sari',
  username: 'ana',
  language_code: 'id',
};
const privateChat = { id: 42, type: 'private' };
const group = { id: -100123, type: 'supergroup', title: 'Posko Imogiri' };

const translate = (update: Record<string, unknown>, bot = 'relief_bot') =>
  translateUpdate(UpdateSchema.parse({ update_id: 7, ...update }), bot);
const message = (fields: Record<string, unknown>, chat: object = privateChat, from: object = user) =>
  translate({ message: { message_id: 9, date: 1_700_000_000, chat, from, ...fields } })?.message;

describe('Telegram updates -> core messages', () => {
  it('identifies people by numeric id, never by username, and keeps stable message ids', () => {
    expect(message({ text: '/help' })).toEqual({
      chat: { transport: 'telegram', chatId: '42', kind: 'private' },
      messageId: 'm9',
      sender: { id: 'telegram:42', displayName: 'Ana Sari', languageHint: 'id' },
      at: 1_700_000_000_000,
      content: { kind: 'text', text: '/help' },
    });
  });

  it('keeps when a forwarded message was first written (forward_origin, or the older forward_date)', () => {
    const origin = { type: 'hidden_user', sender_user_name: 'X', date: 1_699_000_000 };
    expect(message({ text: 'butuh air', forward_origin: origin }, group)?.forwarded).toEqual({
      at: 1_699_000_000_000,
    });
    expect(message({ text: 'butuh air', forward_date: 1_698_000_000 }, group)?.forwarded).toEqual({
      at: 1_698_000_000_000,
    });
    expect(message({ text: 'butuh air' }, group)?.forwarded).toBeUndefined();
  });

  it('marks the anonymous group admin and channel posts as pseudo-senders', () => {
    const anon = { id: 1087968824, is_bot: true, first_name: 'Group' };
    expect(message({ text: '/register' }, group, anon)?.sender.pseudo).toBe(true);
    expect(
      message({ text: 'hi' }, group, { id: 777000, is_bot: false, first_name: 'Telegram' })?.sender.pseudo,
    ).toBe(true);
    expect(message({ text: 'hi', sender_chat: { id: -1001, type: 'channel' } }, group)?.sender.pseudo).toBe(
      true,
    );
    expect(message({ text: 'hi' }, group)?.sender.pseudo).toBeUndefined();
  });

  it('reads locations, venues and contacts, telling an own contact from someone else', () => {
    expect(message({ location: { latitude: -7.9, longitude: 110.4 } })?.content).toEqual({
      kind: 'location',
      lat: -7.9,
      lon: 110.4,
    });
    expect(
      message({
        location: { latitude: -7.9, longitude: 110.4 },
        venue: { location: { latitude: -7.9, longitude: 110.4 }, title: 'Masjid', address: 'Jl. Imogiri' },
      })?.content,
    ).toEqual({ kind: 'location', lat: -7.9, lon: 110.4, title: 'Masjid, Jl. Imogiri' });
    expect(message({ contact: { phone_number: '+62812', user_id: 42, first_name: 'A' } })?.content).toEqual({
      kind: 'contact',
      phone: '+62812',
      own: true,
    });
    expect(message({ contact: { phone_number: '+62813', first_name: 'B' } })?.content).toMatchObject({
      own: false,
    });
  });

  it('names what it cannot read, and drops commands meant for another bot', () => {
    expect(message({ voice: { file_id: 'v' } })?.content).toEqual({ kind: 'unsupported', what: 'voice' });
    expect(message({ photo: [] })?.content).toEqual({ kind: 'unsupported', what: 'photo' });
    expect(message({ text: '/help@Other_Bot' }, group)).toBeUndefined();
    expect(message({ text: '/help@Relief_Bot' }, group)?.content).toEqual({
      kind: 'text',
      text: '/help@Relief_Bot',
    });
    expect(message({ text: 'news' }, { id: -1005, type: 'channel' })).toBeUndefined();
  });

  it('turns a button press into a choice, keyed by the callback query id', () => {
    const pressed = translate({
      callback_query: {
        id: 'q1',
        from: user,
        data: '/lang en',
        message: { message_id: 3, chat: privateChat },
      },
    });
    expect(pressed?.callbackQueryId).toBe('q1');
    expect(pressed?.message).toMatchObject({
      messageId: 'cbq1',
      content: { kind: 'choice', value: '/lang en' },
    });
    const numbered = translate({
      callback_query: { id: 'q2', from: user, data: '#3', message: { message_id: 3, chat: privateChat } },
    });
    expect(numbered?.message.content).toEqual({ kind: 'text', text: '3' });
  });

  it('reports the bot added to or removed from a group, and ignores it in private chats', () => {
    const member = (status: string, chat: object) =>
      translate({ my_chat_member: { chat, from: user, date: 1, new_chat_member: { status, user } } });
    expect(member('member', group)?.message.content).toEqual({
      kind: 'membership',
      change: 'joined',
      title: 'Posko Imogiri',
    });
    expect(member('kicked', group)?.message.content).toMatchObject({ change: 'left' });
    expect(member('kicked', privateChat)).toBeNull();
  });

  it('rejects malformed updates at the edge', () => {
    expect(UpdateSchema.safeParse({ update_id: 1, message: { chat: 'x' } }).success).toBe(false);
    expect(UpdateSchema.safeParse({ message: {} }).success).toBe(false);
  });
});

describe('core messages -> Telegram calls', () => {
  const labels = { location: 'Share location', contact: 'Share number' };
  const out = (fields: Partial<OutboundMessage>): OutboundMessage => ({
    id: 1,
    chat: { transport: 'telegram', chatId: '42', kind: 'private' },
    kind: 'reply',
    text: 'hi',
    ...fields,
  });

  it('renders choices as an inline keyboard on the last part, long values by their number', () => {
    const long = 'x'.repeat(40);
    const sends = toTextSends(
      out({
        text: 'a'.repeat(5000),
        choices: [
          { value: '/lang en', label: 'English' },
          { value: `${long}ééééééééééééé`, label: 'Long' },
        ],
      }),
      labels,
    );
    expect(sends).toHaveLength(2);
    expect(sends[0]!.replyMarkup).toBeUndefined();
    expect(sends[1]!.replyMarkup).toEqual({
      inline_keyboard: [
        [{ text: 'English', callback_data: '/lang en' }],
        [{ text: 'Long', callback_data: '#2' }],
      ],
    });
  });

  it('asks for a location or a contact with a one-time reply keyboard', () => {
    expect(toTextSends(out({ ask: 'location' }), labels)[0]!.replyMarkup).toEqual({
      keyboard: [[{ text: 'Share location', request_location: true }]],
      resize_keyboard: true,
      one_time_keyboard: true,
    });
    expect(toTextSends(out({ ask: 'contact' }), labels)[0]!.replyMarkup).toMatchObject({
      keyboard: [[{ request_contact: true }]],
    });
    expect(
      toTextSends(out({ ask: 'contact', choices: [{ value: 'skip', label: 'Skip' }] }), labels)[0]!
        .replyMarkup,
    ).toMatchObject({ keyboard: [[{ request_contact: true }], [{ text: 'Skip' }]] });
    expect(toTextSends(out({}), labels)[0]!.replyMarkup).toEqual({ remove_keyboard: true });
  });

  it('wraps platform failures for the outbox: 429 waits, 5xx and network retry, 403 blocked is unreachable', () => {
    const api = (code: number, description: string, retry_after?: number) =>
      new GrammyError(
        'failed',
        { ok: false, error_code: code, description, ...(retry_after ? { parameters: { retry_after } } : {}) },
        'sendMessage',
        {},
      );
    expect(toTransportError(api(429, 'Too Many Requests', 7))).toMatchObject({
      retryable: true,
      retryAfterMs: 7000,
    });
    expect(toTransportError(api(502, 'Bad Gateway'))).toMatchObject({ retryable: true, unreachable: false });
    expect(toTransportError(api(403, 'Forbidden: bot was blocked by the user'))).toMatchObject({
      unreachable: true,
    });
    expect(toTransportError(api(403, 'Forbidden: bot was kicked from the group chat'))).toMatchObject({
      unreachable: true,
    });
    expect(toTransportError(api(400, 'Bad Request: message text is empty'))).toMatchObject({
      retryable: false,
      unreachable: false,
    });
    const network = toTransportError(new HttpError('Network request failed', new Error('ECONNRESET')));
    expect(network).toBeInstanceOf(TransportError);
    expect(network.retryable).toBe(true);
  });

  it('builds the command menu per language within Telegram limits', () => {
    const phrases = { languages: ['en', 'id'], t: (lang: string, key: string) => `${lang}:${key}` };
    const en = commandMenu(commands, phrases, 'en');
    const id = commandMenu(commands, phrases, 'id');
    expect(en.find((c) => c.command === 'help')?.description).toBe('en:cmd-help');
    expect(id.find((c) => c.command === 'bantuan')?.description).toBe('id:cmd-help');
    for (const menu of [en, id]) {
      expect(menu.length).toBeLessThanOrEqual(100);
      expect(menu.every((c) => /^[a-z0-9_]{1,32}$/.test(c.command) && c.description.length <= 256)).toBe(
        true,
      );
    }
  });
});

describe('the transport in process', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function setUp(options: { webhookUrl?: string; intake?: Intake; fake?: FakeBotApi } = {}) {
    const fake = options.fake ?? (await FakeBotApi.start());
    const h = new Harness();
    const clock = new FakeClock();
    const t = new TelegramTransport({
      token: fake.token,
      apiRoot: fake.apiRoot,
      defaultLanguage: 'en',
      commands,
      phrases: h.catalog,
      log: silentLog,
      clock: clock.fn,
      pollTimeoutSeconds: 1,
      ...(options.webhookUrl ? { webhookUrl: options.webhookUrl, webhookSecret: 'sekret' } : {}),
    });
    cleanups.push(
      () => fake.close(),
      () => h.close(),
      () => t.stop(),
    );
    await t.start(options.intake ?? h.core);
    return { fake, h, clock, t };
  }

  it('turns unhealthy when no getUpdates has succeeded for five minutes', async () => {
    const { fake, clock, t } = await setUp();
    await fake.waitFor(() => fake.callsOf('getUpdates').length > 0);
    expect(t.health()).toEqual({ ok: true, state: 'polling' });
    fake.fail('getUpdates', { code: 502 }, 1000);
    await fake.waitFor(() => fake.callsOf('getUpdates').some((c) => c.failed), 5000);
    clock.advance(POLL_SILENCE_LIMIT_MS - 1000);
    expect(t.health().ok).toBe(true);
    clock.advance(2000);
    expect(t.health()).toMatchObject({ ok: false, state: 'polling' });
  });

  it('checks the webhook secret, skips malformed bodies, and answers 500 when the ledger fails', async () => {
    const received: InboundMessage[][] = [];
    let failing = false;
    const intake: Intake = {
      receive(batch) {
        if (failing) throw new Error('disk full');
        received.push(batch as InboundMessage[]);
        return { recorded: batch.length, duplicates: 0, invalid: 0 };
      },
      recordDeliveryStatuses() {},
    };
    const { fake, t } = await setUp({ webhookUrl: 'https://relief.example.org/tg/hook', intake });
    expect(t.webhookPath).toBe('/tg/hook');
    await fake.waitFor(() => t.health().ok);
    expect(fake.webhook).toEqual({ url: 'https://relief.example.org/tg/hook', secret: 'sekret' });
    const body = JSON.stringify({
      update_id: 1,
      message: { message_id: 1, date: 1, chat: privateChat, from: user, text: 'hi' },
    });
    expect(await t.handleWebhook('wrong', body)).toBe(401);
    expect(await t.handleWebhook(undefined, body)).toBe(401);
    expect(await t.handleWebhook('sekret', '{not json')).toBe(200);
    expect(await t.handleWebhook('sekret', '{"update_id":"x"}')).toBe(200);
    expect(received).toHaveLength(0);
    expect(await t.handleWebhook('sekret', body)).toBe(200);
    expect(received).toHaveLength(1);
    // Group commit: updates that arrive together are recorded by one receive, each answered after it.
    const update = (n: number) =>
      JSON.stringify({
        update_id: 10 + n,
        message: { message_id: 10 + n, date: 1, chat: privateChat, from: user, text: `hi ${n}` },
      });
    const answers = [1, 2, 3].map((n) => t.handleWebhook('sekret', update(n)));
    expect(received).toHaveLength(1);
    expect(await Promise.all(answers)).toEqual([200, 200, 200]);
    expect(received.map((b) => b.length)).toEqual([1, 3]);
    failing = true;
    expect(await t.handleWebhook('sekret', body)).toBe(500);
  });

  it('tells /listen on when privacy mode hides the group, until the bot is an admin there', async () => {
    const fake = await FakeBotApi.start();
    fake.readsAllGroupMessages = false;
    cleanups.push(() => fake.close());
    const { h, clock } = await setUp({ fake });
    h.grant('telegram:42', 'coordinator');
    const write = async (text: string) => {
      const before = h.count('inbox');
      fake.message(user as never, { text }, group as never);
      await fake.waitFor(() => h.count('inbox') > before);
      return h
        .newRows()
        .map((r) => r.text)
        .join('\n');
    };
    await write('/register rescue Imogiri');
    expect(await write('/listen on')).toContain('/setprivacy');
    expect(h.ledger.groups.get(1)?.listening).toBe(false);
    expect(fake.callsOf('getChatMember')).toHaveLength(1);
    fake.adminIn.add(String(group.id));
    clock.advance(61_000);
    expect(await write('/listen on')).toContain('I now read the messages here');
    expect(h.ledger.groups.get(1)?.listening).toBe(true);
  });

  it('sends a file with sendDocument, its text as caption', async () => {
    const { fake, t } = await setUp();
    const result = await t.send({
      id: 1,
      chat: { transport: 'telegram', chatId: '42', kind: 'private' },
      kind: 'reply',
      text: 'Export R-1..R-3',
      file: { name: 'requests.csv', mime: 'text/csv', content: 'id,status\nR-1,new\n' },
    });
    const call = await fake.waitFor(() => fake.callsOf('sendDocument')[0]);
    expect(call.params).toMatchObject({
      chat_id: 42,
      caption: 'Export R-1..R-3',
      document: { filename: 'requests.csv', content: 'id,status\nR-1,new\n' },
    });
    expect(result.platformMessageId).toMatch(/^\d+$/);
  });
});
