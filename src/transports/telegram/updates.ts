import { z } from 'zod';
import {
  type ChatRef,
  chatIdentity,
  type InboundContent,
  type InboundMessage,
  type MediaType,
  type Sender,
} from '../../domain/message.ts';

/**
 * Telegram updates -> core messages. Only the fields the bot reads are validated (zod at the edge, with
 * `UpdateSchema`); an update that does not parse is skipped and still confirmed, so it cannot block
 * the queue.
 */

/** Asked of Telegram in getUpdates and setWebhook; nothing else arrives. */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;

/**
 * Telegram's pseudo-senders: an anonymous group admin (GroupAnonymousBot), a channel post (Channel_Bot)
 * and a linked channel's post (777000). Each stands for many people in many chats.
 */
const PSEUDO_SENDERS = new Set([1087968824, 136817688, 777000]);

const User = z.object({
  id: z.number().int(),
  is_bot: z.boolean().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  username: z.string().optional(),
  language_code: z.string().optional(),
});

const Chat = z.object({
  id: z.number().int(),
  type: z.enum(['private', 'group', 'supergroup', 'channel']),
  title: z.string().optional(),
});

const Location = z.object({ latitude: z.number(), longitude: z.number() });
const FileRef = z.looseObject({
  file_id: z.string().min(1),
  file_size: z.number().int().nonnegative().optional(),
  mime_type: z.string().max(128).optional(),
});

// Loose: the keys of what the bot cannot read (sticker, voice...) are kept to name them.
const Message = z.looseObject({
  message_id: z.number().int(),
  date: z.number().int(),
  chat: Chat,
  from: User.optional(),
  sender_chat: Chat.optional(),
  text: z.string().optional(),
  location: Location.optional(),
  venue: z.object({ location: Location, title: z.string(), address: z.string().optional() }).optional(),
  contact: z.object({ phone_number: z.string(), user_id: z.number().int().optional() }).optional(),
  caption: z.string().optional(),
  /** The sizes of one photo, smallest first. */
  photo: z.array(FileRef).optional(),
  voice: FileRef.optional(),
  audio: FileRef.optional(),
  video: FileRef.optional(),
  document: FileRef.optional(),
  /** A forwarded message: when the original was sent (Bot API 7.0; `forward_date` before it). */
  forward_origin: z.looseObject({ date: z.number().int().nonnegative() }).optional(),
  forward_date: z.number().int().nonnegative().optional(),
  /** A group upgraded to a supergroup: said in the old chat (to) and in the new one (from). */
  migrate_to_chat_id: z.number().int().optional(),
  migrate_from_chat_id: z.number().int().optional(),
});
type Message = z.infer<typeof Message>;

const MemberStatus = z.enum(['creator', 'administrator', 'member', 'restricted', 'left', 'kicked']);

export const UpdateSchema = z.object({
  update_id: z.number().int().nonnegative(),
  message: Message.optional(),
  callback_query: z
    .object({
      id: z.string().min(1),
      from: User,
      message: z.object({ message_id: z.number().int(), chat: Chat }).optional(),
      data: z.string().optional(),
    })
    .optional(),
  my_chat_member: z
    .object({
      chat: Chat,
      from: User,
      date: z.number().int(),
      new_chat_member: z.object({ status: MemberStatus, is_member: z.boolean().optional() }),
    })
    .optional(),
});
export type Update = z.infer<typeof UpdateSchema>;

/** Message kinds the bot cannot read, named for the log and the "text or location please" hint. */
const UNSUPPORTED_KINDS = [
  'sticker',
  'voice',
  'photo',
  'video',
  'video_note',
  'audio',
  'document',
  'animation',
  'poll',
  'dice',
  'game',
  'story',
] as const;

/** Media the adapter fetches (getFile, then the file URL) before the message goes to the core. */
export interface MediaToFetch {
  type: MediaType;
  fileId: string;
  /** As Telegram states it: a file over the limit is not fetched at all. */
  size?: number;
  mime: string;
  caption?: string;
}

const DEFAULT_MIME: Record<MediaType, string> = {
  photo: 'image/jpeg',
  voice: 'audio/ogg',
  audio: 'audio/mpeg',
  video: 'video/mp4',
  document: 'application/octet-stream',
};

/** The media a private message carries; groups' media is never fetched (the bot ignores it there). */
function mediaOf(m: Message): MediaToFetch | undefined {
  const photo = m.photo?.at(-1);
  const [type, file] = photo
    ? (['photo', photo] as const)
    : m.voice
      ? (['voice', m.voice] as const)
      : m.audio
        ? (['audio', m.audio] as const)
        : m.video
          ? (['video', m.video] as const)
          : m.document
            ? (['document', m.document] as const)
            : [undefined, undefined];
  if (!type || !file) return undefined;
  return {
    type,
    fileId: file.file_id,
    ...(file.file_size === undefined ? {} : { size: file.file_size }),
    mime: file.mime_type ?? DEFAULT_MIME[type],
    ...(m.caption ? { caption: m.caption.slice(0, 10_000) } : {}),
  };
}

export interface Translated {
  message: InboundMessage;
  /** Set for a private message with media: its content is filled in once the file is fetched. */
  media?: MediaToFetch;
  /** A pressed inline button: Telegram shows a spinner until it is answered. */
  callbackQueryId?: string;
  /** The message whose button was pressed: its keyboard is taken away once the press is recorded. */
  pressedOn?: { chatId: number; messageId: number };
}

function chatRef(chat: z.infer<typeof Chat>): ChatRef | null {
  if (chat.type === 'channel') return null;
  return {
    transport: 'telegram',
    chatId: String(chat.id),
    kind: chat.type === 'private' ? 'private' : 'group',
  };
}

/**
 * Identity is the numeric user id, never the username (which its owner can change or give away). A
 * pseudo-sender is no one person: it becomes the chat it speaks for (`telegram:chat:-100123`, the group
 * of an anonymous admin or the posting channel), so reports, ownership and flood allowance stay per chat.
 */
function sender(
  user: z.infer<typeof User>,
  chat: z.infer<typeof Chat>,
  senderChat?: z.infer<typeof Chat>,
): Sender {
  if (PSEUDO_SENDERS.has(user.id) || senderChat) {
    const speaksFor = senderChat ?? chat;
    return {
      id: chatIdentity('telegram', String(speaksFor.id)),
      ...(speaksFor.title ? { displayName: speaksFor.title.slice(0, 256) } : {}),
      pseudo: true,
    };
  }
  const name = [user.first_name, user.last_name].filter(Boolean).join(' ').slice(0, 256);
  return {
    id: `telegram:${user.id}`,
    ...(name ? { displayName: name } : {}),
    ...(user.language_code ? { languageHint: user.language_code.slice(0, 16) } : {}),
  };
}

/** The command is addressed to another bot (`/start@OtherBot`, seen by bots with privacy mode off). */
function forAnotherBot(text: string, botUsername: string | undefined): boolean {
  const m = /^\/[\p{L}\p{N}_]+@(\w+)/u.exec(text);
  return Boolean(m && botUsername && m[1]!.toLowerCase() !== botUsername.toLowerCase());
}

function content(m: Message): InboundContent {
  if (m.text !== undefined) return { kind: 'text', text: m.text };
  if (m.migrate_to_chat_id !== undefined)
    return { kind: 'migrated', from: String(m.chat.id), to: String(m.migrate_to_chat_id) };
  if (m.migrate_from_chat_id !== undefined)
    return { kind: 'migrated', from: String(m.migrate_from_chat_id), to: String(m.chat.id) };
  if (m.venue) {
    const title = [m.venue.title, m.venue.address].filter(Boolean).join(', ').slice(0, 512);
    return { kind: 'location', lat: m.venue.location.latitude, lon: m.venue.location.longitude, title };
  }
  if (m.location) return { kind: 'location', lat: m.location.latitude, lon: m.location.longitude };
  if (m.contact) {
    return {
      kind: 'contact',
      phone: m.contact.phone_number,
      own: m.contact.user_id !== undefined && m.contact.user_id === m.from?.id,
    };
  }
  return { kind: 'unsupported', what: UNSUPPORTED_KINDS.find((k) => k in m) ?? 'other' };
}

/**
 * One update -> one core message, or null for what the bot does not take (channels, edits, commands
 * for other bots). Message ids are stable across redeliveries and across polling and webhook modes:
 * (chat, message_id) for messages, the callback query's own id for buttons.
 */
export function translateUpdate(u: Update, botUsername?: string): Translated | null {
  if (u.message?.from) {
    const m = u.message;
    const chat = chatRef(m.chat);
    if (!chat || (m.text !== undefined && forAnotherBot(m.text, botUsername))) return null;
    const media = chat.kind === 'private' ? mediaOf(m) : undefined;
    const forwardedAt = m.forward_origin?.date ?? m.forward_date;
    return {
      ...(media ? { media } : {}),
      message: {
        chat,
        ...(chat.kind === 'group' && m.chat.title ? { chatTitle: m.chat.title.slice(0, 256) } : {}),
        ...(forwardedAt === undefined ? {} : { forwarded: { at: forwardedAt * 1000 } }),
        messageId: `m${m.message_id}`,
        sender: sender(m.from!, m.chat, m.sender_chat),
        at: m.date * 1000,
        content: content(m),
      },
    };
  }
  if (u.callback_query?.message && u.callback_query.data !== undefined) {
    const q = u.callback_query;
    const chat = chatRef(q.message!.chat);
    if (!chat) return null;
    return {
      message: {
        chat,
        messageId: `cb${q.id}`,
        sender: sender(q.from, q.message!.chat),
        at: Date.now(),
        content: choiceContent(q.data!),
      },
      callbackQueryId: q.id,
      pressedOn: { chatId: q.message!.chat.id, messageId: q.message!.message_id },
    };
  }
  if (u.my_chat_member) {
    const c = u.my_chat_member;
    const chat = chatRef(c.chat);
    // In a private chat this means the person blocked or unblocked the bot; a failed send says as much.
    if (chat?.kind !== 'group') return null;
    const gone = c.new_chat_member.status === 'left' || c.new_chat_member.status === 'kicked';
    return {
      message: {
        chat,
        messageId: `member${u.update_id}-${c.date}`,
        sender: sender(c.from, c.chat),
        at: c.date * 1000,
        content: {
          kind: 'membership',
          change: gone ? 'left' : 'joined',
          ...(c.chat.title ? { title: c.chat.title.slice(0, 256) } : {}),
        },
      },
    };
  }
  return null;
}

/** Marks a button whose value was too long for callback_data; it stands for "answer number n". */
export const NUMBERED_CHOICE_PREFIX = '#';

function choiceContent(data: string): InboundContent {
  const numbered = new RegExp(`^${NUMBERED_CHOICE_PREFIX}(\\d{1,2})$`).exec(data);
  if (numbered) return { kind: 'text', text: numbered[1]! };
  return { kind: 'choice', value: data };
}
