import { z } from 'zod';

/**
 * The normalized messages every transport translates to and from. Nothing platform-specific crosses
 * this line: a transport turns its updates into `InboundMessage` and renders `OutboundMessage`.
 */

/**
 * Every transport, named once; the rest (ids, patterns, schemas) is derived from this table.
 * `slashOptional`: no command menu on the platform, so a bare command word works too.
 * `editsPosts`: a group post can be brought up to date in place (Telegram's editMessageText).
 * `media`: people can send photos and voice notes through it, which its adapter downloads.
 * `ownPersons`: its people have ids of its own (`telegram:123`); false for the dashboard, where a
 * coordinator of another transport speaks, signed in, in a private chat of the `web` transport.
 */
export const TRANSPORT_TRAITS = {
  console: { slashOptional: false, editsPosts: false, media: false, ownPersons: true },
  telegram: { slashOptional: false, editsPosts: true, media: true, ownPersons: true },
  whatsapp: { slashOptional: true, editsPosts: false, media: true, ownPersons: true },
  /** The WhatsApp Business Platform's Cloud API: private chats of an organisation's number. */
  'whatsapp-cloud': { slashOptional: true, editsPosts: false, media: true, ownPersons: true },
  /** The coordinators' dashboard: a click is a command from the signed-in coordinator, answered in the page. */
  web: { slashOptional: false, editsPosts: false, media: false, ownPersons: false },
} as const satisfies Record<
  string,
  { slashOptional: boolean; editsPosts: boolean; media: boolean; ownPersons: boolean }
>;
export type TransportName = keyof typeof TRANSPORT_TRAITS;
export const TRANSPORTS = Object.keys(TRANSPORT_TRAITS) as TransportName[];
export const TransportNameSchema = z.enum(TRANSPORTS as [TransportName, ...TransportName[]]);

/** `(console|telegram|...)`: the transport part of an address, for patterns built on it. */
export const TRANSPORT_PATTERN = `(${TRANSPORTS.join('|')})`;

/** `telegram:123`, `whatsapp:6281234567890@c.us`, `whatsapp-cloud:6281234567890`, `console:local`. */
export const PersonIdSchema = z.string().regex(new RegExp(`^${TRANSPORT_PATTERN}:\\S{1,128}$`));
export type PersonId = string;

export const ChatRefSchema = z.object({
  transport: TransportNameSchema,
  chatId: z.string().min(1).max(128),
  kind: z.enum(['private', 'group']),
});
export type ChatRef = z.infer<typeof ChatRefSchema>;

/**
 * A sender that stands for a whole chat (Telegram's anonymous group admins, channel posts) is named by
 * that chat, never shared across chats: `telegram:chat:-100123`. What it is told goes to the chat.
 */
export const chatIdentity = (transport: TransportName, chatId: string): PersonId =>
  `${transport}:chat:${chatId}`;

const CHAT_IDENTITY = new RegExp(`^${TRANSPORT_PATTERN}:chat:(\\S+)$`);

/** The chat a chat identity stands for; undefined for a person. */
export function chatOfIdentity(personId: PersonId): ChatRef | undefined {
  const m = CHAT_IDENTITY.exec(personId);
  return m ? { transport: m[1] as TransportName, chatId: m[2]!, kind: 'group' } : undefined;
}

/**
 * The phone number behind a person id, where the id is one: WhatsApp names a person by their number
 * (`whatsapp:6281234567890@c.us` and the Cloud API's `whatsapp-cloud:6281234567890` are +6281234567890;
 * E.164 allows at most 15 digits). Other ids (a
 * Telegram user, WhatsApp's `@lid` ids, groups) carry none.
 */
export function phoneOfPersonId(personId: PersonId): string | undefined {
  const m = /^whatsapp:(\d{7,15})@c\.us$/.exec(personId) ?? /^whatsapp-cloud:(\d{7,15})$/.exec(personId);
  return m ? `+${m[1]}` : undefined;
}

export const SenderSchema = z.object({
  id: PersonIdSchema,
  displayName: z.string().max(256).optional(),
  /** The platform's language hint (Telegram's language_code), used until the person picks one. */
  languageHint: z.string().max(16).optional(),
  /** A platform pseudo-sender (an anonymous group admin, a channel post): never holds a role. */
  pseudo: z.boolean().optional(),
});
export type Sender = z.infer<typeof SenderSchema>;

const latitude = z.number().finite().min(-90).max(90);
const longitude = z.number().finite().min(-180).max(180);

export const MEDIA_TYPES = ['photo', 'voice', 'audio', 'video', 'document'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

/** A stored file, named by its SHA-256 under data/media/ (never by the sender's file name). */
export const StoredMediaSchema = z.object({
  type: z.enum(MEDIA_TYPES),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  mime: z.string().max(128),
});
export type StoredMedia = z.infer<typeof StoredMediaSchema>;

/**
 * Where a photo's EXIF says it was taken, read before the metadata was stripped: `takenAt` from the GPS
 * clock (UTC, `zoned`) or the camera's clock (`zoned` only when the photo gave its offset).
 */
export const PhotoPlaceSchema = z.object({
  lat: latitude,
  lon: longitude,
  takenAt: z.number().int().optional(),
  zoned: z.boolean(),
});
export type PhotoPlace = z.infer<typeof PhotoPlaceSchema>;

export const InboundContentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string().max(10_000) }),
  z.object({
    kind: z.literal('location'),
    lat: latitude,
    lon: longitude,
    title: z.string().max(512).optional(),
  }),
  z.object({ kind: z.literal('contact'), phone: z.string().max(64), own: z.boolean() }),
  /** A pressed button, or a numbered answer the core already matched to a choice. */
  z.object({ kind: z.literal('choice'), value: z.string().max(64) }),
  /** The bot was added to or removed from a group. */
  z.object({
    kind: z.literal('membership'),
    change: z.enum(['joined', 'left']),
    title: z.string().max(256).optional(),
  }),
  /**
   * The group became another chat on its platform (a Telegram group upgraded to a supergroup): what was
   * registered and queued for chat `from` follows it to chat `to`.
   */
  z.object({
    kind: z.literal('migrated'),
    from: z.string().min(1).max(128),
    to: z.string().min(1).max(128),
  }),
  /** A photo, voice note, audio, video or document the transport downloaded and stored; the caption is read as text. */
  z.object({
    kind: z.literal('media'),
    media: StoredMediaSchema,
    caption: z.string().max(10_000).optional(),
    /** Where an image's EXIF said it was taken (the stored file has no metadata left). */
    place: PhotoPlaceSchema.optional(),
  }),
  /** Media over MEDIA_MAX_MB: not downloaded, answered kindly. */
  z.object({ kind: z.literal('media-too-large'), type: z.enum(MEDIA_TYPES), maxMb: z.number().positive() }),
  /** Stickers, polls...: answered with a hint in private chats, ignored in groups. */
  z.object({ kind: z.literal('unsupported'), what: z.string().max(64) }),
]);
export type InboundContent = z.infer<typeof InboundContentSchema>;

export const InboundMessageSchema = z.object({
  chat: ChatRefSchema,
  /** A group's name where the platform gives it with the message; `/register` records it. */
  chatTitle: z.string().max(256).optional(),
  /**
   * Whether the bot sees every message of this group or only commands and replies to it (Telegram's
   * privacy mode, when the bot is no admin), where the transport knows; `/listen on` says so.
   */
  groupView: z.enum(['all', 'commands']).optional(),
  /**
   * Passed on from elsewhere: when it was first written, where the platform says (Telegram), or that it
   * was forwarded many times (WhatsApp's "forwarded many times"). Listen mode drafts no old forward.
   */
  forwarded: z
    .object({ at: z.number().int().nonnegative().optional(), often: z.boolean().optional() })
    .optional(),
  /** The platform's id for this message; a redelivery carries the same id and is ignored. */
  messageId: z.string().min(1).max(128),
  sender: SenderSchema,
  at: z.number().int().nonnegative(),
  content: InboundContentSchema,
});
export type InboundMessage = z.infer<typeof InboundMessageSchema>;

export interface Choice {
  value: string;
  label: string;
  /** A suggestion of free text (a name): typed in another case, the answer keeps the letters as typed. */
  typed?: boolean;
}

/**
 * `reply` answers someone who just wrote (sent first, never paced like bulk); `notice` is an unsolicited
 * message to one person; `group` goes to a group chat (announcements and broadcasts).
 */
export type OutboundKind = 'reply' | 'notice' | 'group';

/** A document sent along with a message (an export): the console writes it to disk, Telegram uses sendDocument. */
export interface OutboundFile {
  /** A plain file name, no directories: `requests-2026-12-01.csv`. */
  name: string;
  mime: string;
  content: string;
}

export interface OutboundMessage {
  /** The outbox row this message comes from. */
  id: number;
  chat: ChatRef;
  kind: OutboundKind;
  text: string;
  /** The platform's id of an earlier message in this chat that this text replaces (an edited post). */
  editOf?: string;
  choices?: Choice[];
  /** Ask the person to share something the platform can send natively. */
  ask?: 'location' | 'contact';
  /** A file to send; `text` is its caption. */
  file?: OutboundFile;
  /** Stored media to forward privately (a photo or voice note of a case); `text` is its caption. */
  media?: StoredMedia;
}
