import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The WhatsApp Cloud API on loopback, as far as the bot uses it: `POST /{version}/{phone-number-id}/messages`
 * and `/media` with a bearer token, `GET /{version}/{phone-number-id}`, the 24-hour customer-service
 * window (a free-form message to someone who has not written for 24 hours answers 131047, as the
 * platform does; a template always goes), and error injection. It also plays the platform's side of the
 * webhook: signed deliveries of messages and status callbacks to the bot.
 */

export interface GraphCall {
  method: string;
  path: string;
  body: Record<string, unknown> | undefined;
  /** The Graph error code answered instead of success, if this call was made to fail. */
  failed?: number;
  at: number;
}

export interface GraphFailure {
  status: number;
  code: number;
  message?: string;
}

export const CLOUD = {
  token: 'EAAG-test-token-0123456789',
  phoneNumberId: '1029384756',
  appSecret: 'app-secret-for-tests',
  verifyToken: 'verify-me-please',
} as const;

const DAY_MS = 24 * 60 * 60 * 1000;

export class FakeGraphApi {
  readonly calls: GraphCall[] = [];
  /** When each person last wrote to the business number (what the 24-hour window counts from). */
  readonly lastWrote = new Map<string, number>();
  webhookUrl: string | undefined;
  /** The templates approved for this business account; another name answers 132001. */
  readonly templates = new Set(['relief_update']);
  private failures: { times: number; failure: GraphFailure; to?: string }[] = [];
  private server: Server | undefined;
  private nextId = 1;
  private nextMedia = 1;
  /** Files people sent, by media id: what GET /{media-id} describes and its url serves. */
  private readonly media = new Map<string, { bytes: Buffer; mime: string; statedSize?: number }>();
  private root = '';
  /** The next media lookups or downloads answer this HTTP status instead. */
  mediaFailures: number[] = [];

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()));
    this.root = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.root;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server!.close(() => r()));
  }

  /** The next `times` message sends (to `to`, if given) answer this error. */
  fail(failure: GraphFailure, times = 1, to?: string): void {
    this.failures.push({ times, failure, ...(to ? { to } : {}) });
  }

  /** Messages the bot sent (accepted ones), in order. */
  sent(to?: string): Record<string, unknown>[] {
    return this.calls
      .filter((c) => c.path.endsWith('/messages') && c.failed === undefined && c.body)
      .map((c) => c.body!)
      .filter((b) => to === undefined || b.to === to);
  }

  /** The text a person would read of each accepted message: body, interactive body, or template parameter. */
  texts(to?: string): string[] {
    return this.sent(to).map(readableText);
  }

  async waitFor<T>(probe: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const v = probe();
      if (v) return v;
      if (Date.now() > end) throw new Error('FakeGraphApi.waitFor: timed out');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Signs a body as the platform does: `sha256=` HMAC of the raw bytes with the app secret. */
  static sign(body: string, secret: string = CLOUD.appSecret): string {
    return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
  }

  /** Delivers a webhook payload to the bot, signed; answers the bot's HTTP status. */
  async deliver(payload: unknown, signature?: string): Promise<number> {
    if (!this.webhookUrl) throw new Error('FakeGraphApi: no webhookUrl');
    const body = JSON.stringify(payload);
    const res = await fetch(this.webhookUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': signature ?? FakeGraphApi.sign(body),
      },
      body,
    });
    await res.arrayBuffer();
    return res.status;
  }

  /** A person writes to the business number: the webhook payload of one message, and their window opens. */
  message(from: string, content: Record<string, unknown>, id = `wamid.in${this.nextId++}`, name = 'Siti') {
    const at = Date.now();
    this.lastWrote.set(from, at);
    return envelope({
      contacts: [{ wa_id: from, profile: { name } }],
      messages: [{ from, id, timestamp: String(Math.floor(at / 1000)), ...content }],
    });
  }

  /** Makes `bytes` a file on the platform; returns its media id. `statedSize` overrides its file_size. */
  addMedia(bytes: Buffer, mime: string, statedSize?: number): string {
    const id = String(7_000_000 + this.nextMedia++);
    this.media.set(id, { bytes, mime, ...(statedSize === undefined ? {} : { statedSize }) });
    return id;
  }

  /** A message carrying a file: `image`, `audio` (voice: a voice note), `video` or `document`. */
  static file(kind: string, id: string, extra: Record<string, unknown> = {}) {
    return { type: kind, [kind]: { id, mime_type: 'application/octet-stream', ...extra } };
  }

  static text(body: string) {
    return { type: 'text', text: { body } };
  }

  static button(id: string, title = id) {
    return { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id, title } } };
  }

  static location(latitude: number, longitude: number) {
    return { type: 'location', location: { latitude, longitude } };
  }

  /** A status callback for a message the bot sent. */
  status(id: string, status: string, errorCode?: number) {
    return envelope({
      statuses: [
        {
          id,
          status,
          timestamp: String(Math.floor(Date.now() / 1000)),
          recipient_id: '0',
          ...(errorCode === undefined ? {} : { errors: [{ code: errorCode, title: 'failed' }] }),
        },
      ],
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const path = (req.url ?? '/').split('?')[0]!;
    const isJson = (req.headers['content-type'] ?? '').startsWith('application/json');
    const body =
      isJson && raw.length > 0 ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : undefined;
    const call: GraphCall = { method: req.method ?? 'GET', path, body, at: performance.now() };
    this.calls.push(call);
    const answer = (status: number, json: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
    };
    const error = (f: GraphFailure) => {
      call.failed = f.code;
      answer(f.status, {
        error: { message: f.message ?? `error ${f.code}`, type: 'OAuthException', code: f.code },
      });
    };
    if (req.headers.authorization !== `Bearer ${CLOUD.token}`)
      return error({ status: 401, code: 190, message: 'Invalid OAuth access token' });
    const download = /^\/download\/(\d+)$/.exec(path);
    const mediaId = /^\/v[\d.]+\/(\d+)$/.exec(path)?.[1];
    if (download || (mediaId && this.media.has(mediaId))) {
      const status = this.mediaFailures.shift();
      if (status) return error({ status, code: 2, message: 'Service temporarily unavailable' });
      const file = this.media.get(download?.[1] ?? mediaId!);
      if (!file) return error({ status: 404, code: 100, message: 'Unsupported get request' });
      if (download) return void res.writeHead(200, { 'content-type': file.mime }).end(file.bytes);
      return answer(200, {
        messaging_product: 'whatsapp',
        id: mediaId,
        url: `${this.root}/download/${mediaId}`,
        mime_type: file.mime,
        file_size: file.statedSize ?? file.bytes.length,
      });
    }
    const m = /^\/v[\d.]+\/(\d+)(\/messages|\/media)?$/.exec(path);
    if (!m || m[1] !== CLOUD.phoneNumberId) return error({ status: 400, code: 100, message: 'Unknown path' });
    if (!m[2]) return answer(200, { id: CLOUD.phoneNumberId });
    if (m[2] === '/media') return answer(200, { id: `media-${this.nextMedia++}` });
    const to = String(body?.to ?? '');
    const rule = this.failures.find((f) => f.times > 0 && (f.to === undefined || f.to === to));
    if (rule) {
      rule.times--;
      return error(rule.failure);
    }
    const template = body?.template as { name?: string } | undefined;
    if (body?.type === 'template' && !this.templates.has(template?.name ?? ''))
      return error({ status: 404, code: 132001, message: 'Template name does not exist in the translation' });
    const wrote = this.lastWrote.get(to);
    if (body?.type !== 'template' && (wrote === undefined || Date.now() - wrote > DAY_MS))
      return error({ status: 400, code: 131047, message: 'Re-engagement message' });
    return answer(200, {
      messaging_product: 'whatsapp',
      contacts: [{ input: to, wa_id: to }],
      messages: [{ id: `wamid.out${this.nextId++}` }],
    });
  }
}

function envelope(value: Record<string, unknown>) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'WABA-1',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '6285100000000', phone_number_id: CLOUD.phoneNumberId },
              ...value,
            },
          },
        ],
      },
    ],
  };
}

function readableText(b: Record<string, unknown>): string {
  const text = b.text as { body?: string } | undefined;
  const interactive = b.interactive as { body?: { text?: string } } | undefined;
  const template = b.template as { components?: { parameters?: { text?: string }[] }[] } | undefined;
  const document = b.document as { caption?: string } | undefined;
  return (
    text?.body ??
    interactive?.body?.text ??
    template?.components?.[0]?.parameters?.[0]?.text ??
    document?.caption ??
    ''
  );
}
