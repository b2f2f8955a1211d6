import { createHash } from 'node:crypto';
import { autoRetry } from '@grammyjs/auto-retry';
import { Api, GrammyError, InputFile } from 'grammy';
import type { LanguageCode } from 'grammy/types';
import type { Logger } from 'pino';
import type { InboundMessage, OutboundFile, OutboundMessage, StoredMedia } from '../../domain/message.ts';
import type { Command } from '../../engine/command.ts';
import { StartError } from '../../engine/errors.ts';
import type { MediaStore } from '../../engine/media-store.ts';
import { sameSecret } from '../../engine/same-secret.ts';
import type { Intake, SendResult, Transport, TransportHealth } from '../../engine/transport.ts';
import { commandMenu, type Phrases } from './menu.ts';
import { MAX_CAPTION, MAX_TEXT, type ShareLabels, toTextSends, toTransportError } from './outbound.ts';
import {
  ALLOWED_UPDATES,
  type MediaToFetch,
  type Translated,
  translateUpdate,
  UpdateSchema,
} from './updates.ts';

export interface TelegramOptions {
  token: string;
  apiRoot: string;
  /** Set: webhook mode (the caller routes POSTs on `webhookPath` to `handleWebhook`). Unset: long polling. */
  webhookUrl?: string;
  webhookSecret?: string;
  defaultLanguage: string;
  commands: readonly Command[];
  phrases: Phrases;
  log: Logger;
  clock?: () => number;
  pollTimeoutSeconds?: number;
  /** Where photos and voice notes go; without it they are answered as a kind the bot cannot read. */
  media?: MediaStore;
}

/** Telegram keeps undelivered updates 24 h only: five silent minutes of polling is an outage to notice. */
export const POLL_SILENCE_LIMIT_MS = 5 * 60_000;

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

/** grammY types its signal with a polyfill's class; node's own AbortSignal is what it gets at run time. */
type ApiSignal = Parameters<Api['getMe']>[0];
const apiSignal = (s: AbortSignal) => s as unknown as ApiSignal;

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * The Telegram adapter: updates in, messages out, through grammY's typed `Api` client. It decides
 * nothing: every update goes to the core's intake, every send comes from the outbox.
 *
 * Polling is our own loop over getUpdates rather than @grammyjs/runner: the runner confirms an offset
 * when it fetches, before handlers run, so a kill would drop up to a batch. Here the next getUpdates
 * confirms a batch only after `intake.receive` committed it. `receive` is synchronous (one SQLite
 * transaction), so concurrent fetching would gain nothing, and one loop keeps each chat's order.
 */
export class TelegramTransport implements Transport {
  readonly name = 'telegram' as const;
  readonly api: Api;
  private readonly clock: () => number;
  private readonly secret: string;
  private readonly abort = new AbortController();
  private intake: Intake | undefined;
  private botUsername: string | undefined;
  private botId: number | undefined;
  /** getMe's `can_read_all_group_messages`: false in privacy mode, when only an admin bot sees a group. */
  private readsAllGroups: boolean | undefined;
  /** Whether the bot is admin of a group, asked once a minute at most per group (only for commands there). */
  private readonly adminOf = new Map<string, { admin: boolean; at: number }>();
  private offset: number | undefined;
  private running: Promise<void> | undefined;
  private lastPollOk: number;
  private webhookSet = false;
  private stopped = false;
  /** Webhook updates waiting for the next group commit, each with its request's answer. */
  private readonly webhookQueue: { raw: unknown; answer: (status: number) => void }[] = [];
  /** The webhook's group commits, one after another (a commit may wait for a download). */
  private committing: Promise<void> = Promise.resolve();

  constructor(private readonly options: TelegramOptions) {
    this.api = new Api(options.token, { apiRoot: options.apiRoot });
    // Bounded (its defaults wait forever); 5xx and network errors are rethrown, since such a send may
    // have arrived: the outbox decides whether to try again.
    this.api.config.use(
      autoRetry({
        maxRetryAttempts: 3,
        maxDelaySeconds: 30,
        rethrowInternalServerErrors: true,
        rethrowHttpErrors: true,
      }),
    );
    this.clock = options.clock ?? Date.now;
    this.lastPollOk = this.clock();
    // Without a configured secret, one derived from the token: the webhook is never open to anyone.
    this.secret =
      options.webhookSecret ?? createHash('sha256').update(`webhook:${options.token}`).digest('hex');
  }

  /** The path of the webhook on the project's HTTP server, in webhook mode. */
  get webhookPath(): string | undefined {
    return this.options.webhookUrl ? new URL(this.options.webhookUrl).pathname : undefined;
  }

  async start(intake: Intake): Promise<void> {
    this.intake = intake;
    try {
      const me = await this.api.getMe(apiSignal(this.abort.signal));
      this.botUsername = me.username;
      this.botId = me.id;
      this.readsAllGroups = me.can_read_all_group_messages;
    } catch (err) {
      if (err instanceof GrammyError && (err.error_code === 401 || err.error_code === 404))
        throw new StartError(`Telegram refused TELEGRAM_BOT_TOKEN (${err.error_code} ${err.description})`);
      this.options.log.warn({ error: errorText(err) }, 'getMe failed; starting anyway');
    }
    void this.publishMenus();
    this.running = this.options.webhookUrl ? this.keepWebhook(this.options.webhookUrl) : this.poll();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    await this.running;
    if (this.options.webhookUrl || this.offset === undefined) return;
    // Confirms the last committed batch now, so a restart is not sent it again (dedup would absorb it).
    try {
      await this.api.raw.getUpdates(
        { offset: this.offset, limit: 1, timeout: 0 },
        apiSignal(AbortSignal.timeout(5000)),
      );
    } catch (err) {
      this.options.log.warn({ error: errorText(err) }, 'final offset confirmation failed');
    }
  }

  health(): TransportHealth {
    if (this.options.webhookUrl) {
      return this.webhookSet
        ? { ok: true, state: 'webhook' }
        : { ok: false, state: 'webhook', detail: 'setWebhook has not succeeded yet' };
    }
    const silentMs = this.clock() - this.lastPollOk;
    return silentMs < POLL_SILENCE_LIMIT_MS
      ? { ok: true, state: 'polling' }
      : {
          ok: false,
          state: 'polling',
          detail: `no successful getUpdates for ${Math.round(silentMs / 1000)} s`,
        };
  }

  /** Whether a webhook request carries the secret: checked before its body is read. */
  acceptsSecret(secretHeader: string | string[] | undefined): boolean {
    return typeof secretHeader === 'string' && sameSecret(secretHeader, this.secret);
  }

  /**
   * A webhook request: 401 without the right secret; 200 once the update is committed (or skipped as
   * malformed, so Telegram stops sending it); 500 if the ledger failed, so Telegram delivers it again
   * and the inbox's dedup absorbs any repeat; 503 while stopping.
   */
  handleWebhook(secretHeader: string | string[] | undefined, body: string): Promise<number> {
    if (!this.acceptsSecret(secretHeader)) return Promise.resolve(401);
    if (!this.intake || this.stopped) return Promise.resolve(503);
    let raw: unknown;
    try {
      raw = JSON.parse(body);
    } catch {
      this.options.log.warn('webhook body is not JSON; skipped');
      return Promise.resolve(200);
    }
    return new Promise((answer) => {
      this.webhookQueue.push({ raw, answer });
      if (this.webhookQueue.length === 1)
        this.committing = this.committing.then(() => this.commitWebhookUpdates());
    });
  }

  /**
   * Group commit: the updates that arrived while the previous transaction was being written are
   * recorded (and handled) together in one transaction, and each request is answered only after it
   * committed: 200, or 500 for all of them when the ledger failed (nothing was recorded, Telegram
   * resends each).
   */
  private async commitWebhookUpdates(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    const group = this.webhookQueue.splice(0);
    let status = 200;
    try {
      await this.take(group.map((g) => g.raw));
    } catch (err) {
      this.options.log.error(
        { error: errorText(err), updates: group.length },
        'webhook updates not recorded; Telegram will resend',
      );
      status = 500;
    }
    for (const g of group) g.answer(status);
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    // A long text goes as several messages; if a later part fails, the retry sends the earlier ones
    // again (at most a duplicate, never a loss).
    try {
      if (message.file) return await this.sendFile(message, message.file);
      if (message.media) return await this.sendMedia(message, message.media);
      if (message.editOf !== undefined) {
        const edited = await this.edit(message, message.editOf);
        if (edited) return edited;
      }
      let last: number | undefined;
      for (const part of toTextSends(message, this.shareLabels())) {
        const sent = await this.api.sendMessage(
          message.chat.chatId,
          part.text,
          part.replyMarkup ? { reply_markup: part.replyMarkup } : {},
        );
        last = sent.message_id;
      }
      return last === undefined ? {} : { platformMessageId: String(last) };
    } catch (err) {
      throw toTransportError(err);
    }
  }

  /**
   * Brings an earlier post up to date in place (a rescue group's post when the reporter added details).
   * Unchanged text is done already; a post Telegram no longer lets edit (deleted, too old) gets the text
   * as a new message instead (undefined).
   */
  private async edit(message: OutboundMessage, messageId: string): Promise<SendResult | undefined> {
    try {
      await this.api.editMessageText(message.chat.chatId, Number(messageId), message.text.slice(0, MAX_TEXT));
      return { platformMessageId: messageId };
    } catch (err) {
      const description = err instanceof GrammyError ? err.description : '';
      if (/message is not modified/i.test(description)) return { platformMessageId: messageId };
      if (/message to edit not found|message can't be edited/i.test(description)) return undefined;
      throw err;
    }
  }

  /** A file (an export) with its text as caption, or after the text when that is too long for one. */
  private async sendFile(message: OutboundMessage, file: OutboundFile): Promise<SendResult> {
    const caption = message.text.length <= MAX_CAPTION ? message.text : undefined;
    if (caption === undefined) await this.send({ ...message, file: undefined });
    const sent = await this.api.sendDocument(
      message.chat.chatId,
      new InputFile(Buffer.from(file.content, 'utf8'), file.name),
      caption ? { caption } : {},
    );
    return { platformMessageId: String(sent.message_id) };
  }

  /** Stored media forwarded privately (to a coordinator), its text the caption. */
  private async sendMedia(message: OutboundMessage, media: StoredMedia): Promise<SendResult> {
    const store = this.options.media;
    // Erased since it was queued (retention, /forget): the text alone still tells of it.
    if (!store?.has(media.sha256)) return this.send({ ...message, media: undefined });
    const caption = message.text.length <= MAX_CAPTION ? message.text : undefined;
    if (caption === undefined) await this.send({ ...message, media: undefined });
    const file = new InputFile(store.path(media.sha256));
    const options = caption ? { caption } : {};
    const chat = message.chat.chatId;
    const sent =
      media.type === 'photo'
        ? await this.api.sendPhoto(chat, file, options)
        : media.type === 'voice'
          ? await this.api.sendVoice(chat, file, options)
          : media.type === 'audio'
            ? await this.api.sendAudio(chat, file, options)
            : media.type === 'video'
              ? await this.api.sendVideo(chat, file, options)
              : await this.api.sendDocument(chat, file, options);
    return { platformMessageId: String(sent.message_id) };
  }

  /** Translates and records a batch; throws only if the ledger failed (nothing was recorded then). */
  private async take(updates: readonly unknown[]): Promise<void> {
    const batch: InboundMessage[] = [];
    const presses: Translated[] = [];
    for (const raw of updates) {
      const t = this.translate(raw);
      if (!t) continue;
      if (t.media) await this.fetchMedia(t, t.media);
      if (
        t.message.chat.kind === 'group' &&
        t.message.content.kind === 'text' &&
        t.message.content.text.startsWith('/')
      ) {
        const view = await this.groupView(t.message.chat.chatId);
        if (view) t.message.groupView = view;
      }
      batch.push(t.message);
      if (t.callbackQueryId) presses.push(t);
    }
    if (batch.length > 0) this.intake!.receive(batch);
    for (const press of presses) void this.settlePress(press);
  }

  /**
   * Whether the bot sees every message of a group (`/listen on` needs it): with privacy mode off, or as an
   * admin. Asked for commands only, at most once a minute per group; unknown when Telegram does not say.
   */
  private async groupView(chatId: string): Promise<'all' | 'commands' | undefined> {
    if (this.readsAllGroups !== false || this.botId === undefined)
      return this.readsAllGroups ? 'all' : undefined;
    const now = this.clock();
    let known = this.adminOf.get(chatId);
    if (!known || now - known.at > 60_000) {
      try {
        const member = await this.api.getChatMember(chatId, this.botId, apiSignal(this.abort.signal));
        known = { admin: member.status === 'administrator' || member.status === 'creator', at: now };
        this.adminOf.set(chatId, known);
      } catch (err) {
        this.options.log.warn({ error: errorText(err) }, 'getChatMember failed');
        return undefined;
      }
    }
    return known.admin ? 'all' : 'commands';
  }

  /**
   * Downloads a message's media (getFile, then the file under the API root) into the store and makes it
   * the message's content. Over MEDIA_MAX_MB (as stated, or as downloaded) it is not kept and the person
   * is answered kindly. An image is kept without its metadata (an undecodable one not at all). A network
   * failure throws: the batch is not confirmed and comes again, and the file, stored under its hash, is
   * not stored twice.
   */
  private async fetchMedia(t: Translated, media: MediaToFetch): Promise<void> {
    const store = this.options.media;
    if (!store) return;
    const tooLarge = () => {
      t.message.content = store.tooLarge(media.type);
    };
    if (media.size !== undefined && media.size > store.maxBytes) return tooLarge();
    let filePath: string | undefined;
    try {
      filePath = (await this.api.getFile(media.fileId, apiSignal(this.abort.signal))).file_path;
    } catch (err) {
      // The Bot API refuses files over 20 MB with a 400: the same answer as ours.
      if (err instanceof GrammyError && err.error_code === 400) return tooLarge();
      throw err;
    }
    if (!filePath) return tooLarge();
    const url = `${this.options.apiRoot}/file/bot${this.options.token}/${filePath}`;
    const res = await fetch(url, {
      signal: AbortSignal.any([this.abort.signal, AbortSignal.timeout(120_000)]),
    });
    if (!res.ok) throw new Error(`telegram file download: HTTP ${res.status}`);
    if (Number(res.headers.get('content-length') ?? 0) > store.maxBytes) {
      await res.body?.cancel();
      return tooLarge();
    }
    const bytes = new Uint8Array(await res.arrayBuffer());
    t.message.content = await store.content(bytes, media.type, media.mime, media.caption);
  }

  /**
   * Stops the button's spinner, then takes the keyboard away from the message it was under: an old
   * question's buttons would otherwise stay pressable, and say nothing of what was chosen (the answer
   * that follows does).
   */
  private async settlePress({ callbackQueryId, pressedOn }: Translated): Promise<void> {
    await this.optional('answerCallbackQuery', () => this.api.answerCallbackQuery(callbackQueryId!));
    if (pressedOn)
      await this.optional('editMessageReplyMarkup', () =>
        this.api.editMessageReplyMarkup(pressedOn.chatId, pressedOn.messageId),
      );
  }

  private translate(raw: unknown): Translated | null {
    const parsed = UpdateSchema.safeParse(raw);
    if (!parsed.success) {
      this.options.log.warn({ issues: parsed.error.issues.slice(0, 3) }, 'malformed update skipped');
      return null;
    }
    return translateUpdate(parsed.data, this.botUsername);
  }

  private async poll(): Promise<void> {
    await this.optional('deleteWebhook', () => this.api.deleteWebhook({}, apiSignal(this.abort.signal)));
    let backoffMs = 1000;
    while (!this.stopped) {
      let updates: unknown[];
      try {
        updates = await this.api.getUpdates(
          {
            ...(this.offset === undefined ? {} : { offset: this.offset }),
            timeout: this.options.pollTimeoutSeconds ?? 30,
            allowed_updates: [...ALLOWED_UPDATES],
          },
          apiSignal(this.abort.signal),
        );
        this.lastPollOk = this.clock();
      } catch (err) {
        if (this.stopped) return;
        this.options.log.warn({ error: errorText(err), retryInMs: backoffMs }, 'getUpdates failed');
        await sleep(backoffMs, this.abort.signal);
        backoffMs = Math.min(backoffMs * 2, 30_000);
        continue;
      }
      try {
        await this.take(updates);
        backoffMs = 1000;
      } catch (err) {
        // Not confirmed: the same batch comes again with the next getUpdates.
        this.options.log.error({ error: errorText(err) }, 'batch not recorded; fetching it again');
        await sleep(backoffMs, this.abort.signal);
        backoffMs = Math.min(backoffMs * 2, 30_000);
        continue;
      }
      const ids = updates.map(updateId).filter((id) => id !== undefined);
      if (ids.length > 0) this.offset = Math.max(...ids) + 1;
    }
  }

  private async keepWebhook(url: string): Promise<void> {
    let backoffMs = 1000;
    while (!this.stopped && !this.webhookSet) {
      try {
        await this.api.setWebhook(
          url,
          { secret_token: this.secret, allowed_updates: [...ALLOWED_UPDATES] },
          apiSignal(this.abort.signal),
        );
        this.webhookSet = true;
      } catch (err) {
        if (this.stopped) return;
        this.options.log.error({ error: errorText(err), retryInMs: backoffMs }, 'setWebhook failed');
        await sleep(backoffMs, this.abort.signal);
        backoffMs = Math.min(backoffMs * 2, 60_000);
      }
    }
  }

  /** The command menu in every catalog language, and in the default language for everyone else. */
  private async publishMenus(): Promise<void> {
    const { commands, phrases, defaultLanguage } = this.options;
    for (const language of phrases.languages) {
      await this.optional('setMyCommands', () =>
        this.api.setMyCommands(commandMenu(commands, phrases, language), {
          language_code: language as LanguageCode,
        }),
      );
    }
    await this.optional('setMyCommands', () =>
      this.api.setMyCommands(commandMenu(commands, phrases, defaultLanguage)),
    );
  }

  /** Calls that make the bot nicer but are not needed for it to work: a failure is logged, never fatal. */
  private async optional(method: string, call: () => Promise<unknown>): Promise<void> {
    try {
      await call();
    } catch (err) {
      if (!this.stopped) this.options.log.warn({ method, error: errorText(err) }, 'optional call failed');
    }
  }

  /** The core sends no label for a share button; the adapter's catalog has one in each language. */
  private shareLabels(): ShareLabels {
    const { phrases } = this.options;
    const all = (key: string) => [...new Set(phrases.languages.map((l) => phrases.t(l, key)))].join(' / ');
    return {
      location: `📍 ${all('telegram-share-location')}`.slice(0, 64),
      contact: `📞 ${all('telegram-share-contact')}`.slice(0, 64),
    };
  }
}

function updateId(raw: unknown): number | undefined {
  const id = (raw as { update_id?: unknown } | null)?.update_id;
  return typeof id === 'number' && Number.isSafeInteger(id) ? id : undefined;
}
