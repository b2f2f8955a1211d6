import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Headers of the connection, not of the request: the proxy's own request has its own. */
const HOP_HEADERS = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);

/**
 * A reverse proxy on loopback in front of several bot processes, as a deployment puts one before
 * them: each request goes to the next upstream in turn, and to another one when that one refuses the
 * connection (a process that is down). A process that dies while it holds a request answers nothing:
 * 502, and the platform delivers the update again.
 */
export class LoadBalancer {
  /** Requests each upstream answered 2xx, by its port. */
  readonly answered = new Map<number, number>();
  private turn = 0;

  private constructor(
    private readonly server: Server,
    private readonly upstreams: readonly number[],
  ) {}

  static async start(upstreams: readonly number[]): Promise<LoadBalancer> {
    const server = createServer();
    const lb = new LoadBalancer(server, upstreams);
    server.on('request', (req, res) => {
      void lb.forward(req).then(({ status, body }) => {
        res.writeHead(status, { 'content-type': 'application/json' }).end(body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return lb;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private async forward(req: IncomingMessage): Promise<{ status: number; body: string }> {
    const chunks: Buffer[] = [];
    for await (const c of req as AsyncIterable<Buffer>) chunks.push(c);
    const first = this.turn++ % this.upstreams.length;
    for (let i = 0; i < this.upstreams.length; i++) {
      const port = this.upstreams[(first + i) % this.upstreams.length]!;
      try {
        const res = await fetch(`http://127.0.0.1:${port}${req.url}`, {
          method: req.method ?? 'POST',
          headers: Object.fromEntries(
            Object.entries(req.headers).filter(
              (e): e is [string, string] => typeof e[1] === 'string' && !HOP_HEADERS.has(e[0]),
            ),
          ),
          body: Buffer.concat(chunks),
        });
        if (res.ok) this.answered.set(port, (this.answered.get(port) ?? 0) + 1);
        return { status: res.status, body: await res.text() };
      } catch (err) {
        if ((err as { cause?: { code?: string } }).cause?.code !== 'ECONNREFUSED') break;
      }
    }
    return { status: 502, body: '{"ok":false}' };
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
