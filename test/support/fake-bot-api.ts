import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A Telegram Bot API server on loopback that speaks the real protocol (`POST /bot<token>/<method>`,
 * JSON in and out): getMe (with privacy mode), getChatMember, getUpdates with offset confirmation and long polling, setWebhook pushing
 * updates with the secret header (redelivering on a non-2xx answer), deleteWebhook, and the send
 * methods, each recorded; getFile and the download of a file under `/file/bot<token>/<path>`. `fail` makes chosen calls answer 429 with retry_after, 5xx or 403.
 */

export interface ApiCall {
  method: string;
  params: Record<string, unknown>;
  /** The error code answered instead of success, if this call was made to fail. */
  failed?: number;
  /** When it arrived (performance.now), to measure pacing. */
  at: number;
  /** What was answered on success (a send's Message, with its message_id). */
  result?: unknown;
}

/** A message the bot sent, as the fake keeps it: edits change its keyboard. */
export interface SentMessage {
  message_id: number;
  chat_id: string;
  text?: string;
  reply_markup?: unknown;
}

export interface FakeUser {
  id: number;
  is_bot: false;
  first_name: string;
  language_code?: string;
}

export interface FakeChat {
  id: number;
  type: 'private' | 'group' | 'supergroup';
  title?: string;
}

type Update = { update_id: number } & Record<string, unknown>;

export type Failure =
  | { code: 429; retryAfter: number }
  | { code: 500 | 502 }
  | { code: 403; description?: string }
  | { code: 400; description: string; parameters?: Record<string, unknown> };

interface FailRule {
  method: string;
  chatId?: string;
  times: number;
  failure: Failure;
}

const BOT_USERNAME = 'relief_test_bot';

export class FakeBotApi {
  readonly calls: ApiCall[] = [];
  /** Webhook deliveries, in order: the update and the status the bot answered. */
  readonly deliveries: { updateId: number; status: number }[] = [];
  /** Every update ever pushed, by id (for `redeliver`). */
  readonly history = new Map<number, Update>();
  webhook: { url: string; secret?: string } | undefined;
  private pending: Update[] = [];
  private nextUpdateId = 5000;
  private nextMessageId = 1;
  private pollWaiters = new Set<() => void>();
  private failRules: FailRule[] = [];
  /**
   * Consulted for every call before the `fail` rules, at the moment the call arrives: a platform's
   * limits (test/bench/telegram-limits.ts) answer a call over them with a failure, as Telegram would.
   */
  admit: ((method: string, params: Record<string, unknown>, at: number) => Failure | undefined) | undefined;
  private readonly sentMessages = new Map<string, SentMessage>();
  /**
   * Webhook requests in flight at once (Telegram's `max_connections`, 40 by default there): one keeps
   * the updates in order, more let several processes behind a load balancer take them at once.
   */
  webhookConnections = 1;
  /**
   * getMe's `can_read_all_group_messages`: false is a bot in privacy mode (Telegram's default for a new
   * bot), which sees a group's messages only where it is an admin (`adminIn`, chat ids).
   */
  readsAllGroupMessages = true;
  readonly adminIn = new Set<string>();
  private deliverers = 0;
  private readonly inDelivery = new Set<number>();
  private closed = false;
  /** Files people sent, by file_id: what getFile describes and `/file/bot<token>/<path>` serves. */
  private readonly files = new Map<string, { path: string; bytes: Buffer }>();
  /** Files whose download is never answered (a process killed while it waits). */
  private readonly heldFiles = new Set<string>();

  private constructor(
    private readonly server: Server,
    readonly token: string,
  ) {}

  static async start(token = '123:abc'): Promise<FakeBotApi> {
    const server = createServer();
    const fake = new FakeBotApi(server, token);
    server.on('request', (req, res) => void fake.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get apiRoot(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  static user(id: number, language_code?: string): FakeUser {
    return { id, is_bot: false, first_name: `User${id}`, ...(language_code ? { language_code } : {}) };
  }

  static privateChat(user: FakeUser): FakeChat {
    return { id: user.id, type: 'private' };
  }

  /** Queues an update (or pushes it to the webhook); returns its update_id. */
  push(update: Record<string, unknown>): number {
    const full = { update_id: this.nextUpdateId++, ...update };
    this.history.set(full.update_id, full);
    this.pending.push(full);
    this.wakePollers();
    return full.update_id;
  }

  /** A message from `from` in `chat` (default: their private chat); `fields` is text, location, contact... */
  message(from: FakeUser, fields: Record<string, unknown>, chat: FakeChat = FakeBotApi.privateChat(from)) {
    const message_id = this.nextMessageId++;
    const updateId = this.push({
      message: { message_id, date: Math.floor(Date.now() / 1000), chat, from, ...fields },
    });
    return { updateId, messageId: message_id };
  }

  /**
   * Makes `bytes` a file on the server; returns what a message carries of it (`file_id`, `file_size`).
   * `statedSize` overrides the size the message states (a file Telegram says is larger).
   */
  addFile(
    bytes: Buffer,
    statedSize?: number,
  ): { file_id: string; file_unique_id: string; file_size: number } {
    const file_id = `file-${randomUUID()}`;
    this.files.set(file_id, { path: `files/${file_id}.bin`, bytes });
    return { file_id, file_unique_id: file_id.slice(5, 13), file_size: statedSize ?? bytes.byteLength };
  }

  /** The download of this file hangs: the request is taken and never answered. */
  holdFile(fileId: string): void {
    const file = this.files.get(fileId);
    if (file) this.heldFiles.add(file.path);
  }

  text(from: FakeUser, text: string, chat?: FakeChat) {
    return this.message(from, { text }, chat);
  }

  /**
   * `from` presses an inline button carrying `data`, under the bot's message `on` (a sent message, as
   * `sent` returns it) or under some earlier message.
   */
  press(
    from: FakeUser,
    data: string,
    chat: FakeChat = FakeBotApi.privateChat(from),
    on?: SentMessage,
  ): string {
    const id = randomUUID();
    const message = on
      ? { ...on, chat_id: undefined, date: Math.floor(Date.now() / 1000), chat }
      : { message_id: this.nextMessageId++, date: Math.floor(Date.now() / 1000), chat };
    this.push({ callback_query: { id, from, chat_instance: '1', data, message } });
    return id;
  }

  /** A message the bot sent, as it is now (edits applied). */
  sent(chatId: number, messageId: number): SentMessage | undefined {
    return this.sentMessages.get(`${chatId}:${messageId}`);
  }

  /** The messages the bot sent to one chat that still carry an inline keyboard. */
  withKeyboard(chatId: number): SentMessage[] {
    return [...this.sentMessages.values()].filter(
      (m) =>
        m.chat_id === String(chatId) &&
        m.reply_markup !== undefined &&
        'inline_keyboard' in (m.reply_markup as object),
    );
  }

  /**
   * Sends an already confirmed update again, as Telegram does when a confirmation was lost (the bot
   * died after committing, before its next getUpdates).
   */
  redeliver(updateId: number): void {
    const update = this.history.get(updateId);
    if (!update) throw new Error(`no update ${updateId}`);
    this.pending.push(update);
    this.wakePollers();
  }

  fail(method: string, failure: Failure, times = 1, chatId?: number): void {
    this.failRules.push({
      method,
      failure,
      times,
      ...(chatId === undefined ? {} : { chatId: String(chatId) }),
    });
  }

  /**
   * Upgrades a group to a supergroup as Telegram does: from now on every send to the old id is
   * refused with 400 and the new id in `parameters.migrate_to_chat_id`. The service messages
   * (`migrate_to_chat_id` in the old chat, `migrate_from_chat_id` in the new) are the caller's to push.
   */
  upgradeToSupergroup(group: FakeChat, newId: number): FakeChat {
    for (const method of ['sendMessage', 'sendDocument', 'sendLocation'])
      this.fail(
        method,
        {
          code: 400,
          description: 'Bad Request: group chat was upgraded to a supergroup chat',
          parameters: { migrate_to_chat_id: newId },
        },
        Number.POSITIVE_INFINITY,
        group.id,
      );
    return { id: newId, type: 'supergroup', ...(group.title ? { title: group.title } : {}) };
  }

  /** Makes every call succeed again. */
  clearFailures(): void {
    this.failRules = [];
  }

  /** The texts sent to one chat, in order (successful sendMessage calls only). */
  sentTo(chatId: number): string[] {
    return this.callsOf('sendMessage')
      .filter((c) => !c.failed && String(c.params.chat_id) === String(chatId))
      .map((c) => String(c.params.text));
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  unconfirmed(): number {
    return this.pending.length;
  }

  /** Resolves when `check` returns something truthy; rejects after `timeoutMs` with the calls so far. */
  async waitFor<T>(check: () => T | undefined | false, timeoutMs = 30_000): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const v = check();
      if (v) return v;
      if (Date.now() > until) {
        const seen = this.calls.map((c) => `${c.method}${c.failed ? `(${c.failed})` : ''}`).join(', ');
        throw new Error(`timed out waiting; calls so far: ${seen}`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wakePollers();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private wakePollers(): void {
    for (const w of this.pollWaiters) w();
    this.pollWaiters.clear();
    if (this.webhook) this.deliver();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(req.url ?? '');
    if (download) return this.serveFile(res, download[1]!, download[2]!);
    const m = /^\/bot([^/]+)\/(\w+)$/.exec((req.url ?? '').split('?')[0] ?? '');
    if (!m || m[1] !== this.token)
      return answer(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    const method = m[2]!;
    const params = await readParams(req);
    const call: ApiCall = { method, params, at: performance.now() };
    this.calls.push(call);
    const failure = this.admit?.(method, params, call.at) ?? this.failureFor(method, params);
    if (failure) {
      call.failed = failure.code;
      return answer(res, failure.code, errorBody(failure));
    }
    const result = await this.result(method, params, req);
    if (result === undefined)
      return answer(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    if (result instanceof Conflict)
      return answer(res, 409, { ok: false, error_code: 409, description: result.description });
    if (result instanceof BadRequest) {
      call.failed = 400;
      return answer(res, 400, { ok: false, error_code: 400, description: result.description });
    }
    call.result = result;
    answer(res, 200, { ok: true, result });
  }

  private serveFile(res: ServerResponse, token: string, path: string): void {
    const entry = [...this.files.entries()].find(([, f]) => f.path === path);
    this.calls.push({ method: 'file', params: { path }, at: performance.now() });
    if (token !== this.token || !entry) {
      answer(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      return;
    }
    if (this.heldFiles.has(path)) return;
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': entry[1].bytes.byteLength,
    });
    res.end(entry[1].bytes);
  }

  private failureFor(method: string, params: Record<string, unknown>): Failure | undefined {
    const rule = this.failRules.find(
      (r) =>
        r.times > 0 && r.method === method && (r.chatId === undefined || r.chatId === String(params.chat_id)),
    );
    if (!rule) return undefined;
    rule.times--;
    return rule.failure;
  }

  private async result(method: string, p: Record<string, unknown>, req: IncomingMessage): Promise<unknown> {
    const sentMessage = () => {
      const message_id = this.nextMessageId++;
      this.sentMessages.set(`${p.chat_id}:${message_id}`, {
        message_id,
        chat_id: String(p.chat_id),
        ...(typeof p.text === 'string' ? { text: p.text } : {}),
        ...(p.reply_markup === undefined ? {} : { reply_markup: p.reply_markup }),
      });
      return {
        message_id,
        date: Math.floor(Date.now() / 1000),
        chat: { id: Number(p.chat_id), type: Number(p.chat_id) < 0 ? 'group' : 'private' },
        ...(typeof p.text === 'string' ? { text: p.text } : {}),
      };
    };
    switch (method) {
      case 'getMe':
        return {
          id: Number(this.token.split(':')[0]),
          is_bot: true,
          first_name: 'Relief',
          username: BOT_USERNAME,
          can_read_all_group_messages: this.readsAllGroupMessages,
        };
      case 'getChatMember':
        return {
          status: this.adminIn.has(String(p.chat_id)) ? 'administrator' : 'member',
          user: { id: Number(p.user_id), is_bot: true, first_name: 'Relief' },
        };
      case 'getUpdates':
        return this.getUpdates(p, req);
      case 'setWebhook':
        this.webhook = {
          url: String(p.url),
          ...(typeof p.secret_token === 'string' ? { secret: p.secret_token } : {}),
        };
        setImmediate(() => this.deliver());
        return true;
      case 'deleteWebhook':
        this.webhook = undefined;
        if (p.drop_pending_updates) this.pending = [];
        return true;
      case 'sendMessage':
      case 'sendDocument':
      case 'sendLocation':
      case 'sendPhoto':
      case 'sendVoice':
      case 'sendAudio':
      case 'sendVideo':
        return sentMessage();
      case 'getFile': {
        const file = this.files.get(String(p.file_id));
        if (!file) return new BadRequest('Bad Request: invalid file_id');
        // The Bot API downloads at most 20 MB.
        if (file.bytes.byteLength > 20 * 1024 * 1024) return new BadRequest('Bad Request: file is too big');
        return {
          file_id: p.file_id,
          file_unique_id: 'u',
          file_size: file.bytes.byteLength,
          file_path: file.path,
        };
      }
      case 'editMessageReplyMarkup':
        return this.editReplyMarkup(p);
      case 'editMessageText':
        return this.editText(p);
      case 'answerCallbackQuery':
      case 'setMyCommands':
      case 'deleteMyCommands':
        return true;
      default:
        return undefined;
    }
  }

  /** As Telegram answers it: 400 for an unknown message, or for a text that would not change. */
  private editText(p: Record<string, unknown>): unknown {
    const message = this.sentMessages.get(`${p.chat_id}:${p.message_id}`);
    if (!message) return new BadRequest('Bad Request: message to edit not found');
    if (message.text === p.text)
      return new BadRequest(
        'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
      );
    message.text = String(p.text);
    return { ...message, chat: { id: Number(p.chat_id) }, date: Math.floor(Date.now() / 1000) };
  }

  /** As Telegram answers it: 400 for an unknown message, or for a markup that would not change. */
  private editReplyMarkup(p: Record<string, unknown>): unknown {
    const message = this.sentMessages.get(`${p.chat_id}:${p.message_id}`);
    if (!message) return new BadRequest('Bad Request: message to edit not found');
    if (JSON.stringify(message.reply_markup) === JSON.stringify(p.reply_markup))
      return new BadRequest(
        'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
      );
    if (p.reply_markup === undefined) delete message.reply_markup;
    else message.reply_markup = p.reply_markup;
    return { ...message, chat: { id: Number(p.chat_id) }, date: Math.floor(Date.now() / 1000) };
  }

  private async getUpdates(p: Record<string, unknown>, req: IncomingMessage): Promise<unknown> {
    if (this.webhook) return new Conflict("Conflict: can't use getUpdates method while webhook is active");
    const offset = typeof p.offset === 'number' ? p.offset : 0;
    // Calling getUpdates with an offset confirms every update below it: Telegram forgets them.
    this.pending = this.pending.filter((u) => u.update_id >= offset);
    const timeoutS = typeof p.timeout === 'number' ? p.timeout : 0;
    const limit = typeof p.limit === 'number' ? p.limit : 100;
    if (this.pending.length === 0 && timeoutS > 0 && !this.closed) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, timeoutS * 1000);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.pollWaiters.add(done);
        req.once('close', done);
      });
    }
    return this.pending.slice(0, limit);
  }

  /**
   * Pushes pending updates to the webhook, `webhookConnections` at a time (one: in order, each after
   * the one before was answered); a non-2xx answer keeps the update for later.
   */
  private deliver(): void {
    while (this.webhook && !this.closed && this.deliverers < this.webhookConnections) {
      this.deliverers++;
      void this.deliverInTurn().finally(() => this.deliverers--);
    }
  }

  private async deliverInTurn(): Promise<void> {
    for (;;) {
      const update = this.pending.find((u) => !this.inDelivery.has(u.update_id));
      if (!this.webhook || this.closed || !update) return;
      this.inDelivery.add(update.update_id);
      let status = 0;
      try {
        const res = await fetch(this.webhook.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(this.webhook.secret ? { 'x-telegram-bot-api-secret-token': this.webhook.secret } : {}),
          },
          body: JSON.stringify(update),
        });
        status = res.status;
      } catch {
        status = 0;
      }
      this.inDelivery.delete(update.update_id);
      this.deliveries.push({ updateId: update.update_id, status });
      if (status >= 200 && status < 300) this.pending = this.pending.filter((u) => u !== update);
      else await new Promise((r) => setTimeout(r, 200));
    }
  }
}

class Conflict {
  constructor(readonly description: string) {}
}

class BadRequest {
  constructor(readonly description: string) {}
}

function errorBody(f: Failure) {
  switch (f.code) {
    case 429:
      return {
        ok: false,
        error_code: 429,
        description: `Too Many Requests: retry after ${f.retryAfter}`,
        parameters: { retry_after: f.retryAfter },
      };
    case 403:
      return {
        ok: false,
        error_code: 403,
        description: f.description ?? 'Forbidden: bot was blocked by the user',
      };
    case 400:
      return {
        ok: false,
        error_code: 400,
        description: f.description,
        ...(f.parameters ? { parameters: f.parameters } : {}),
      };
    default:
      return { ok: false, error_code: f.code, description: 'Internal Server Error' };
  }
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** JSON bodies (what grammY sends without files), query strings, and the fields of a multipart upload. */
async function readParams(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req as AsyncIterable<Buffer>) chunks.push(c);
  const body = Buffer.concat(chunks).toString('utf8');
  const query = Object.fromEntries(new URL(req.url ?? '/', 'http://x').searchParams);
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/json') && body) return { ...query, ...(JSON.parse(body) as object) };
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
  if (!boundary) return query;
  const params: Record<string, unknown> = { ...query };
  for (const part of body.split(`--${boundary[1] ?? boundary[2]}`)) {
    const head = /name="([^"]+)"(?:;\s*filename="?([^";\r\n]*)"?)?/.exec(part);
    if (!head) continue;
    const value = part.slice(part.indexOf('\r\n\r\n') + 4).replace(/\r\n$/, '');
    params[head[1]!] = head[2] !== undefined ? { filename: head[2], content: value } : parseField(value);
  }
  // Files travel as their own parts, referred to as `attach://<part name>`.
  for (const [k, v] of Object.entries(params)) {
    if (typeof v === 'string' && v.startsWith('attach://')) params[k] = params[v.slice(9)];
  }
  return params;
}

function parseField(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
