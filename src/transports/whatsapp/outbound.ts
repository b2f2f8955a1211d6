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

/** Splits at the last paragraph, line or word break that keeps a part within `limit`. */
export function splitText(text: string, limit = WHATSAPP_TEXT_LIMIT): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    const cut = [window.lastIndexOf('\n\n'), window.lastIndexOf('\n'), window.lastIndexOf(' ')].find(
      (i) => i > limit / 2,
    );
    // Never split a surrogate pair (an emoji) in two.
    let at = cut ?? limit;
    if (cut === undefined && /[\uD800-\uDBFF]/.test(rest[at - 1] ?? '')) at--;
    parts.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).replace(/^\s+/, '');
  }
  if (rest.length > 0 || parts.length === 0) parts.push(rest);
  return parts;
}
