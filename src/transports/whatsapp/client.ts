/**
 * The part of whatsapp-web.js's `Client` the adapter uses. The real client and the test fake both fit
 * it, so the adapter never names the library's types and tests need no browser.
 */
export interface WhatsAppClient {
  /** Events used: `qr`, `ready`, `message`, `disconnected`, `auth_failure`, `group_join`, `group_leave`. */
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  initialize(): Promise<void>;
  destroy(): Promise<void>;
  /** Resolves to undefined when WhatsApp Web has no such chat. `content` is text or a file to send. */
  sendMessage(
    chatId: string,
    content: string | OutgoingMedia,
    options?: { caption?: string; sendAudioAsVoice?: boolean },
  ): Promise<{ id: { _serialized: string } } | undefined>;
  /** Maps private `@lid` ids to phone-number ids (`pn`), where WhatsApp Web knows them. */
  getContactLidAndPhone(userIds: string[]): Promise<{ lid: string; pn: string }[]>;
  /** Set once the client is ready: the bot's own WhatsApp id. */
  info?: { wid?: { _serialized: string } } | undefined;
}

/** What whatsapp-web.js's `Message.downloadMedia()` resolves to: the file as base64. */
export interface DownloadedMedia {
  mimetype: string;
  data: string;
}

/** A received message as the adapter may act on it: the file of one that has media. */
export interface WithMedia {
  /** Undefined when the file is no longer on the sender's phone. */
  downloadMedia(): Promise<DownloadedMedia | undefined>;
}

/** A file to send: whatsapp-web.js's `MessageMedia`, made by `MediaMaker` (the library checks its class). */
export interface OutgoingMedia {
  readonly mimetype: string;
  readonly data: string;
}

/** Makes the library's file object from a type and base64 bytes. */
export type MediaMaker = (mimetype: string, base64: string) => OutgoingMedia;

/** Builds a fresh client; a reconnect always starts from a new one (the library destroys a disconnected one). */
export type WhatsAppClientFactory = () => WhatsAppClient;
