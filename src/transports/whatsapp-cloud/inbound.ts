import { z } from 'zod';
import type { InboundContent, InboundMessage, MediaType } from '../../domain/message.ts';
import type { DeliveryStatus } from '../../engine/transport.ts';

/** A file the message carries, named by its media id (fetched with GET /{media-id}, then its url). */
const MediaRef = z.object({
  id: z.string().regex(/^[\w.-]{1,128}$/),
  mime_type: z.string().max(128).optional(),
  caption: z.string().optional(),
  /** On `audio`: recorded as a voice note. */
  voice: z.boolean().optional(),
});

const Message = z.object({
  from: z.string().regex(/^\d{5,20}$/),
  id: z.string().min(1).max(128),
  timestamp: z.string().regex(/^\d{1,12}$/),
  type: z.string(),
  text: z.object({ body: z.string() }).optional(),
  location: z
    .object({
      latitude: z.number(),
      longitude: z.number(),
      name: z.string().optional(),
      address: z.string().optional(),
    })
    .optional(),
  contacts: z
    .array(
      z.object({
        phones: z.array(z.object({ phone: z.string().optional(), wa_id: z.string().optional() })).optional(),
      }),
    )
    .optional(),
  interactive: z
    .object({
      type: z.string(),
      button_reply: z.object({ id: z.string() }).optional(),
      list_reply: z.object({ id: z.string() }).optional(),
    })
    .optional(),
  /** A quick-reply button of a template message. */
  button: z.object({ payload: z.string().optional(), text: z.string().optional() }).optional(),
  image: MediaRef.optional(),
  audio: MediaRef.optional(),
  video: MediaRef.optional(),
  document: MediaRef.optional(),
});

/** The Cloud API's message types whose file the bot keeps (stickers are not kept). */
const MEDIA_TYPES = { image: 'photo', audio: 'audio', video: 'video', document: 'document' } as const;

/** A message's file, downloaded by the adapter before the message is recorded. */
export interface CloudMedia {
  /** Its content is replaced by the file once fetched; until then it is what the bot makes of it without. */
  message: InboundMessage;
  mediaId: string;
  type: MediaType;
  mime?: string;
  caption?: string;
}

const Status = z.object({
  id: z.string().min(1).max(128),
  status: z.enum(['sent', 'delivered', 'read', 'failed', 'deleted', 'warning']),
  timestamp: z.string().regex(/^\d{1,12}$/),
  recipient_id: z.string().optional(),
  errors: z.array(z.object({ code: z.number(), title: z.string().optional() })).optional(),
});

const Value = z.object({
  metadata: z.object({ phone_number_id: z.string() }).optional(),
  contacts: z
    .array(z.object({ wa_id: z.string(), profile: z.object({ name: z.string() }).optional() }))
    .optional(),
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
});

/**
 * The Cloud API's webhook payload (`object: whatsapp_business_account`), read as far as the bot uses
 * it. Every field the bot does not read may be there or not; a message of a kind the bot does not take
 * becomes `unsupported`, so the person is told what works instead of hearing nothing.
 */
export const WebhookPayload = z.object({
  object: z.string(),
  entry: z.array(
    z.object({ changes: z.array(z.object({ field: z.string(), value: z.unknown() })).default([]) }),
  ),
});

export interface ReadWebhook {
  messages: InboundMessage[];
  /** The messages among `messages` that carry a file. */
  media: CloudMedia[];
  /** Items that could not be read as a message, handed on as they are (the core counts them invalid). */
  unread: unknown[];
  statuses: DeliveryStatus[];
}

/** Reads one webhook payload of the bot's own phone number into the core's messages and delivery statuses. */
export function readWebhook(payload: unknown, phoneNumberId: string): ReadWebhook {
  const out: ReadWebhook = { messages: [], media: [], unread: [], statuses: [] };
  const parsed = WebhookPayload.safeParse(payload);
  if (!parsed.success || parsed.data.object !== 'whatsapp_business_account') return out;
  for (const entry of parsed.data.entry)
    for (const change of entry.changes) {
      if (change.field !== 'messages') continue;
      const value = Value.safeParse(change.value);
      if (!value.success) continue;
      // One app may serve several numbers: another number's traffic is not this transport's.
      const to = value.data.metadata?.phone_number_id;
      if (to !== undefined && to !== phoneNumberId) continue;
      const names = new Map((value.data.contacts ?? []).map((c) => [c.wa_id, c.profile?.name]));
      for (const raw of value.data.messages ?? []) {
        const m = Message.safeParse(raw);
        if (!m.success) {
          out.unread.push(raw);
          continue;
        }
        const message = toInbound(m.data, names.get(m.data.from));
        out.messages.push(message);
        const media = mediaOf(m.data, message);
        if (media) out.media.push(media);
      }
      for (const raw of value.data.statuses ?? []) {
        const s = Status.safeParse(raw);
        // `warning` and `deleted` say nothing about delivery.
        if (!s.success || s.data.status === 'warning' || s.data.status === 'deleted') continue;
        const code = s.data.errors?.[0]?.code;
        out.statuses.push({
          platformMessageId: s.data.id,
          status: s.data.status,
          at: Number(s.data.timestamp) * 1000,
          ...(code === undefined ? {} : { errorCode: code }),
        });
      }
    }
  return out;
}

function toInbound(m: z.infer<typeof Message>, name: string | undefined): InboundMessage {
  return {
    chat: { transport: 'whatsapp-cloud', chatId: m.from, kind: 'private' },
    messageId: m.id,
    sender: { id: `whatsapp-cloud:${m.from}`, ...(name ? { displayName: name.slice(0, 256) } : {}) },
    at: Number(m.timestamp) * 1000,
    content: contentOf(m),
  };
}

function mediaOf(m: z.infer<typeof Message>, message: InboundMessage): CloudMedia | undefined {
  if (!(m.type in MEDIA_TYPES)) return undefined;
  const kind = m.type as keyof typeof MEDIA_TYPES;
  const ref = m[kind];
  if (!ref) return undefined;
  const type: MediaType = kind === 'audio' && ref.voice ? 'voice' : MEDIA_TYPES[kind];
  const caption = ref.caption?.trim();
  return {
    message,
    mediaId: ref.id,
    type,
    ...(ref.mime_type ? { mime: ref.mime_type } : {}),
    ...(caption ? { caption } : {}),
  };
}

const unsupported = (what: string): InboundContent => ({ kind: 'unsupported', what: what.slice(0, 64) });

function contentOf(m: z.infer<typeof Message>): InboundContent {
  switch (m.type) {
    case 'text':
      return m.text ? { kind: 'text', text: m.text.body.slice(0, 10_000) } : unsupported(m.type);
    case 'location': {
      const l = m.location;
      if (!l || Math.abs(l.latitude) > 90 || Math.abs(l.longitude) > 180) return unsupported(m.type);
      const title = [l.name, l.address].filter(Boolean).join(', ').slice(0, 512);
      return { kind: 'location', lat: l.latitude, lon: l.longitude, ...(title ? { title } : {}) };
    }
    case 'contacts': {
      const phone = m.contacts?.[0]?.phones?.[0];
      const number = phone?.phone ?? phone?.wa_id;
      if (!number) return unsupported(m.type);
      // A shared card is the sender's own number when it is the number they write from.
      const own = (phone?.wa_id ?? number.replace(/\D/g, '')) === m.from;
      return { kind: 'contact', phone: number.slice(0, 64), own };
    }
    case 'interactive': {
      const id = m.interactive?.button_reply?.id ?? m.interactive?.list_reply?.id;
      return id ? { kind: 'choice', value: id.slice(0, 64) } : unsupported(m.type);
    }
    case 'button': {
      const text = m.button?.payload ?? m.button?.text;
      return text ? { kind: 'text', text: text.slice(0, 10_000) } : unsupported(m.type);
    }
    default: {
      // A file's caption is what the person wrote, should the file itself not come.
      const caption =
        m.type in MEDIA_TYPES ? m[m.type as keyof typeof MEDIA_TYPES]?.caption?.trim() : undefined;
      return caption ? { kind: 'text', text: caption.slice(0, 10_000) } : unsupported(m.type);
    }
  }
}
