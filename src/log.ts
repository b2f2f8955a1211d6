import pino, { type Logger } from 'pino';

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
  '*.text',
  '*.phone',
  '*.contact',
  '*.name',
  '*.displayName',
  '*.lat',
  '*.lon',
  '*.address',
  '*.content',
  'message.content',
  'message.sender.displayName',
];

/** Logs go to stderr: on the console transport stdout is the chat itself. */
export function createLogger(level: string, destination: number = 2): Logger {
  return pino(
    { level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } },
    pino.destination(destination),
  );
}
