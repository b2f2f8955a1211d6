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

/**
 * Any platform failure, wrapped at the adapter edge. The outbox alone decides what to do with it.
 * `unreachable`: the person blocked the bot or the bot left the group; stop sending to that chat.
 * `movedTo`: the chat lives on under this id (a Telegram group upgraded to a supergroup).
 */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
    readonly unreachable = false,
    readonly movedTo?: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

/** A transport cannot start at all (the platform refused the token): the operator reads one line and fixes it. */
export class StartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartError';
  }
}
