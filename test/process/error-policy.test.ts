import { EventEmitter } from 'node:events';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { installErrorPolicy } from '../../src/main.ts';

/** One process-wide policy (issue 16), the same whatever transports are enabled. */
function rig() {
  const lines: { level: number; msg: string }[] = [];
  const log = pino({ level: 'info' }, { write: (s: string) => lines.push(JSON.parse(s)) });
  const proc = new EventEmitter();
  const stops: string[] = [];
  const exits: number[] = [];
  let lose: ((reason: string) => void) | undefined;
  installErrorPolicy(
    {
      log,
      stop: async (reason) => void stops.push(reason),
      ledger: {
        onConnectionLost: (listener) => {
          lose = listener;
        },
      },
    },
    proc as unknown as NodeJS.Process,
    (code) => exits.push(code),
  );
  return { proc, lines, stops, exits, lose: (reason: string) => lose?.(reason) };
}

describe('the process error policy', () => {
  it('logs an unhandled rejection and keeps serving', () => {
    const r = rig();
    r.proc.emit('unhandledRejection', new Error('page closed'));
    expect(r.lines).toMatchObject([{ level: 50, msg: 'unhandled rejection; still serving' }]);
    expect(r.stops).toEqual([]);
    expect(r.exits).toEqual([]);
  });

  it('stops gracefully and exits 1 on an uncaught exception', async () => {
    const r = rig();
    r.proc.emit('uncaughtException', new Error('bug'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(r.lines).toMatchObject([{ level: 60, msg: 'uncaught exception; stopping' }]);
    expect(r.stops).toEqual(['uncaught exception']);
    expect(r.exits).toEqual([1]);
  });

  it("stops gracefully and exits 1 once the ledger's connection to PostgreSQL is lost", async () => {
    const r = rig();
    r.lose('the connection to PostgreSQL was lost: terminating connection due to administrator command');
    await new Promise((resolve) => setImmediate(resolve));
    expect(r.lines).toMatchObject([
      { level: 60, msg: "the ledger's connection to PostgreSQL is lost; stopping" },
    ]);
    expect(r.stops).toEqual(['ledger connection lost']);
    expect(r.exits).toEqual([1]);
  });
});
