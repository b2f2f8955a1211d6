/**
 * A refusal the person should read: bad input, not allowed, not found, wrong state. The dispatcher
 * answers it from the catalog in the person's language; everything else is a bug.
 */
export class UserError extends Error {
  constructor(
    readonly key: string,
    readonly args: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = 'UserError';
  }
}

/** What kind of failure a platform reported, which is all the outbox needs to decide what follows. */
export type TransportFailure =
  /** Worth trying again (5xx, network, a closed page), after `afterMs` when the platform said (429). */
  | { kind: 'retry'; afterMs?: number }
  /** This message will never go as it is (a bad request). */
  | { kind: 'permanent' }
  /** The person blocked the bot or the bot left the group: stop sending to that chat. */
  | { kind: 'unreachable' }
  /** The chat lives on under another id (a Telegram group upgraded to a supergroup). */
  | { kind: 'moved'; to: string };

/** Any platform failure, wrapped at the adapter edge. The outbox alone decides what to do with it. */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly failure: TransportFailure,
  ) {
    super(message);
    this.name = 'TransportError';
  }

  static retry(message: string, afterMs?: number): TransportError {
    return new TransportError(
      message,
      afterMs === undefined ? { kind: 'retry' } : { kind: 'retry', afterMs },
    );
  }

  static permanent(message: string): TransportError {
    return new TransportError(message, { kind: 'permanent' });
  }

  static unreachable(message: string): TransportError {
    return new TransportError(message, { kind: 'unreachable' });
  }

  static moved(message: string, to: string): TransportError {
    return new TransportError(message, { kind: 'moved', to });
  }

  get retryable(): boolean {
    return this.failure.kind === 'retry';
  }

  get retryAfterMs(): number | undefined {
    return this.failure.kind === 'retry' ? this.failure.afterMs : undefined;
  }

  get unreachable(): boolean {
    return this.failure.kind === 'unreachable';
  }

  get movedTo(): string | undefined {
    return this.failure.kind === 'moved' ? this.failure.to : undefined;
  }
}

/** A transport cannot start at all (the platform refused the token): the operator reads one line and fixes it. */
export class StartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartError';
  }
}
