import type { OutboundMessage } from '../../domain/message.ts';

/**
 * Longest part sent as one message. WhatsApp Web accepts far longer texts (about 65,000 characters),
 * but 4096 is the text limit WhatsApp documents for its Business API, every client shows it whole,
 * and one part never turns into a "Read more" wall on a small phone.
 */
export const WHATSAPP_TEXT_LIMIT = 4096;

/**
 * WhatsApp has no buttons for an unofficial client: choices become a numbered list, which the core
 * matches when the person answers "1" or "2". The hint stays language-neutral because the catalog
 * belongs to the core.
 */
export function renderText(message: OutboundMessage): string {
  const lines = [message.text];
  const choices = message.choices ?? [];
  if (choices.length > 0) {
    lines.push('', ...choices.map((c, i) => `${i + 1}. ${c.label}`));
    if (choices.length > 1) lines.push(`(1-${choices.length})`);
  }
  // Where to find the share in WhatsApp's attach menu, in its English and Indonesian wording.
  if (message.ask === 'location') lines.push('', '📍 📎 › Location / Lokasi');
  if (message.ask === 'contact') lines.push('', '👤 📎 › Contact / Kontak');
  return lines.join('\n');
}
