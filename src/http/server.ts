import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface HealthCheck {
  name: string;
  check(): { ok: boolean; state: string; detail?: string };
}

/** Largest request body the server reads (Telegram updates are far smaller). */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The project's one HTTP server (node's own): health, metrics, the Telegram webhook and the WhatsApp
 * QR page register their routes here. A handler that throws answers 500 and never takes the server down.
 */
export class HttpServer {
  private readonly routes = new Map<string, RouteHandler>();
  private readonly checks: HealthCheck[] = [];
  private server: Server | undefined;

  constructor(private readonly log: Logger) {
    this.route('GET', '/healthz', (_req, res) => {
      const results = Object.fromEntries(this.checks.map((c) => [c.name, c.check()]));
      const down = Object.entries(results).filter(([, r]) => !r.ok);
      const reason = down
        .map(([name, r]) => `${name}: ${r.state}${r.detail ? ` (${r.detail})` : ''}`)
        .join('; ');
      sendJson(res, down.length === 0 ? 200 : 503, {
        ok: down.length === 0,
        ...(reason ? { reason } : {}),
        ...results,
      });
    });
  }

  route(method: string, path: string, handler: RouteHandler): void {
    this.routes.set(`${method} ${path}`, handler);
  }

  addHealthCheck(check: HealthCheck): void {
    this.checks.push(check);
  }

  async listen(port: number, host: string): Promise<number> {
    // Loaded here: the console demo builds a server it never starts, and node:http costs a cold start.
    const { createServer } = await import('./node-http.ts');
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, host, () => resolve());
    });
    const bound = (this.server.address() as AddressInfo).port;
    this.log.info({ port: bound }, 'http listening');
    return bound;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    const handler = this.routes.get(`${req.method} ${path}`);
    if (!handler) {
      sendJson(res, 404, { error: 'not found' });
      return;
    }
    try {
      await handler(req, res);
    } catch (err) {
      this.log.error({ err, path }, 'http handler failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.end();
    }
  }

  async close(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/**
 * Reads a request body up to MAX_BODY_BYTES; rejects past it, and drops the rest as it comes so the
 * answer can still be sent. Stream events, not an async iterator: the iterator's promises were a few
 * percent of a busy webhook.
 */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size > MAX_BODY_BYTES) return;
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else {
        chunks.length = 0;
        reject(new Error('request body too large'));
      }
    });
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    // Also a client gone mid-body (Node reports it as an error): settled, never left waiting.
    req.on('error', reject);
  });
}
