import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.ts';

const PHONE = '+62 812-3456-7890';

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
    const out = lines.join('');
    expect(lines).toHaveLength(2);
    for (const secret of ['3456', 'Siti', 'tolong', '7.801234', '110.364567', 'Mawar', 'lantai'])
      expect(out).not.toContain(secret);
    expect(out).toContain('"transport":"telegram"');
    expect(out).toContain('[redacted]');
    expect(JSON.parse(lines[1]!).err.message).toBe('send to [...] failed');
  });

  it('follow LOG_LEVEL', () => {
    const { log, lines } = capture('warn');
    log.info('routine');
    log.warn('worth a look');
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['worth a look']);
  });
});
