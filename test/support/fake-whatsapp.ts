import { EventEmitter } from 'node:events';
import type { WhatsAppClient } from '../../src/transports/whatsapp/client.ts';

export const BOT_WID = '6280000000001@c.us';

export interface SentMessage {
  chatId: string;
  content: string;
  /** A file sent, with `content` its caption. */
  media?: { mimetype: string; data: string; sendAudioAsVoice?: boolean };
}

/** What a whatsapp-web.js `Message` looks like to the adapter; tests override what they need. */
export interface FakeMessage {
  id: { fromMe: boolean; remote: string; id: string; _serialized: string };
  from: string;
  to: string;
  author?: string;
  fromMe: boolean;
  isStatus: boolean;
  type: string;
  body: string;
  timestamp: number;
  location?: { latitude: number | string; longitude: number | string; name?: string; address?: string };
  vCards: string[];
  rawData: { notifyName?: string; size?: number };
  hasMedia?: boolean;
  isForwarded?: boolean;
  forwardingScore?: number;
  /** whatsapp-web.js's download of a message's file: base64, undefined once gone from the phone. */
  downloadMedia?: () => Promise<{ mimetype: string; data: string } | undefined>;
}

/**
 * A stand-in for whatsapp-web.js's `Client` with the surface the adapter uses: the events `qr`, `ready`,
 * `message`, `disconnected`, `auth_failure`, `group_join`, `group_leave`, and `initialize`, `destroy`,
 * `sendMessage`, `getChatById`, `info`. Tests drive it as WhatsApp would.
 */
export class FakeWhatsAppClient extends EventEmitter implements WhatsAppClient {
  info: { wid: { _serialized: string } } | undefined;
  readonly sent: SentMessage[] = [];
  initialized = 0;
  destroyed = 0;
  /** Chats WhatsApp does not know: `sendMessage` resolves to undefined for them. */
  readonly unknownChats = new Set<string>();
  /** The next `sendMessage` calls reject with these errors, one each. */
  readonly failures: Error[] = [];
  /** Make `initialize` reject (Chromium missing, say). */
  failInitialize: Error | undefined;
  private seq = 0;

  async initialize(): Promise<void> {
    this.initialized++;
    if (this.failInitialize) throw this.failInitialize;
  }

  async destroy(): Promise<void> {
    this.destroyed++;
  }

  async sendMessage(
    chatId: string,
    content: string | { mimetype: string; data: string },
    options: { caption?: string; sendAudioAsVoice?: boolean } = {},
  ): Promise<{ id: { _serialized: string } } | undefined> {
    const failure = this.failures.shift();
    if (failure) throw failure;
    if (this.unknownChats.has(chatId)) return undefined;
    if (typeof content === 'string') this.sent.push({ chatId, content });
    else
      this.sent.push({
        chatId,
        content: options.caption ?? '',
        media: { ...content, ...(options.sendAudioAsVoice ? { sendAudioAsVoice: true } : {}) },
      });
    return { id: { _serialized: `true_${chatId}_OUT${++this.seq}` } };
  }

  async getChatById(chatId: string): Promise<{ id: { _serialized: string }; isGroup: boolean }> {
    if (this.unknownChats.has(chatId)) throw new Error('invalid wid');
    return { id: { _serialized: chatId }, isGroup: chatId.endsWith('@g.us') };
  }

  /** Phone-number ids WhatsApp Web knows for private `@lid` ids. */
  readonly phoneOfLid = new Map<string, string>();

  async getContactLidAndPhone(userIds: string[]): Promise<{ lid: string; pn: string }[]> {
    return userIds.map((id) => ({ lid: id, pn: this.phoneOfLid.get(id) ?? '' }));
  }

  /** Pairing done: the library sets `info` and emits `ready`. */
  becomeReady(): void {
    this.info = { wid: { _serialized: BOT_WID } };
    this.emit('ready');
  }

  /** Files downloaded through `downloadMedia`, counted across messages. */
  downloads = 0;

  /**
   * A message with a file, of whatsapp-web.js's `type` (`image`, `ptt`, `audio`, `video`, `document`):
   * `hasMedia`, its size stated, and `downloadMedia()` giving it as base64; `file` undefined: gone from
   * the phone; an Error: the download fails.
   */
  receiveMedia(
    from: string,
    type: string,
    file: { bytes: Buffer; mimetype: string } | Error | undefined,
    over: Partial<FakeMessage> = {},
    now = Date.now(),
  ): FakeMessage {
    return this.receive(
      {
        from,
        type,
        hasMedia: true,
        rawData: file instanceof Error || !file ? {} : { size: file.bytes.length },
        downloadMedia: async () => {
          if (file instanceof Error) throw file;
          this.downloads++;
          return file && { mimetype: file.mimetype, data: file.bytes.toString('base64') };
        },
        ...over,
      },
      now,
    );
  }

  /** Emits an incoming message; `from` is a private chat unless `author` makes it a group's. */
  receive(over: Partial<FakeMessage> & { from: string }, now = Date.now()): FakeMessage {
    const idPart = `3EB0${String(++this.seq).padStart(16, '0')}`;
    const serialized = `false_${over.from}_${idPart}${over.author ? `_${over.author}` : ''}`;
    const message: FakeMessage = {
      id: { fromMe: false, remote: over.from, id: idPart, _serialized: serialized },
      to: BOT_WID,
      fromMe: false,
      isStatus: false,
      type: 'chat',
      body: '',
      timestamp: Math.floor(now / 1000),
      vCards: [],
      rawData: {},
      ...over,
    };
    this.emit('message', message);
    return message;
  }
}
