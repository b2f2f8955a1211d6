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
  personId: string;
  token: string;
  stop: () => void;
}

const event = (name: string, data: unknown) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * Server-sent events for open dashboards. One timer for all of them asks the ledger for its newest
 * event (which moves with every change, made by this process or another on the same database) and
 * tells each page the new version, whereupon the page fetches the view; and for the bot's answers to
 * coordinators' actions since the last look, each sent to its own coordinator's pages only.
 */
export class LiveUpdates {
  private readonly streams = new Set<Stream>();
  private poll: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private version = -1;
  private answered = 0;

  /** `failed` hears a ledger that could not be read (closed at stop, a server gone): streams end then. */
  constructor(
    private readonly backend: DashboardBackend,
    private readonly failed: (err: unknown) => void,
  ) {}

  add(res: ServerResponse, personId: string, token: string): void {
    const stream: Stream = {
      res,
      personId,
      token,
      stop: () => {
        this.streams.delete(stream);
        if (this.streams.size === 0) this.idle();
      },
    };
    res.on('close', stream.stop);
    const version = this.backend.version();
    if (this.streams.size === 0) {
      this.answered = this.backend.lastAnswer();
      this.version = version;
    }
    this.streams.add(stream);
    res.write(`retry: ${RETRY_MS}\n\n${event('version', version)}`);
    this.poll ??= setInterval(() => this.guarded(() => this.check()), POLL_MS).unref();
    this.heartbeat ??= setInterval(() => this.guarded(() => this.beat(false)), HEARTBEAT_MS).unref();
  }

  /**
   * A timer's work never throws out of the timer (an uncaught exception stops the bot): the streams end
   * instead, and each page's EventSource reconnects, to this process or, when it is stopping, another.
   */
  private guarded(work: () => void): void {
    try {
      work();
    } catch (err) {
      this.failed(err);
      for (const s of [...this.streams]) {
        s.res.end();
        s.stop();
      }
    }
  }

  private check(): void {
    const version = this.backend.version();
    if (version !== this.version) {
      this.version = version;
      // A change may be a role taken back: those sessions end before anything more reaches them.
      this.beat(true);
      for (const s of this.streams) s.res.write(event('version', version));
    }
    for (const answer of this.backend.answersAfter(this.answered)) {
      this.answered = answer.id;
      const { personId, ...reply } = answer;
      for (const s of this.streams) if (s.personId === personId) s.res.write(event('reply', reply));
    }
  }

  /** A session that ended (signed out, idle, role taken back) loses its stream here at the latest. */
  private beat(quiet: boolean): void {
    for (const s of [...this.streams]) {
      if (this.backend.session(s.token)) {
        if (!quiet) s.res.write(': still here\n\n');
      } else {
        s.res.write(event('signedout', {}));
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
