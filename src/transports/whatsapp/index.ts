import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import QRCode from 'qrcode';
import type { InboundMessage, OutboundMessage, StoredMedia } from '../../domain/message.ts';
import { TransportError } from '../../engine/errors.ts';
import type { MediaStore } from '../../engine/media-store.ts';
import { splitText } from '../../engine/split-text.ts';
import type { Intake, SendResult, Transport, TransportHealth } from '../../engine/transport.ts';
import type { MediaMaker, WhatsAppClient, WhatsAppClientFactory, WithMedia } from './client.ts';
import { type MediaToFetch, translateMembership, translateMessage } from './inbound.ts';
import { renderText, WHATSAPP_TEXT_LIMIT } from './outbound.ts';

export type WhatsAppState = 'starting' | 'qr-needed' | 'ready' | 'disconnected' | 'auth_failure' | 'stopped';

export interface WhatsAppOptions {
  createClient: WhatsAppClientFactory;
  log: Logger;
  /** Where the pairing QR code is drawn for an operator at the terminal; null: nowhere. */
  qrOut?: NodeJS.WritableStream | null;
  /**
   * Remembers when the bot last heard WhatsApp, across restarts: messages sent while it was down are
   * answered, while a first pairing does not answer a phone's whole history.
   */
  stateFile?: string;
  /** Told of every state change (main wakes the outbox on `ready`). */
  onState?: (state: WhatsAppState) => void;
  reconnect?: { firstMs: number; maxMs: number };
  clock?: () => number;
  /** Where photos and voice notes go; without it they are answered as a kind the bot cannot read. */
  media?: MediaStore;
  /** Makes the library's file object, to forward stored media; without it only the text goes. */
  makeMedia?: MediaMaker;
}

/** Messages this much older than the last moment the bot was listening still count as live. */
export const HISTORY_MARGIN_MS = 2 * 60_000;
/** Nothing older than this is answered after an outage (Telegram keeps updates as long). */
export const MAX_CATCH_UP_MS = 24 * 60 * 60_000;
/** The last-heard time is written at most this often (a stale value only lets in more, and dedup holds). */
const HEARD_WRITE_EVERY_MS = 10_000;

/**
 * WhatsApp through whatsapp-web.js: a linked device driven by Chromium. Translates only: platform
 * messages into the core's normalized ones, outbound messages into text. It reconnects with backoff
 * from a new client each time, since the library destroys a client once it disconnects.
 */
export class WhatsAppTransport implements Transport {
  readonly name = 'whatsapp' as const;
  private client: WhatsAppClient | undefined;
  private intake: Intake | undefined;
  private state: WhatsAppState = 'starting';
  private detail: string | undefined;
  private qr: string | undefined;
  private failures = 0;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private cutoff = 0;
  private lastHeard: number | undefined;
  private lastHeardWritten = 0;
  private inbound: Promise<void> = Promise.resolve();
  private readonly phoneOfLid = new Map<string, string>();
  private readonly clock: () => number;

  constructor(private readonly options: WhatsAppOptions) {
    this.clock = options.clock ?? Date.now;
    this.lastHeard = this.readLastHeard();
  }

  /** Connects in the background: Chromium and pairing take long, and nothing else should wait for them. */
  async start(intake: Intake): Promise<void> {
    this.intake = intake;
    void this.connect();
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    const client = this.client;
    if (!client || this.state !== 'ready') throw TransportError.retry(`whatsapp is ${this.state}`);
    if (message.media && this.options.media?.has(message.media.sha256))
      return this.sendMedia(client, message, message.media);
    let first: string | undefined;
    for (const part of splitText(renderText(message), WHATSAPP_TEXT_LIMIT)) {
      let sent: Awaited<ReturnType<WhatsAppClient['sendMessage']>>;
      try {
        sent = await client.sendMessage(message.chat.chatId, part);
      } catch (err) {
        throw sendError(err);
      }
      if (!sent) throw TransportError.permanent('whatsapp has no such chat');
      first ??= sent.id._serialized;
    }
    return first ? { platformMessageId: first } : {};
  }

  /**
   * Stored media forwarded privately (to a coordinator) with the text as its caption; a voice note as a
   * voice note. Erased since it was queued: `send` gives the text alone.
   */
  private async sendMedia(
    client: WhatsAppClient,
    message: OutboundMessage,
    media: StoredMedia,
  ): Promise<SendResult> {
    const { makeMedia, media: store } = this.options;
    if (!makeMedia || !store) return this.send({ ...message, media: undefined });
    const file = makeMedia(media.mime, readFileSync(store.path(media.sha256)).toString('base64'));
    let sent: Awaited<ReturnType<WhatsAppClient['sendMessage']>>;
    try {
      sent = await client.sendMessage(message.chat.chatId, file, {
        caption: renderText(message).slice(0, WHATSAPP_TEXT_LIMIT),
        ...(media.type === 'voice' ? { sendAudioAsVoice: true } : {}),
      });
    } catch (err) {
      throw sendError(err);
    }
    if (!sent) throw TransportError.permanent('whatsapp has no such chat');
    return { platformMessageId: sent.id._serialized };
  }

  async stop(): Promise<void> {
    this.setState('stopped');
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    // Messages already taken from WhatsApp are recorded before the ledger closes.
    await this.inbound;
    this.writeLastHeard(true);
    const client = this.client;
    this.client = undefined;
    await client
      ?.destroy()
      .catch((err: unknown) => this.options.log.warn({ err }, 'whatsapp destroy failed'));
  }

  health(): TransportHealth {
    return { ok: this.state === 'ready', state: this.state, ...(this.detail ? { detail: this.detail } : {}) };
  }

  /** The pairing QR code while one is needed (the HTTP page shows it). */
  currentQr(): string | undefined {
    return this.state === 'qr-needed' ? this.qr : undefined;
  }

  private async connect(): Promise<void> {
    const old = this.client;
    this.client = undefined;
    // The library may have destroyed it already; a second destroy of a closed browser is harmless.
    await old?.destroy().catch(() => {});
    if (this.state === 'stopped') return;
    const client = this.options.createClient();
    this.client = client;
    this.listen(client);
    this.setState('starting');
    try {
      await client.initialize();
    } catch (err) {
      if (client !== this.client) return;
      this.options.log.error({ err }, 'whatsapp client failed to start (is CHROMIUM_PATH right?)');
      this.lost('disconnected', err instanceof Error ? err.message : String(err));
    }
  }

  private listen(client: WhatsAppClient): void {
    // Events of a client already replaced (a late `disconnected`, say) are not this connection's.
    const on = (event: string, handle: (arg: unknown) => void) =>
      client.on(event, (arg: unknown) => {
        if (client === this.client && this.state !== 'stopped') handle(arg);
      });
    on('qr', (qr) => this.onQr(String(qr)));
    on('ready', () => this.onReady());
    // One at a time, in arrival order, even when a sender's id needs looking up first.
    on('message', (m) => {
      this.inbound = this.inbound
        .then(() => this.onMessage(client, m))
        .catch((err: unknown) => this.options.log.error({ err }, 'whatsapp message not handled'));
    });
    on('group_join', (n) => this.onMembership(n, 'joined'));
    on('group_leave', (n) => this.onMembership(n, 'left'));
    on('disconnected', (reason) => {
      this.options.log.warn({ reason: String(reason) }, 'whatsapp disconnected; sending paused');
      this.lost('disconnected', String(reason));
    });
    on('auth_failure', (message) => {
      this.options.log.error(
        { reason: String(message) },
        'whatsapp rejected the saved session: scan a new QR code (or remove WHATSAPP_SESSION_DIR and restart)',
      );
      this.lost('auth_failure', String(message));
    });
  }

  private onQr(qr: string): void {
    if (this.state !== 'qr-needed')
      this.options.log.warn('whatsapp needs pairing: scan the QR code in the terminal or at /whatsapp/qr');
    this.qr = qr;
    this.setState('qr-needed');
    const out = this.options.qrOut === undefined ? process.stdout : this.options.qrOut;
    // The same library draws the HTTP page's QR; `small` packs two rows per line so it fits a terminal.
    if (out)
      QRCode.toString(qr, { type: 'terminal', small: true }).then(
        (drawing) => out.write(`${drawing}\n`),
        (err: unknown) => this.options.log.warn({ err }, 'could not draw the QR code in the terminal'),
      );
  }

  private onReady(): void {
    const now = this.clock();
    const since = this.lastHeard ?? now;
    this.cutoff = Math.max(now - MAX_CATCH_UP_MS, Math.min(since, now) - HISTORY_MARGIN_MS);
    this.failures = 0;
    this.qr = undefined;
    this.detail = undefined;
    this.heard(now);
    this.setState('ready');
    this.options.log.info('whatsapp ready');
  }

  private async onMessage(client: WhatsAppClient, raw: unknown): Promise<void> {
    let translated = translateMessage(raw, this.cutoff);
    if ('ignored' in translated) {
      this.options.log.debug({ reason: translated.ignored }, 'whatsapp message ignored');
      return;
    }
    const wid = translated.message.sender.id.slice('whatsapp:'.length);
    if (wid.endsWith('@lid')) {
      const phoneWid = await this.phoneOf(client, wid);
      if (phoneWid) translated = translateMessage(raw, this.cutoff, phoneWid);
    }
    if (!('message' in translated)) return;
    if (translated.media) await this.fetchMedia(raw, translated.message, translated.media);
    this.deliver(translated.message);
  }

  /**
   * Downloads a private message's file into the store and makes it the message's content. WhatsApp
   * never hands a linked device a message again, so a failed download is not retried: the message
   * goes in as it reads without its file (its caption, or the hint to write text), never lost.
   */
  private async fetchMedia(raw: unknown, message: InboundMessage, media: MediaToFetch): Promise<void> {
    const store = this.options.media;
    if (!store) return;
    if (media.size !== undefined && media.size > store.maxBytes) {
      message.content = store.tooLarge(media.type);
      return;
    }
    try {
      const file = await (raw as WithMedia).downloadMedia();
      if (!file?.data) return;
      const bytes = Buffer.from(file.data, 'base64');
      message.content = await store.content(bytes, media.type, file.mimetype.slice(0, 128), media.caption);
    } catch (err) {
      this.options.log.warn({ err, type: media.type }, 'whatsapp media download failed; taken without it');
    }
  }

  /**
   * WhatsApp names many senders (group members above all) by a private `@lid` id. Roles, ADMINS and
   * contact consent go by the phone number, so a sender is `whatsapp:<number>@c.us` where WhatsApp Web
   * can say which number that is; the chat itself keeps the id WhatsApp gave, for replies.
   */
  private async phoneOf(client: WhatsAppClient, lid: string): Promise<string | undefined> {
    const known = this.phoneOfLid.get(lid);
    if (known) return known;
    try {
      const [found] = await client.getContactLidAndPhone([lid]);
      if (found?.pn?.endsWith('@c.us')) {
        this.phoneOfLid.set(lid, found.pn);
        return found.pn;
      }
    } catch (err) {
      this.options.log.debug({ err }, 'whatsapp could not look up a sender number');
    }
    return undefined;
  }

  private onMembership(raw: unknown, change: 'joined' | 'left'): void {
    const message = translateMembership(raw, change, this.client?.info?.wid?._serialized);
    if (message) this.deliver(message);
  }

  /** Recorded in the ledger before anything else; the inbox's unique key absorbs a repeated id. */
  private deliver(message: InboundMessage): void {
    try {
      const result = this.intake?.receive([message]);
      if (result?.invalid) this.options.log.warn('whatsapp message rejected by the core schema');
    } catch (err) {
      // WhatsApp never redelivers to a linked device, so this message is gone: say so loudly.
      this.options.log.error({ err }, 'ledger failed to record a whatsapp message; it is lost');
      return;
    }
    this.heard(this.clock());
  }

  /** A connection ended (`disconnected`, `auth_failure`, a failed start): pause, then a fresh client. */
  private lost(state: 'disconnected' | 'auth_failure', detail: string): void {
    if (this.state === 'ready') this.heard(this.clock());
    this.writeLastHeard(true);
    this.detail = detail.slice(0, 200);
    this.setState(state);
    if (this.reconnectTimer) return;
    const { firstMs, maxMs } = this.options.reconnect ?? { firstMs: 2_000, maxMs: 5 * 60_000 };
    const delay = Math.min(maxMs, firstMs * 2 ** this.failures);
    this.failures++;
    this.options.log.info({ delayMs: delay, attempt: this.failures }, 'whatsapp will reconnect');
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.connect();
    }, delay);
    this.reconnectTimer.unref();
  }

  private setState(state: WhatsAppState): void {
    if (this.state === 'stopped') return;
    this.state = state;
    this.options.onState?.(state);
  }

  private heard(at: number): void {
    this.lastHeard = Math.max(this.lastHeard ?? 0, at);
    this.writeLastHeard(false);
  }

  private readLastHeard(): number | undefined {
    if (!this.options.stateFile) return undefined;
    try {
      const value = Number(readFileSync(this.options.stateFile, 'utf8'));
      return Number.isFinite(value) && value > 0 ? value : undefined;
    } catch {
      return undefined;
    }
  }

  private writeLastHeard(force: boolean): void {
    const file = this.options.stateFile;
    const now = this.clock();
    if (!file || this.lastHeard === undefined) return;
    if (!force && now - this.lastHeardWritten < HEARD_WRITE_EVERY_MS) return;
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, String(this.lastHeard));
      this.lastHeardWritten = now;
    } catch (err) {
      this.options.log.warn({ err }, 'could not write the whatsapp last-heard time');
    }
  }
}

/**
 * Errors of whatsapp-web.js are plain Errors from the browser page. A chat id WhatsApp does not know
 * will not get better by waiting; anything else (a closed page, a timeout) is worth a retry.
 */
function sendError(err: unknown): TransportError {
  const text = err instanceof Error ? err.message : String(err);
  const what = `whatsapp: ${text.slice(0, 300)}`;
  return /invalid wid|wid error|no lid for user|not a valid|chat not found/i.test(text)
    ? TransportError.permanent(what)
    : TransportError.retry(what);
}
