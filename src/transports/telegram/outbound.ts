import { GrammyError, HttpError } from 'grammy';
import type { InlineKeyboardMarkup, ReplyKeyboardMarkup, ReplyKeyboardRemove } from 'grammy/types';
import type { Choice, OutboundMessage } from '../../domain/message.ts';
import { TransportError } from '../../engine/errors.ts';
import { splitText } from '../../engine/split-text.ts';
import { NUMBERED_CHOICE_PREFIX } from './updates.ts';

/** Telegram's limits: message text, a document's caption, and callback_data in bytes. */
export const MAX_TEXT = 4096;
export const MAX_CAPTION = 1024;
const MAX_CALLBACK_BYTES = 64;

export type ReplyMarkup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove;

export interface TextSend {
  text: string;
  replyMarkup?: ReplyMarkup;
}

/** Labels of the share buttons; the core gives none, so the adapter's catalog provides them. */
export interface ShareLabels {
  location: string;
  contact: string;
}

/**
 * The choice value travels as callback_data and comes back as the pressed choice, where the core checks
 * it against what it offered. A value over 64 bytes travels as its number instead, which the core
 * matches like a typed "2".
 */
function callbackData(choice: Choice, index: number): string {
  return Buffer.byteLength(choice.value, 'utf8') <= MAX_CALLBACK_BYTES
    ? choice.value
    : `${NUMBERED_CHOICE_PREFIX}${index + 1}`;
}

function replyMarkup(m: OutboundMessage, labels: ShareLabels): ReplyMarkup | undefined {
  if (m.ask === 'location' || m.ask === 'contact') {
    const button =
      m.ask === 'location'
        ? { text: labels.location, request_location: true }
        : { text: labels.contact, request_contact: true };
    // One message carries one kind of keyboard: alongside a share button, choices ("Skip") become reply
    // buttons whose text comes back typed, which the core matches by label.
    const rows = [[button], ...(m.choices ?? []).map((c) => [{ text: c.label.slice(0, 64) }])];
    return { keyboard: rows, resize_keyboard: true, one_time_keyboard: true };
  }
  if (m.choices?.length) {
    return {
      inline_keyboard: m.choices.map((c, i) => [
        { text: c.label.slice(0, 64), callback_data: callbackData(c, i) },
      ]),
    };
  }
  // A share keyboard left from an earlier question would otherwise stay under the text field.
  if (m.chat.kind === 'private') return { remove_keyboard: true };
  return undefined;
}

/**
 * An outbound message as Telegram sendMessage calls: plain text (no parse_mode, so nothing a person
 * wrote can be read as markup and no escaping can go wrong), the keyboard on the last part.
 */
export function toTextSends(m: OutboundMessage, labels: ShareLabels): TextSend[] {
  const parts = splitText(m.text, MAX_TEXT);
  const markup = replyMarkup(m, labels);
  return parts.map((text, i) =>
    i === parts.length - 1 && markup ? { text, replyMarkup: markup } : { text },
  );
}

/** "blocked by the user", "kicked from the group chat", "user is deactivated", "not a member"... */
const GONE = /blocked|kicked|deactivated|not a member|chat not found|initiate conversation/i;

/** Every platform failure leaves the adapter as a TransportError; the outbox alone decides what follows. */
export function toTransportError(err: unknown): TransportError {
  if (err instanceof TransportError) return err;
  if (err instanceof GrammyError) {
    const what = `telegram ${err.method}: ${err.error_code} ${err.description}`;
    if (err.error_code === 429) {
      const after = err.parameters.retry_after ?? 5;
      return TransportError.retry(what, after * 1000);
    }
    if (err.error_code >= 500) return TransportError.retry(what);
    const movedTo = err.parameters.migrate_to_chat_id;
    if (err.error_code === 400 && movedTo !== undefined) return TransportError.moved(what, String(movedTo));
    if ((err.error_code === 403 || err.error_code === 400) && GONE.test(err.description))
      return TransportError.unreachable(what);
    return TransportError.permanent(what);
  }
  if (err instanceof HttpError) return TransportError.retry(`telegram network: ${err.message}`);
  return TransportError.retry(`telegram: ${err instanceof Error ? err.message : String(err)}`);
}
