import { z } from 'zod';
import type { ChatRef, InboundContent, InboundMessage, MediaType } from '../../domain/message.ts';

/** The fields of a whatsapp-web.js `Message` the adapter reads, checked at the edge. */
const WaMessageSchema = z.object({
  id: z.object({ _serialized: z.string().min(1).max(128) }),
  from: z.string().min(1).max(128),
  /** In a group, the member who wrote; absent in private chats. */
  author: z.string().min(1).max(128).nullish(),
  fromMe: z.boolean(),
  isStatus: z.boolean().optional(),
  type: z.string().max(64),
  body: z.string().nullish(),
  /** Unix seconds. */
  timestamp: z.number().nonnegative(),
  location: z
    .object({
      latitude: z.coerce.number(),
      longitude: z.coerce.number(),
      name: z.string().nullish(),
      address: z.string().nullish(),
    })
    .nullish(),
  vCards: z.array(z.string()).nullish(),
  /** A file comes with it, fetched with the message's `downloadMedia()`. */
  hasMedia: z.boolean().optional(),
  isForwarded: z.boolean().optional(),
  /** How many times it was forwarded; WhatsApp labels 5 and more "forwarded many times". */
  forwardingScore: z.number().nonnegative().optional(),
  /**
   * The raw model: `notifyName` is the sender's own display name, `size` a file's bytes as WhatsApp
   * states them (neither in the typed surface).
   */
  rawData: z.object({ notifyName: z.string().nullish(), size: z.number().nonnegative().nullish() }).nullish(),
});

/** WhatsApp's own threshold for "forwarded many times". */
const FORWARDED_MANY_TIMES = 5;

/** Not something a person said: protocol and system entries WhatsApp Web also reports as messages. */
const SYSTEM_TYPES = new Set([
  'e2e_notification',
  'notification',
  'notification_template',
  'gp2',
  'group_notification',
  'protocol',
  'revoked',
  'ciphertext',
  'call_log',
  'broadcast_notification',
  'debug',
  'reaction',
]);

/** Media whose caption, when there is one, is what the person wrote. */
const CAPTIONED = new Set(['image', 'video', 'document', 'album']);

/** whatsapp-web.js message types whose file the bot keeps (a sticker is not one); `ptt` is a voice note. */
const MEDIA_OF_TYPE: Record<string, MediaType> = {
  image: 'photo',
  ptt: 'voice',
  audio: 'audio',
  video: 'video',
  document: 'document',
};

/** A private message's file, downloaded by the adapter before the message is recorded. */
export interface MediaToFetch {
  type: MediaType;
  /** As WhatsApp states it: a file over the limit is not downloaded at all. */
  size?: number;
  caption?: string;
}

/**
 * `media` is set for a private message with a file; its content until the file is fetched is what the
 * bot would make of it without (the caption as text, or a kind it cannot read).
 */
export type Translated = { message: InboundMessage; media?: MediaToFetch } | { ignored: string };

/**
 * Turns one whatsapp-web.js message into the core's normalized message, or says why it is ignored.
 * `cutoffMs`: anything older is history replayed by a reconnect, not a live message. `phoneWid`: the
 * sender's phone-number id, when WhatsApp named them by a private `@lid` id and the adapter looked it up.
 */
export function translateMessage(raw: unknown, cutoffMs: number, phoneWid?: string): Translated {
  const parsed = WaMessageSchema.safeParse(raw);
  if (!parsed.success) return { ignored: 'malformed' };
  const m = parsed.data;
  if (m.fromMe) return { ignored: 'own message' };
  if (m.isStatus || m.from.endsWith('@broadcast')) return { ignored: 'status broadcast' };
  if (m.from.endsWith('@newsletter')) return { ignored: 'channel' };
  if (SYSTEM_TYPES.has(m.type)) return { ignored: 'system message' };
  const at = Math.round(m.timestamp * 1000);
  if (at < cutoffMs) return { ignored: 'history' };

  const isGroup = m.from.endsWith('@g.us');
  const givenWid = isGroup ? m.author : m.from;
  if (!givenWid) return { ignored: 'group message without author' };
  const senderWid = phoneWid ?? givenWid;
  const content = contentOf(m, senderWid);
  if (!content) return { ignored: 'empty' };
  const chat: ChatRef = { transport: 'whatsapp', chatId: m.from, kind: isGroup ? 'group' : 'private' };
  const name = m.rawData?.notifyName?.trim().slice(0, 256);
  const media = !isGroup && m.hasMedia ? mediaOf(m) : undefined;
  return {
    ...(media ? { media } : {}),
    message: {
      chat,
      messageId: m.id._serialized,
      sender: { id: `whatsapp:${senderWid}`, ...(name ? { displayName: name } : {}) },
      at,
      ...(m.isForwarded ? { forwarded: { often: (m.forwardingScore ?? 0) >= FORWARDED_MANY_TIMES } } : {}),
      content,
    },
  };
}

function contentOf(m: z.infer<typeof WaMessageSchema>, senderWid: string): InboundContent | undefined {
  const body = (m.body ?? '').slice(0, 10_000);
  switch (m.type) {
    case 'chat':
      return body.trim() ? { kind: 'text', text: body } : undefined;
    case 'location': {
      if (!m.location) return { kind: 'unsupported', what: 'location' };
      const title = (m.location.name ?? m.location.address ?? '').slice(0, 512);
      return {
        kind: 'location',
        lat: m.location.latitude,
        lon: m.location.longitude,
        ...(title ? { title } : {}),
      };
    }
    case 'vcard':
    case 'multi_vcard': {
      const phone = m.vCards?.map(phoneOfVCard).find(Boolean);
      if (!phone) return { kind: 'unsupported', what: m.type };
      return { kind: 'contact', phone: phone.number, own: phone.waid === userOf(senderWid) };
    }
    default:
      if (CAPTIONED.has(m.type) && body.trim()) return { kind: 'text', text: body };
      return { kind: 'unsupported', what: m.type };
  }
}

function mediaOf(m: z.infer<typeof WaMessageSchema>): MediaToFetch | undefined {
  const type = MEDIA_OF_TYPE[m.type];
  if (!type) return undefined;
  const caption = CAPTIONED.has(m.type) ? m.body?.trim() : undefined;
  const size = m.rawData?.size ?? undefined;
  return { type, ...(size === undefined ? {} : { size }), ...(caption ? { caption } : {}) };
}

/** `6281234567890@c.us` -> `6281234567890`; a private `@lid` id carries no phone number. */
function userOf(wid: string): string | undefined {
  const [user, server] = wid.split('@');
  return server === 'c.us' || server === 's.whatsapp.net' ? user : undefined;
}

/**
 * The first phone number of a vCard: `TEL;type=CELL;waid=6281234567890:+62 812-3456-7890`. `waid` is
 * the number's WhatsApp account, which is how a card the sender shares of themselves is recognised.
 */
export function phoneOfVCard(card: string): { number: string; waid?: string } | undefined {
  for (const line of card.split(/\r?\n/)) {
    const match = /^(?:item\d+\.)?TEL([^:]*):(.+)$/i.exec(line.trim());
    if (!match) continue;
    const waid = /waid=(\d{5,20})/i.exec(match[1]!)?.[1];
    const digits = match[2]!.replace(/[^\d+]/g, '');
    const number = waid ? `+${waid}` : digits;
    if (!/^\+?\d{5,20}$/.test(number)) continue;
    return { number, ...(waid ? { waid } : {}) };
  }
  return undefined;
}

const WaGroupNotificationSchema = z.object({
  id: z.object({ _serialized: z.string().min(1).max(128) }),
  chatId: z.string().endsWith('@g.us').max(128),
  recipientIds: z.array(z.string()),
  timestamp: z.number().nonnegative(),
});

/**
 * `group_join` / `group_leave`: only the bot's own joining or leaving matters to the core (a group it
 * left stops receiving broadcasts).
 */
export function translateMembership(
  raw: unknown,
  change: 'joined' | 'left',
  selfWid: string | undefined,
): InboundMessage | undefined {
  const parsed = WaGroupNotificationSchema.safeParse(raw);
  if (!parsed.success || !selfWid || !parsed.data.recipientIds.includes(selfWid)) return undefined;
  const n = parsed.data;
  return {
    chat: { transport: 'whatsapp', chatId: n.chatId, kind: 'group' },
    messageId: n.id._serialized,
    sender: { id: `whatsapp:${selfWid}`, pseudo: true },
    at: Math.round(n.timestamp * 1000),
    content: { kind: 'membership', change },
  };
}
