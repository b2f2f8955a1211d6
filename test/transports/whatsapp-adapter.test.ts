import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OutboundMessage } from '../../src/domain/message.ts';
import { TransportError } from '../../src/engine/errors.ts';
import { HISTORY_MARGIN_MS } from '../../src/transports/whatsapp/index.ts';
import { tempDir } from '../support/harness.ts';
import { WhatsAppRig } from '../support/whatsapp-rig.ts';

const SARI = '6281234567890@c.us';
const BUDI = '6285550001111@c.us';
const GROUP = '120363041234567890@g.us';

let rig: WhatsAppRig;
afterEach(async () => {
  vi.useRealTimers();
  await rig.close();
});

describe('conversations through the WhatsApp adapter', () => {
  it('answers /start with a numbered language list, and a bare number picks one', async () => {
    rig = await new WhatsAppRig().connect();
    const [welcome] = await rig.say(SARI, '/start');
    expect(welcome).toContain('Hello!');
    expect(welcome).toMatch(/\n1\. English\n2\. Bahasa Indonesia\n\(1-2\)$/);
    expect(await rig.say(SARI, '2')).toEqual([expect.stringContaining('Mulai sekarang saya berbicara')]);
    expect(rig.sentTo(SARI)).toHaveLength(2);
  });

  it('takes commands without the slash, and /lang in either language', async () => {
    rig = await new WhatsAppRig().connect();
    expect((await rig.say(SARI, 'help')).join()).toContain('What you can do here');
    expect((await rig.say(SARI, 'bahasa id')).join()).toContain('Bahasa Indonesia');
    expect((await rig.say(SARI, 'bantuan')).join()).toContain('Yang bisa Anda lakukan');
  });

  it('answers a group member in the group, as the core decides for groups', async () => {
    rig = await new WhatsAppRig().connect();
    expect(await rig.say(GROUP, '/help', SARI)).toEqual([expect.stringContaining('What you can do here')]);
    expect(rig.sentTo(GROUP)).toHaveLength(1);
    // Chatter in a group that is not a command gets no answer.
    expect(await rig.say(GROUP, 'ada yang punya perahu?', BUDI)).toEqual([]);
    const people = rig.h.db.prepare('SELECT id FROM people ORDER BY id').pluck().all();
    expect(people).toEqual([`whatsapp:${SARI}`, `whatsapp:${BUDI}`]);
  });

  it('notes a shared location', async () => {
    rig = await new WhatsAppRig().connect();
    const sent = await rig.say(SARI, { type: 'location', location: { latitude: -7.8, longitude: 110.36 } });
    expect(sent.join()).toContain('noted your location');
  });

  it('records a redelivered message once and answers it once', async () => {
    rig = await new WhatsAppRig().connect();
    const m = rig.client.receive({ from: SARI, body: '/help' }, rig.h.clock.now);
    rig.client.emit('message', m);
    rig.client.emit('message', { ...m });
    expect(await rig.replies()).toHaveLength(1);
    expect(rig.h.count('inbox')).toBe(1);
  });

  it('ignores its own messages, status updates and history from before it connected', async () => {
    rig = await new WhatsAppRig().connect();
    expect(await rig.say(SARI, { body: '/help', fromMe: true })).toEqual([]);
    expect(await rig.say('status@broadcast', '/help', SARI)).toEqual([]);
    const old = Math.floor((rig.h.clock.now - HISTORY_MARGIN_MS - 60_000) / 1000);
    expect(await rig.say(SARI, { body: '/help', timestamp: old })).toEqual([]);
    expect(rig.h.count('inbox')).toBe(0);
  });
});

describe('senders WhatsApp names by a private @lid id', () => {
  const LID = '190000000000001@lid';

  it('are known by their phone number where WhatsApp Web has it, so roles work in groups', async () => {
    rig = await new WhatsAppRig().connect();
    rig.client.phoneOfLid.set(LID, BUDI);
    rig.h.grant(`whatsapp:${BUDI}`, 'coordinator');
    expect((await rig.say(GROUP, 'register rescue', LID)).join()).toContain('This group is now G-1');
    // In a private chat the reply goes back to the chat WhatsApp gave.
    expect(await rig.say(LID, 'whoami')).toHaveLength(1);
    expect(rig.sentTo(LID)).toHaveLength(1);
    const people = rig.h.db.prepare('SELECT id FROM people').pluck().all();
    expect(people).toEqual([`whatsapp:${BUDI}`]);
  });

  it('keep the @lid id when no number is known, and their own contact card still counts as theirs', async () => {
    rig = await new WhatsAppRig().connect();
    await rig.say(LID, '/help');
    expect(rig.h.db.prepare('SELECT id FROM people').pluck().all()).toEqual([`whatsapp:${LID}`]);
    rig.client.phoneOfLid.set(LID, SARI);
    const card = 'BEGIN:VCARD\nTEL;waid=6281234567890:+62 812-3456-7890\nEND:VCARD';
    await rig.say(LID, { type: 'vcard', body: card, vCards: [card] });
    const contents = rig.h.db.prepare('SELECT message FROM inbox ORDER BY id').pluck().all() as string[];
    expect(JSON.parse(contents.at(-1)!)).toMatchObject({
      sender: { id: `whatsapp:${SARI}` },
      content: { kind: 'contact', phone: '+6281234567890', own: true },
    });
  });
});

describe('after a restart', () => {
  it('answers what was sent while it was down, but not a phone’s history on first pairing', async () => {
    const tmp = tempDir();
    const stateFile = path.join(tmp.dir, 'last-heard');
    rig = await new WhatsAppRig({ stateFile }).connect();
    const downFor = 30 * 60_000;
    const sentWhileDown = Math.floor((rig.h.clock.now + downFor / 2) / 1000);
    await rig.close();
    expect(existsSync(stateFile)).toBe(true);

    rig = new WhatsAppRig({ stateFile });
    rig.h.clock.advance(downFor);
    await rig.connect();
    expect(await rig.say(SARI, { body: '/help', timestamp: sentWhileDown })).toHaveLength(1);

    await rig.close();
    rig = await new WhatsAppRig({ stateFile: path.join(tmp.dir, 'fresh') }).connect();
    expect(await rig.say(SARI, { body: '/help', timestamp: sentWhileDown - 3600 })).toEqual([]);
    tmp.cleanup();
  });

  it('ignores a corrupt last-heard file', async () => {
    const tmp = tempDir();
    const stateFile = path.join(tmp.dir, 'last-heard');
    writeFileSync(stateFile, 'garbage');
    rig = await new WhatsAppRig({ stateFile }).connect();
    expect(await rig.say(SARI, '/help')).toHaveLength(1);
    expect(Number(readFileSync(stateFile, 'utf8'))).toBeGreaterThan(0);
    tmp.cleanup();
  });
});

describe('connection states', () => {
  it('reports qr-needed with the code, draws it in the terminal, then ready', async () => {
    const drawn: string[] = [];
    rig = new WhatsAppRig({
      qrOut: { write: (s: string) => drawn.push(s) } as unknown as NodeJS.WritableStream,
    });
    await rig.transport.start(rig.h.core);
    expect(rig.transport.health()).toEqual({ ok: false, state: 'starting' });
    rig.client.emit('qr', '2@abcdef');
    expect(rig.transport.health()).toEqual({ ok: false, state: 'qr-needed' });
    expect(rig.transport.currentQr()).toBe('2@abcdef');
    await vi.waitFor(() => expect(drawn.join('')).toMatch(/▄|█/));
    rig.client.becomeReady();
    expect(rig.transport.health()).toEqual({ ok: true, state: 'ready' });
    expect(rig.transport.currentQr()).toBeUndefined();
  });

  it('pauses on disconnect and reconnects with growing backoff from a new client', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    rig = await new WhatsAppRig().connect();
    const first = rig.client;
    first.emit('disconnected', 'NAVIGATION');
    expect(rig.transport.health()).toEqual({ ok: false, state: 'disconnected', detail: 'NAVIGATION' });
    await expect(rig.transport.send(reply(SARI))).rejects.toMatchObject({ retryable: true });

    await vi.advanceTimersByTimeAsync(999);
    expect(rig.clients).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(rig.clients).toHaveLength(2);
    expect(first.destroyed).toBe(1);
    expect(rig.client.initialized).toBe(1);

    // The new client fails to start: the next try waits twice as long.
    rig.client.emit('disconnected', 'TIMEOUT');
    await vi.advanceTimersByTimeAsync(1_999);
    expect(rig.clients).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(rig.clients).toHaveLength(3);

    // Events of a replaced client change nothing.
    first.emit('ready');
    expect(rig.transport.health().state).toBe('starting');
    rig.client.becomeReady();
    expect(rig.transport.health().state).toBe('ready');
    vi.useRealTimers();
    expect(await rig.say(SARI, '/help')).toHaveLength(1);
    expect(rig.states).toEqual([
      'starting',
      'ready',
      'disconnected',
      'starting',
      'disconnected',
      'starting',
      'ready',
    ]);
  });

  it('reports auth_failure clearly and keeps the process up, retrying', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    rig = await new WhatsAppRig().connect();
    rig.client.emit('auth_failure', 'Unable to log in. Are the session details valid?');
    expect(rig.transport.health()).toMatchObject({ ok: false, state: 'auth_failure' });
    expect(rig.transport.health().detail).toContain('Unable to log in');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(rig.clients).toHaveLength(2);
  });

  it('treats a client that cannot start (no Chromium) as disconnected and tries again', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    rig = new WhatsAppRig();
    rig.prepareClient = (c, attempt) => {
      if (attempt === 0) c.failInitialize = new Error('Browser was not found');
    };
    await rig.transport.start(rig.h.core);
    await vi.advanceTimersByTimeAsync(0);
    expect(rig.transport.health()).toEqual({
      ok: false,
      state: 'disconnected',
      detail: 'Browser was not found',
    });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(rig.clients).toHaveLength(2);
    expect(rig.transport.health().state).toBe('starting');
  });
});

function reply(chatId: string, text = 'hi'): OutboundMessage {
  return { id: 1, chat: { transport: 'whatsapp', chatId, kind: 'private' }, kind: 'reply', text };
}

describe('sending', () => {
  it('splits a long text into parts and reports the first part’s id', async () => {
    rig = await new WhatsAppRig().connect();
    const text = `${'kata '.repeat(1000)}\n`.repeat(2);
    const result = await rig.transport.send(reply(SARI, text));
    expect(rig.client.sent.length).toBeGreaterThan(2);
    expect(result.platformMessageId).toBe(`true_${SARI}_OUT1`);
  });

  it('wraps failures: a closed page is retryable, an unknown chat is not', async () => {
    rig = await new WhatsAppRig().connect();
    rig.client.failures.push(new Error('Protocol error (Runtime.callFunctionOn): Target closed.'));
    const closed = await rig.transport.send(reply(SARI)).catch((e: unknown) => e);
    expect(closed).toBeInstanceOf(TransportError);
    expect(closed).toMatchObject({ retryable: true });

    rig.client.failures.push(new Error('invalid wid'));
    await expect(rig.transport.send(reply('x@c.us'))).rejects.toMatchObject({ retryable: false });

    rig.client.unknownChats.add(BUDI);
    await expect(rig.transport.send(reply(BUDI))).rejects.toMatchObject({ retryable: false });
  });
});
