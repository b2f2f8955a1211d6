import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Logger } from 'pino';
import type { OutboundFile, OutboundMessage, StoredMedia } from '../../domain/message.ts';
import { TransportError } from '../../engine/errors.ts';
import type { MediaStore } from '../../engine/media-store.ts';
import { sameSecret } from '../../engine/same-secret.ts';
import type { Intake, SendResult, Transport, TransportHealth } from '../../engine/transport.ts';
import { type CloudMedia, readWebhook } from './inbound.ts';
import {
  type GraphError,
  type GraphSend,
  OUTSIDE_WINDOW,
  TOKEN_CODES,
  templateParameter,
  templateSend,
  toCloudSends,
  toTransportError,
} from './outbound.ts';

/** The Graph API version the adapter was written against; a new one is a deliberate change. */
export const GRAPH_API_VERSION = 'v21.0';

/** After a person's last message the platform allows free-form messages for 24 hours. */
const WINDOW_MS = 24 * 60 * 60 * 1000;

export interface WhatsAppCloudOptions {
  token: string;
  phoneNumberId: string;
  appSecret: string;
  verifyToken: string;
  /** `https://graph.facebook.com` or a fake on loopback; the version is appended. */
  apiRoot: string;
  /** The approved template a notice outside the 24-hour window goes out as (one body parameter). */
  template: { name: string; language: string };
  log: Logger;
  clock?: () => number;
  fetch?: typeof fetch;
  /** Where photos and voice notes go; without it they are answered as a kind the bot cannot read. */
  media?: MediaStore;
}

/**
 * The WhatsApp Business Platform's Cloud API, for the private chats of an organisation's number. Updates
 * arrive on a webhook signed with the app secret and are answered 200 only once they are committed;
 * sends go to the Graph API. Outside the 24-hour window a notice goes as the configured template, or
 * fails for the outbox to report when it cannot be one.
 */
export class WhatsAppCloudTransport implements Transport {
  readonly name = 'whatsapp-cloud' as const;
  private intake: Intake | undefined;
  private stopped = false;
  private tokenRefused: string | undefined;
  /** When each person last wrote, as far as this process saw: older than 24 h means template. */
  private readonly lastHeard = new Map<string, number>();
  private readonly clock: () => number;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: WhatsAppCloudOptions) {
    this.clock = options.clock ?? Date.now;
    this.fetch = options.fetch ?? fetch;
  }

  async start(intake: Intake): Promise<void> {
    this.intake = intake;
    // A refused token is the operator's to fix: said once at start, and in /healthz until it works.
    try {
      await this.graph('GET', `${this.options.phoneNumberId}?fields=id`);
    } catch (err) {
      this.options.log.warn({ error: String(err) }, 'whatsapp-cloud: the Graph API did not answer at start');
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
  }

  health(): TransportHealth {
    if (this.tokenRefused) return { ok: false, state: 'token-refused', detail: this.tokenRefused };
    return { ok: !this.stopped, state: this.stopped ? 'stopped' : 'webhook' };
  }

  /** The webhook's GET handshake: the challenge echoed when the verify token is right, else 403. */
  verify(query: URLSearchParams): { status: number; body: string } {
    const ok =
      query.get('hub.mode') === 'subscribe' &&
      sameSecret(query.get('hub.verify_token') ?? '', this.options.verifyToken);
    return ok ? { status: 200, body: query.get('hub.challenge') ?? '' } : { status: 403, body: 'forbidden' };
  }

  /**
   * A webhook POST: 401 unless `X-Hub-Signature-256` is the HMAC-SHA256 of the raw body with the app
   * secret; 200 once its messages are committed (a redelivery is absorbed by the inbox); 500 if the
   * ledger failed, so the platform delivers it again; 503 while stopping.
   */
  async handleWebhook(signature: string | string[] | undefined, body: string): Promise<number> {
    if (!looksSigned(signature) || !this.signedByApp(signature, Buffer.from(body, 'utf8'))) return 401;
    if (!this.intake || this.stopped) return 503;
    let payload: unknown;
    try {
      payload = JSON.parse(body);
    } catch {
      this.options.log.warn('whatsapp-cloud webhook body is not JSON; skipped');
      return 200;
    }
    const { messages, media, unread, statuses } = readWebhook(payload, this.options.phoneNumberId);
    try {
      for (const m of media) await this.fetchMedia(m);
    } catch (err) {
      this.options.log.warn(
        { error: String(err) },
        'whatsapp-cloud media not fetched; the webhook will be resent',
      );
      return 500;
    }
    if (this.stopped) return 503;
    try {
      if (messages.length + unread.length > 0) this.intake.receive([...messages, ...unread]);
      if (statuses.length > 0) this.intake.recordDeliveryStatuses(this.name, statuses);
    } catch (err) {
      this.options.log.error(
        { error: String(err) },
        'whatsapp-cloud webhook not recorded; it will be resent',
      );
      return 500;
    }
    for (const m of messages)
      this.lastHeard.set(m.chat.chatId, Math.max(m.at, this.lastHeard.get(m.chat.chatId) ?? 0));
    return 200;
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    if (message.chat.kind !== 'private')
      throw TransportError.permanent('whatsapp-cloud sends to private chats only');
    const to = message.chat.chatId;
    if (this.outsideWindow(to)) return this.sendTemplate(message);
    try {
      const sends = message.file
        ? await this.fileSends(message, message.file)
        : message.media
          ? await this.mediaSends(message, message.media)
          : toCloudSends(message);
      let last: string | undefined;
      for (const s of sends) last = await this.post(to, s);
      return last === undefined ? {} : { platformMessageId: last };
    } catch (err) {
      if (err instanceof GraphFailure && err.error.code === OUTSIDE_WINDOW) {
        this.lastHeard.set(to, 0);
        return this.sendTemplate(message);
      }
      throw err instanceof GraphFailure ? toTransportError(err.error, 'send') : err;
    }
  }

  /**
   * A message's file: GET /{media-id} names a short-lived url, fetched with the same bearer token. A
   * media id the platform no longer knows leaves the message as it reads without its file; any other
   * failure throws, so the webhook is answered 500 and delivered again (the inbox absorbs the repeat,
   * and the file, named by its hash, is stored once).
   */
  private async fetchMedia(m: CloudMedia): Promise<void> {
    const store = this.options.media;
    if (!store) return;
    let info: { url?: string; mime_type?: string; file_size?: number };
    try {
      info = (await this.graph('GET', encodeURIComponent(m.mediaId))) as typeof info;
    } catch (err) {
      if (err instanceof GraphFailure && (err.error.status === 400 || err.error.status === 404)) return;
      throw err;
    }
    if (typeof info.file_size === 'number' && info.file_size > store.maxBytes) {
      m.message.content = store.tooLarge(m.type);
      return;
    }
    if (!info.url) return;
    const res = await this.fetch(info.url, {
      headers: { authorization: `Bearer ${this.options.token}` },
      signal: AbortSignal.timeout(120_000),
    });
    if (!res.ok) throw new Error(`whatsapp-cloud media download: HTTP ${res.status}`);
    if (Number(res.headers.get('content-length') ?? 0) > store.maxBytes) {
      await res.body?.cancel();
      m.message.content = store.tooLarge(m.type);
      return;
    }
    const bytes = new Uint8Array(await res.arrayBuffer());
    const mime = (info.mime_type ?? m.mime ?? 'application/octet-stream').slice(0, 128);
    m.message.content = await store.content(bytes, m.type, mime, m.caption);
  }

  /** A notice to someone who has not written for 24 hours: the approved template, or held. */
  private async sendTemplate(message: OutboundMessage): Promise<SendResult> {
    const parameter = templateParameter(message.text);
    if (message.kind === 'reply' || message.file || !parameter)
      throw TransportError.permanent(
        'whatsapp-cloud: outside the 24-hour window and no template fits this message; held for coordinators',
      );
    const { name, language } = this.options.template;
    try {
      return {
        platformMessageId: await this.post(message.chat.chatId, templateSend(name, language, parameter)),
      };
    } catch (err) {
      throw err instanceof GraphFailure ? toTransportError(err.error, 'template') : err;
    }
  }

  private outsideWindow(chatId: string): boolean {
    const heard = this.lastHeard.get(chatId);
    return heard !== undefined && this.clock() - heard > WINDOW_MS;
  }

  /** A document is uploaded first; the send names it by the media id the platform gave. */
  private async fileSends(message: OutboundMessage, file: OutboundFile): Promise<GraphSend[]> {
    const form = new FormData();
    form.set('messaging_product', 'whatsapp');
    form.set('type', file.mime);
    form.set('file', new Blob([file.content], { type: file.mime }), file.name);
    const uploaded = (await this.graph('POST', `${this.options.phoneNumberId}/media`, form)) as {
      id?: string;
    };
    if (!uploaded.id) throw TransportError.retry('whatsapp-cloud media upload answered no id');
    const caption = message.text.slice(0, 1024);
    return [{ type: 'document', document: { id: uploaded.id, filename: file.name, caption } }];
  }

  /**
   * Stored media forwarded privately (to a coordinator): uploaded, then sent by its media id with the
   * text as caption. Audio takes no caption, so the text goes first. Erased since it was queued: the
   * text alone.
   */
  private async mediaSends(message: OutboundMessage, media: StoredMedia): Promise<GraphSend[]> {
    const store = this.options.media;
    if (!store?.has(media.sha256)) return toCloudSends({ ...message, media: undefined });
    const form = new FormData();
    form.set('messaging_product', 'whatsapp');
    form.set('type', media.mime);
    form.set('file', new Blob([readFileSync(store.path(media.sha256))], { type: media.mime }), media.sha256);
    const uploaded = (await this.graph('POST', `${this.options.phoneNumberId}/media`, form)) as {
      id?: string;
    };
    if (!uploaded.id) throw TransportError.retry('whatsapp-cloud media upload answered no id');
    const caption = message.text.slice(0, 1024);
    const kind = CLOUD_KIND[media.type];
    if (kind === 'audio')
      return [
        ...toCloudSends({ ...message, media: undefined }),
        { type: 'audio', audio: { id: uploaded.id } },
      ];
    return [{ type: kind, [kind]: { id: uploaded.id, caption } }];
  }

  private async post(to: string, send: GraphSend): Promise<string | undefined> {
    const body = { messaging_product: 'whatsapp', recipient_type: 'individual', to, ...send };
    const answer = (await this.graph('POST', `${this.options.phoneNumberId}/messages`, body)) as {
      messages?: { id?: string }[];
    };
    return answer.messages?.[0]?.id;
  }

  private async graph(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    const url = `${this.options.apiRoot.replace(/\/$/, '')}/${GRAPH_API_VERSION}/${path}`;
    const headers: Record<string, string> = { authorization: `Bearer ${this.options.token}` };
    if (body !== undefined && !(body instanceof FormData)) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await this.fetch(url, {
        method,
        headers,
        ...(body === undefined ? {} : { body: body instanceof FormData ? body : JSON.stringify(body) }),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (err) {
      throw TransportError.retry(
        `whatsapp-cloud network: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    const answer = (await res.json().catch(() => ({}))) as { error?: { code?: number; message?: string } };
    if (res.ok) {
      this.tokenRefused = undefined;
      return answer;
    }
    const error: GraphError = {
      status: res.status,
      code: answer.error?.code,
      message: (answer.error?.message ?? res.statusText).slice(0, 200),
    };
    if (
      error.code !== undefined &&
      TOKEN_CODES.has(error.code) &&
      (res.status === 401 || res.status === 403 || error.code === 190)
    ) {
      if (!this.tokenRefused)
        this.options.log.error(
          { code: error.code },
          'whatsapp-cloud: the access token was refused; set WHATSAPP_CLOUD_TOKEN to a valid token and restart',
        );
      this.tokenRefused = `${error.code} ${error.message}`;
    }
    throw new GraphFailure(error);
  }

  private signedByApp(signature: string, body: Buffer): boolean {
    const expected = `sha256=${createHmac('sha256', this.options.appSecret).update(body).digest('hex')}`;
    return sameSecret(signature, expected);
  }
}

/** How the Cloud API names each kind of media it sends. */
const CLOUD_KIND = {
  photo: 'image',
  voice: 'audio',
  audio: 'audio',
  video: 'video',
  document: 'document',
} as const satisfies Record<StoredMedia['type'], string>;

class GraphFailure extends Error {
  constructor(readonly error: GraphError) {
    super(`${error.status} ${error.code ?? '-'} ${error.message}`);
  }
}

/** The form of `X-Hub-Signature-256`; anything else is refused before a byte of the body is read. */
export const looksSigned = (header: string | string[] | undefined): header is string =>
  typeof header === 'string' && /^sha256=[0-9a-f]{64}$/.test(header);
