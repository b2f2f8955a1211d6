import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A proxy in front of the fake Bot API that enforces Telegram's published limits, scaled in time, the
 * way Telegram does: a send over the limit is answered 429 with `retry_after` instead of going through.
 * Every send is timed where it arrives. A send within the limits is answered here, as the platform
 * would answer it, rather than forwarded: a second HTTP hop to the fake added several milliseconds to
 * every round trip, and the pacer waits one round trip per window (everything else is forwarded).
 */
export class TelegramLimitsProxy {
  /** Arrival times (performance.now) of sends that went through, with their chat. */
  readonly sends: { at: number; chatId: string }[] = [];
  tooMany = 0;
  private nextMessageId = 1;

  private constructor(
    private readonly server: Server,
    private readonly scale: number,
    readonly perSecond: number,
    readonly perGroupPerMinute: number,
  ) {}

  static async start(upstream: string, scale: number, perSecond = 30, perGroupPerMinute = 20) {
    const server = createServer();
    const proxy = new TelegramLimitsProxy(server, scale, perSecond, perGroupPerMinute);
    server.on('request', (req, res) => {
      proxy.forward(upstream, req).then(
        ({ status, body }) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(body);
        },
        // A long poll cut off when the bench stops: nobody waits for the answer any more.
        () => res.destroy(),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get apiRoot(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private overLimit(chatId: string, now: number): number {
    const second = 1000 * this.scale;
    const recent = this.sends.filter((s) => s.at > now - second);
    if (recent.length >= this.perSecond) return recent[0]!.at + second - now;
    if (!chatId.startsWith('-')) return 0;
    const minute = 60_000 * this.scale;
    const inGroup = this.sends.filter((s) => s.chatId === chatId && s.at > now - minute);
    return inGroup.length >= this.perGroupPerMinute ? inGroup[0]!.at + minute - now : 0;
  }

  private async forward(upstream: string, req: IncomingMessage): Promise<{ status: number; body: string }> {
    const chunks: Buffer[] = [];
    for await (const c of req as AsyncIterable<Buffer>) chunks.push(c);
    const body = Buffer.concat(chunks);
    if (/\/send[A-Z]\w*$/.test(req.url ?? '')) {
      const payload = JSON.parse(body.toString('utf8') || '{}') as { chat_id?: unknown; text?: unknown };
      const chatId = String(payload.chat_id);
      const now = performance.now();
      const waitMs = this.overLimit(chatId, now);
      if (waitMs > 0) {
        this.tooMany++;
        const retry_after = Math.max(1, Math.ceil(waitMs / 1000));
        const description = `Too Many Requests: retry after ${retry_after}`;
        return {
          status: 429,
          body: JSON.stringify({ ok: false, error_code: 429, description, parameters: { retry_after } }),
        };
      }
      this.sends.push({ at: now, chatId });
      const chat = { id: Number(chatId), type: chatId.startsWith('-') ? 'supergroup' : 'private' };
      const result = {
        message_id: this.nextMessageId++,
        date: Math.floor(Date.now() / 1000),
        chat,
        text: payload.text,
      };
      return { status: 200, body: JSON.stringify({ ok: true, result }) };
    }
    const res = await fetch(`${upstream}${req.url}`, {
      method: req.method ?? 'POST',
      headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
      ...(body.length > 0 ? { body } : {}),
    });
    return { status: res.status, body: await res.text() };
  }
}
