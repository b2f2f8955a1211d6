import pino, { type Bindings, type ChildLoggerOptions, type DestinationStream, type Logger } from 'pino';
import { redactText } from './domain/redaction.ts';

/**
 * Personal data never reaches the logs: message contents, phone numbers, names and exact locations are
 * censored wherever they appear in a log object.
 */
export const REDACT_PATHS = [
  'text',
  'phone',
  'contact',
  'name',
  'lat',
  'lon',
  'address',
  'notes',
  '*.text',
  '*.phone',
  '*.contact',
  '*.name',
  '*.displayName',
  '*.lat',
  '*.lon',
  '*.address',
  '*.notes',
  '*.content',
  'message.content',
  'message.sender.displayName',
];

/** Errors keep their class (a `TransportError` logs as one) with every text in them redacted. */
function redactedError(err: Error, seen: WeakSet<object>): Error {
  const copy = new Error(redactText(err.message)) as Error & Record<string, unknown>;
  Object.setPrototypeOf(copy, Object.getPrototypeOf(err));
  copy.name = err.name;
  copy.stack = redactText(err.stack ?? '');
  for (const [k, v] of Object.entries(err)) copy[k] = redactDeep(v, seen);
  if (err.cause !== undefined) copy.cause = redactDeep(err.cause, seen);
  return copy;
}

/**
 * Every string in a log object, at any depth and under any name (`err`, `error`, a field a later
 * change adds), passes the one redaction; errors are copied, never changed in place.
 */
function redactDeep(value: unknown, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (value instanceof Error) return redactedError(value, seen);
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, seen));
  if (value instanceof Date || ArrayBuffer.isView(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, seen)]));
}

/**
 * Logs go to stderr: on the console transport stdout is the chat itself. Besides the censored fields,
 * every string that reaches a log line (its message, a child logger's bindings, any field, an error's
 * message and stack, at any depth) passes the one redaction: a platform error may quote the number or
 * the point it failed on.
 */
export function createLogger(level: string, destination: number | DestinationStream = 2): Logger {
  const logger = pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => redactDeep(a)) as Parameters<typeof method>);
        },
      },
    },
    typeof destination === 'number' ? pino.destination(destination) : destination,
  );
  // A child's bindings (`chat`, `sender`) are written once, when it is made; pino applies no formatter
  // to them, so they are redacted here. Children inherit this method, so grandchildren are covered too.
  const childOf: (this: Logger, bindings: Bindings, options?: ChildLoggerOptions) => Logger = logger.child;
  logger.child = function (this: Logger, bindings: Bindings, options?: ChildLoggerOptions) {
    return childOf.call(this, redactDeep(bindings) as Bindings, options);
  } as unknown as Logger['child'];
  return logger;
}
