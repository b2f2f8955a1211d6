import type { OutboundMessage } from '../../domain/message.ts';
import { withNumberedChoices } from '../../engine/numbered-choices.ts';

/**
 * Longest part sent as one message. WhatsApp Web accepts far longer texts (about 65,000 characters),
 * but 4096 is the text limit WhatsApp documents for its Business API, every client shows it whole,
 * and one part never turns into a "Read more" wall on a small phone.
 */
export const WHATSAPP_TEXT_LIMIT = 4096;

/** WhatsApp has no buttons for an unofficial client: choices become numbered lines. */
export function renderText(message: OutboundMessage): string {
  return withNumberedChoices(message.text, message.choices ?? [], message.ask);
}
