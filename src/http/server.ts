import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { BODY_TIMEOUT_MS, BodyReader, HttpRefusal } from './body.ts';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface HealthCheck {
  name: string;
  check(): { ok: boolean; state: string; detail?: string };
}

/**
 * The project's one HTTP server (node's own): health, metrics, the Telegram webhook and the WhatsApp
 * QR page register their routes here. A handler that throws answers 500 and never takes the server down.
 */
export class HttpServer {
  private readonly routes = new Map<string, RouteHandler>();
  /** Routes for every path under a prefix (`/public/r/`), tried when no exact route matches. */
  private readonly prefixes: [string, RouteHandler][] = [];
  private readonly checks: HealthCheck[] = [];
  private server: Server | undefined;
  /** Request bodies, read within limits shared by every connection of this server. */
  readonly bodies: BodyReader;

  constructor(
    private readonly log: Logger,
    bodies?: BodyReader,
  ) {
    this.bodies = bodies ?? new BodyReader();
    this.route('GET', '/healthz', (_req, res) => {
      const results = Object.fromEntries(this.checks.map((c) => [c.name, c.check()]));
      const down = Object.entries(results).filter(([, r]) => !r.ok);
      const reason = down
        .map(([name, r]) => `${name}: ${r.state}${r.detail ? ` (${r.detail})` : ''}`)
        .join('; ');
      sendJson(res, down.length === 0 ? 200 : 503, {
        ok: down.length === 0,
        status: down.length === 0 ? 'ok' : 'degraded',
        ...(reason ? { reason } : {}),
        ...results,
      });
    });
  }

  route(method: string, path: string, handler: RouteHandler): void {
    this.routes.set(`${method} ${path}`, handler);
  }

  routePrefix(method: string, prefix: string, handler: RouteHandler): void {
    this.prefixes.push([`${method} ${prefix}`, handler]);
  }

  addHealthCheck(check: HealthCheck): void {
    this.checks.push(check);
  }

  async listen(port: number, host: string): Promise<number> {
    // Loaded here: the console demo builds a server it never starts, and node:http costs a cold start.
    const { createServer } = await import('./node-http.ts');
    this.server = createServer((req, res) => void this.handle(req, res));
    // Node's own bounds, behind the body reader's: headers within 10 s, a whole request within 15 s.
    this.server.headersTimeout = BODY_TIMEOUT_MS;
    this.server.requestTimeout = BODY_TIMEOUT_MS + 5_000;
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
    const key = `${req.method} ${path}`;
    const handler = this.routes.get(key) ?? this.prefixes.find(([prefix]) => key.startsWith(prefix))?.[1];
    if (!handler) {
      sendJson(res, 404, { error: 'not found' });
      return;
    }
    try {
      await handler(req, res);
    } catch (err) {
      if (err instanceof HttpRefusal) {
        this.log.warn({ path, status: err.status, reason: err.message }, 'http request refused');
        if (!res.headersSent) refuse(res, err.status, err.message);
        else res.end();
        return;
      }
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
 * Answers a request the server will not read further, and closes its connection: whatever body is
 * still on its way is not read into memory.
 */
export function refuse(res: ServerResponse, status: number, reason: string): void {
  res.setHeader('connection', 'close');
  // Node would otherwise read the rest of the body to throw it away.
  res.once('finish', () => res.req.socket.destroy());
  sendJson(res, status, { error: reason });
}
