import pino, { type DestinationStream, type Logger } from 'pino';
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

/**
 * Logs go to stderr: on the console transport stdout is the chat itself. Besides the redacted fields,
 * a phone number or an exact location inside a log line's message or an error's text is masked too (a platform error may
 * quote the chat it failed on).
 */
export function createLogger(level: string, destination: number | DestinationStream = 2): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      hooks: {
        logMethod(args, method) {
          method.apply(
            this,
            args.map((a) => (typeof a === 'string' ? redactText(a) : a)) as Parameters<typeof method>,
          );
        },
      },
      serializers: {
        err: (err: Error) => {
          const s = pino.stdSerializers.err(err);
          return { ...s, message: redactText(s.message), stack: redactText(s.stack ?? '') };
        },
      },
    },
    typeof destination === 'number' ? pino.destination(destination) : destination,
  );
}
