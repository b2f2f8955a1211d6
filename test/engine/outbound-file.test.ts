import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { defineCommand } from '../../src/engine/command.ts';
import { Outcome } from '../../src/engine/outcome.ts';
import { ConsoleTransport } from '../../src/transports/console/index.ts';
import { Harness, tempDir } from '../support/harness.ts';

const sendsFile = defineCommand({
  names: { en: ['file'], id: ['berkas'] },
  role: 'anyone',
  run: () =>
    new Outcome().replyFile(
      { name: '../../etc/report one.csv', mime: 'text/csv', content: 'a,b\r\n1,2\r\n' },
      'cancel-done',
    ),
});

let h: Harness;
const cleanups: (() => void)[] = [];
afterEach(() => {
  h.close();
  for (const c of cleanups.splice(0)) c();
});

describe('a file sent with a reply', () => {
  it('is kept in the outbox row and handed to the transport with its caption', () => {
    h = new Harness({}, [...commands, sendsFile]);
    const [row] = h.send('telegram:1', '/file');
    expect(row?.text).toContain('Cancelled');
    const [due] = h.ledger.outbox.dueFor('telegram', h.clock.now, 10);
    expect(due?.file).toEqual({
      name: '../../etc/report one.csv',
      mime: 'text/csv',
      content: 'a,b\r\n1,2\r\n',
    });
  });

  it('is written by the console under its files folder, never outside it, and its path printed', async () => {
    h = new Harness({}, [...commands, sendsFile]);
    h.send('console:local', '/file');
    const [due] = h.ledger.outbox.dueFor('console', h.clock.now, 10);
    const t = tempDir();
    cleanups.push(t.cleanup);
    const out = new PassThrough();
    let printed = '';
    out.on('data', (d: Buffer) => {
      printed += d.toString();
    });
    const transport = new ConsoleTransport({
      user: 'local',
      input: new PassThrough(),
      output: out,
      onEnd: () => {},
      filesDir: t.dir,
      answered: async () => {},
      voice: { roleOf: () => undefined, hint: (_id, key, args) => `${key} ${args?.path ?? ''}` },
    });
    await transport.send(due!);
    const expected = path.join(t.dir, 'report_one.csv');
    expect(printed).toContain(`console-hint-file ${expected}`);
    expect(readFileSync(expected, 'utf8')).toBe('a,b\r\n1,2\r\n');
  });
});
