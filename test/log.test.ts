import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { TransportError } from '../src/engine/errors.ts';
import { createLogger } from '../src/log.ts';

const PHONE = '+62 812-3456-7890';

/** The lines without their time and process id, whose digits could match a planted one by chance. */
const scanned = (lines: string[]) => lines.join('').replace(/"time":\d+,"pid":\d+/g, '');

function capture(level = 'info') {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { log: createLogger(level, sink), lines };
}

describe('logs', () => {
  it('never carry a message text, phone number, name or exact location', () => {
    const { log, lines } = capture();
    const child = log.child({ transport: 'telegram', chat: 'private' });
    child.info(
      {
        message: {
          sender: { id: 'telegram:5', displayName: 'Siti Aminah' },
          content: { kind: 'text', text: `tolong, hubungi ${PHONE}` },
        },
        phone: PHONE,
        request: {
          contact: PHONE,
          lat: -7.801234,
          lon: 110.364567,
          address: 'Jl. Mawar 3',
          notes: 'lantai 2',
        },
      },
      `inbound from ${PHONE}`,
    );
    child.error({ err: new Error(`send to ${PHONE} failed`) }, 'delivery failed');
    const out = scanned(lines);
    expect(lines).toHaveLength(2);
    for (const secret of ['3456', 'Siti', 'tolong', '7.801234', '110.364567', 'Mawar', 'lantai'])
      expect(out).not.toContain(secret);
    expect(out).toContain('"transport":"telegram"');
    expect(out).toContain('[redacted]');
    expect(JSON.parse(lines[1]!).err.message).toBe('send to [...] failed');
  });

  it('carry no number and no point from a transport error, under any field, at any depth', () => {
    const { log, lines } = capture();
    const planted = 'chat 0812~3456~7890 at -7.912345,110.335678 (https://s.id/rumahbudi)';
    const err = new TransportError(`Bad Request: ${planted}`, { kind: 'permanent' });
    const wrapped = new Error('send failed', { cause: err });
    const child = log.child({ transport: 'whatsapp', chat: 'whatsapp:6281234567890@c.us' });
    child.warn({ err, error: `Forbidden: ${planted}`, detail: { reply: [planted] } }, 'send failed');
    child.error(wrapped);
    child.error({ cause: err }, `retrying ${planted}`);
    child.warn('%s failed', planted);
    const out = scanned(lines);
    expect(lines).toHaveLength(4);
    for (const secret of ['3456', '7890', '7.912345', '110.335678', '912345', 'rumahbudi', '6281234567890'])
      expect(out).not.toContain(secret);
    const first = JSON.parse(lines[0]!);
    // Still readable: what failed, where, and of what kind.
    expect(first.err.type).toBe('TransportError');
    expect(first.err.message).toBe('Bad Request: chat [...] at -7.91,110.34 ([🔗])');
    expect(first.err.stack).toContain('log.test.ts');
    expect(err.message).toContain('0812~3456~7890');
  });

  it('follow LOG_LEVEL', () => {
    const { log, lines } = capture('warn');
    log.info('routine');
    log.warn('worth a look');
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['worth a look']);
  });
});
