import type { Choice, OutboundMessage } from '../domain/message.ts';

/**
 * Choices as numbered lines, for a platform without buttons (WhatsApp Web) or with more choices than
 * its buttons hold: the core matches the answer "1" or "2". The share hints stay language-neutral, in
 * WhatsApp's English and Indonesian wording, because the catalog belongs to the core.
 */
export function withNumberedChoices(
  text: string,
  choices: readonly Choice[],
  ask: OutboundMessage['ask'],
): string {
  const lines = [text];
  if (choices.length > 0) {
    lines.push('', ...choices.map((c, i) => `${i + 1}. ${c.label}`));
    if (choices.length > 1) lines.push(`(1-${choices.length})`);
  }
  if (ask === 'location') lines.push('', '📍 📎 › Location / Lokasi');
  if (ask === 'contact') lines.push('', '👤 📎 › Contact / Kontak');
  return lines.join('\n');
}
