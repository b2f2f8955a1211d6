import { describe, expect, it } from 'vitest';
import { InboundMessageSchema } from '../../src/domain/message.ts';
import {
  phoneOfVCard,
  translateMembership,
  translateMessage,
} from '../../src/transports/whatsapp/inbound.ts';
import { renderText } from '../../src/transports/whatsapp/outbound.ts';
import { BOT_WID, type FakeMessage } from '../support/fake-whatsapp.ts';

const NOW = Date.UTC(2026, 11, 1, 8, 0, 0);
const PERSON = '6281234567890@c.us';
const GROUP = '120363041234567890@g.us';

function msg(over: Partial<FakeMessage>): FakeMessage {
  const from = over.from ?? PERSON;
  return {
    id: { fromMe: false, remote: from, id: 'ABC', _serialized: `false_${from}_ABC` },
    from,
    to: BOT_WID,
    fromMe: false,
    isStatus: false,
    type: 'chat',
    body: 'halo',
    timestamp: NOW / 1000,
    vCards: [],
    rawData: { notifyName: 'Sari' },
    ...over,
  };
}

function translated(over: Partial<FakeMessage>) {
  const t = translateMessage(msg(over), NOW - 60_000);
  if ('ignored' in t) throw new Error(`ignored: ${t.ignored}`);
  // Whatever the adapter produces must pass the core's own schema.
  expect(InboundMessageSchema.safeParse(t.message).success).toBe(true);
  return t.message;
}

describe('inbound translation', () => {
  it('turns a private text into a private chat message from whatsapp:<wid>', () => {
    expect(translated({ body: 'butuh air' })).toEqual({
      chat: { transport: 'whatsapp', chatId: PERSON, kind: 'private' },
      messageId: `false_${PERSON}_ABC`,
      sender: { id: `whatsapp:${PERSON}`, displayName: 'Sari' },
      at: NOW,
      content: { kind: 'text', text: 'butuh air' },
    });
  });

  it('takes the sender of a group message from its author', () => {
    const m = translated({ from: GROUP, author: PERSON, body: '/register rescue Bantul' });
    expect(m.chat).toEqual({ transport: 'whatsapp', chatId: GROUP, kind: 'group' });
    expect(m.sender.id).toBe(`whatsapp:${PERSON}`);
    expect(translateMessage(msg({ from: GROUP }), 0)).toEqual({ ignored: 'group message without author' });
  });

  it('says a message was forwarded, and whether many times (what listen mode drafts no need from)', () => {
    expect(translated({ from: GROUP, author: PERSON }).forwarded).toBeUndefined();
    expect(
      translated({ from: GROUP, author: PERSON, isForwarded: true, forwardingScore: 1 }).forwarded,
    ).toEqual({
      often: false,
    });
    expect(
      translated({ from: GROUP, author: PERSON, isForwarded: true, forwardingScore: 7 }).forwarded,
    ).toEqual({
      often: true,
    });
  });

  it('reads a shared location, with its name when there is one', () => {
    const m = translated({
      type: 'location',
      body: '',
      location: { latitude: '-7.8012', longitude: '110.3647', name: 'Masjid' },
    });
    expect(m.content).toEqual({ kind: 'location', lat: -7.8012, lon: 110.3647, title: 'Masjid' });
  });

  it('leaves an out-of-range location for the core to refuse', () => {
    const t = translateMessage(msg({ type: 'location', location: { latitude: 95, longitude: 10 } }), 0);
    expect('message' in t && InboundMessageSchema.safeParse(t.message).success).toBe(false);
  });

  it('reads a contact card, marking it own when it is the sender’s number', () => {
    const own =
      'BEGIN:VCARD\nVERSION:3.0\nFN:Sari\nTEL;type=CELL;type=VOICE;waid=6281234567890:+62 812-3456-7890\nEND:VCARD';
    const other =
      'BEGIN:VCARD\nVERSION:3.0\nFN:Budi\nitem1.TEL;waid=6285550001111:+62 855-5000-1111\nEND:VCARD';
    expect(translated({ type: 'vcard', body: own, vCards: [own] }).content).toEqual({
      kind: 'contact',
      phone: '+6281234567890',
      own: true,
    });
    expect(translated({ type: 'multi_vcard', vCards: [other, own] }).content).toEqual({
      kind: 'contact',
      phone: '+6285550001111',
      own: false,
    });
    expect(translated({ type: 'vcard', vCards: ['BEGIN:VCARD\nFN:x\nEND:VCARD'] }).content).toEqual({
      kind: 'unsupported',
      what: 'vcard',
    });
  });

  it('reads a number without a WhatsApp account from a card too', () => {
    expect(phoneOfVCard('BEGIN:VCARD\r\nTEL;TYPE=HOME:0274 123-456\r\nEND:VCARD')).toEqual({
      number: '0274123456',
    });
  });

  it('passes numbered answers on as text (the core matches them to the choices it offered)', () => {
    expect(translated({ body: '2' }).content).toEqual({ kind: 'text', text: '2' });
  });

  it('keeps a media caption as text and marks other kinds unsupported', () => {
    expect(translated({ type: 'image', body: 'SOS atap rumah' }).content).toEqual({
      kind: 'text',
      text: 'SOS atap rumah',
    });
    expect(translated({ type: 'ptt', body: '' }).content).toEqual({ kind: 'unsupported', what: 'ptt' });
    expect(translated({ type: 'sticker', body: '' }).content).toEqual({
      kind: 'unsupported',
      what: 'sticker',
    });
    expect(translated({ type: 'poll_creation', body: 'Q?' }).content).toEqual({
      kind: 'unsupported',
      what: 'poll_creation',
    });
  });

  it('cuts a text past 10,000 characters instead of failing', () => {
    const m = translated({ body: 'x'.repeat(20_000) });
    expect(m.content).toEqual({ kind: 'text', text: 'x'.repeat(10_000) });
  });

  it('ignores its own messages, status broadcasts, system entries, history and malformed input', () => {
    const cutoff = NOW - 60_000;
    expect(translateMessage(msg({ fromMe: true }), cutoff)).toEqual({ ignored: 'own message' });
    expect(translateMessage(msg({ from: 'status@broadcast', author: PERSON }), cutoff)).toEqual({
      ignored: 'status broadcast',
    });
    expect(translateMessage(msg({ isStatus: true }), cutoff)).toEqual({ ignored: 'status broadcast' });
    expect(translateMessage(msg({ type: 'e2e_notification' }), cutoff)).toEqual({
      ignored: 'system message',
    });
    expect(translateMessage(msg({ timestamp: (cutoff - 1000) / 1000 }), cutoff)).toEqual({
      ignored: 'history',
    });
    expect(translateMessage(msg({ body: '   ' }), cutoff)).toEqual({ ignored: 'empty' });
    expect(translateMessage({ from: PERSON }, cutoff)).toEqual({ ignored: 'malformed' });
    expect(translateMessage(null, cutoff)).toEqual({ ignored: 'malformed' });
  });

  it('notices the bot joining or leaving a group, and nobody else', () => {
    const n = {
      id: { _serialized: 'false_g_1' },
      chatId: GROUP,
      recipientIds: [BOT_WID],
      timestamp: NOW / 1000,
    };
    expect(translateMembership(n, 'left', BOT_WID)).toEqual({
      chat: { transport: 'whatsapp', chatId: GROUP, kind: 'group' },
      messageId: 'false_g_1',
      sender: { id: `whatsapp:${BOT_WID}`, pseudo: true },
      at: NOW,
      content: { kind: 'membership', change: 'left' },
    });
    expect(translateMembership({ ...n, recipientIds: [PERSON] }, 'joined', BOT_WID)).toBeUndefined();
  });
});

describe('outbound rendering', () => {
  const base = {
    id: 1,
    chat: { transport: 'whatsapp' as const, chatId: PERSON, kind: 'private' as const },
    kind: 'reply' as const,
  };

  it('renders choices as a numbered list with a language-neutral hint', () => {
    const text = renderText({
      ...base,
      text: 'Choose your language:',
      choices: [
        { value: '/lang en', label: 'English' },
        { value: '/lang id', label: 'Bahasa Indonesia' },
      ],
    });
    expect(text).toBe('Choose your language:\n\n1. English\n2. Bahasa Indonesia\n(1-2)');
  });

  it('asks for a location or a contact with a pointer to the attach menu', () => {
    expect(renderText({ ...base, text: 'Where?', ask: 'location' })).toContain('📎 › Location / Lokasi');
    expect(renderText({ ...base, text: 'Number?', ask: 'contact' })).toContain('📎 › Contact / Kontak');
  });
});
