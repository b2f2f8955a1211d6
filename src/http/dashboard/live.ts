import type { ServerResponse } from 'node:http';
import type { DashboardBackend } from './backend.ts';

/** How often the ledger is asked whether anything changed (well inside the 2 seconds promised). */
const POLL_MS = 500;
/** A comment line keeps proxies from closing a quiet stream; the session is checked again then. */
const HEARTBEAT_MS = 15_000;
/** The browser's EventSource waits this long before it reconnects by itself. */
const RETRY_MS = 2_000;

interface Stream {
  res: ServerResponse;
  token: string;
  stop: () => void;
}

/**
 * Server-sent events for open dashboards. One timer for all of them asks the ledger for its newest
 * event (which moves with every change, made by this process or another on the same database) and
 * tells each page the new version; the page fetches the view. The bot's answers to a coordinator's
 * actions come through the `web` transport, to that coordinator's pages only.
 */
export class LiveUpdates {
  private readonly streams = new Set<Stream>();
  private poll: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private version = -1;

  constructor(private readonly backend: DashboardBackend) {}

  add(res: ServerResponse, personId: string, token: string): void {
    const write = (event: string, data: unknown) =>
      res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    const unlisten = this.backend.listen(personId, (reply) => write('reply', reply));
    const stream: Stream = {
      res,
      token,
      stop: () => {
        unlisten();
        this.streams.delete(stream);
        if (this.streams.size === 0) this.idle();
      },
    };
    res.on('close', stream.stop);
    this.streams.add(stream);
    res.write(`retry: ${RETRY_MS}\n\n`);
    write('version', this.backend.version());
    this.poll ??= setInterval(() => this.check(), POLL_MS).unref();
    this.heartbeat ??= setInterval(() => this.beat(false), HEARTBEAT_MS).unref();
  }

  get open(): number {
    return this.streams.size;
  }

  private check(): void {
    const version = this.backend.version();
    if (version === this.version) return;
    this.version = version;
    // A change may be a role taken back: those sessions end before anything more reaches them.
    this.beat(true);
    for (const s of this.streams) s.res.write(`event: version\ndata: ${version}\n\n`);
  }

  /** A session that ended (signed out, idle, role taken back) loses its stream here at the latest. */
  private beat(quiet: boolean): void {
    for (const s of [...this.streams]) {
      if (this.backend.session(s.token)) {
        if (!quiet) s.res.write(': still here\n\n');
      } else {
        s.res.write('event: signedout\ndata: {}\n\n');
        s.res.end();
        s.stop();
      }
    }
  }

  private idle(): void {
    clearInterval(this.poll);
    clearInterval(this.heartbeat);
    this.poll = undefined;
    this.heartbeat = undefined;
  }
}
