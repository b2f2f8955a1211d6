import type { IncomingMessage } from 'node:http';

/**
 * A request the server refuses (too large, too slow, too many at once, wrong secret): the client's
 * doing, not a bug, so it is answered with its status and logged in one line without a stack trace.
 */
export class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    reason: string,
  ) {
    super(reason);
    this.name = 'HttpRefusal';
  }
}

/** Largest request body the server reads (Telegram updates are far smaller). */
export const MAX_BODY_BYTES = 1024 * 1024;
/** A body not received whole by then is refused: a slow client must not hold memory for minutes. */
export const BODY_TIMEOUT_MS = 10_000;
/** Body bytes held across all connections at once; past it a request gets 503 and Telegram retries. */
export const MAX_BODY_BYTES_IN_FLIGHT = 8 * MAX_BODY_BYTES;

export interface BodyLimits {
  maxBytes: number;
  timeoutMs: number;
  maxBytesInFlight: number;
}

const DEFAULT_LIMITS: BodyLimits = {
  maxBytes: MAX_BODY_BYTES,
  timeoutMs: BODY_TIMEOUT_MS,
  maxBytesInFlight: MAX_BODY_BYTES_IN_FLIGHT,
};

/**
 * Reads request bodies within limits shared by every connection: a declared length over the limit is
 * refused before a byte is read (413), so is a body that grows past it; a body not whole within the
 * timeout gets 408; bytes held across connections are capped (503). Stream events, not an async
 * iterator: the iterator's promises were a few percent of a busy webhook.
 */
export class BodyReader {
  private held = 0;

  constructor(private readonly limits: BodyLimits = DEFAULT_LIMITS) {}

  /** Body bytes held right now, across connections. */
  get bytesInFlight(): number {
    return this.held;
  }

  read(req: IncomingMessage): Promise<string> {
    const { maxBytes, timeoutMs, maxBytesInFlight } = this.limits;
    const declared = Number(req.headers['content-length'] ?? 0) || 0;
    if (declared > maxBytes) return Promise.reject(new HttpRefusal(413, 'request body too large'));
    if (this.held + declared > maxBytesInFlight)
      return Promise.reject(new HttpRefusal(503, 'too many request bodies in flight'));
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      // What this request counts against the shared cap: its declared length at once, more if it grows.
      let reserved = declared;
      this.held += reserved;
      let done = false;
      const settle = (err: Error | undefined) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        this.held -= reserved;
        if (err) {
          chunks.length = 0;
          reject(err);
        } else resolve(Buffer.concat(chunks).toString('utf8'));
      };
      const timer = setTimeout(
        () => settle(new HttpRefusal(408, 'request body not received in time')),
        timeoutMs,
      );
      req.on('data', (chunk: Buffer) => {
        if (done) return;
        size += chunk.length;
        if (size > maxBytes) return settle(new HttpRefusal(413, 'request body too large'));
        if (size > reserved) {
          if (this.held + size - reserved > maxBytesInFlight)
            return settle(new HttpRefusal(503, 'too many request bodies in flight'));
          this.held += size - reserved;
          reserved = size;
        }
        chunks.push(chunk);
      });
      req.once('end', () => settle(undefined));
      // Also a client gone mid-body (Node reports it as an error): settled, never left waiting.
      req.on('error', settle);
    });
  }
}
