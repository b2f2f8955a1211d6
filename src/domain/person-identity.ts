import { type PersonId, TRANSPORT_PATTERN } from './message.ts';

/**
 * Whether an identity names a person, who can hold a role and read personal data in their private
 * chat, or something else: a group, a channel (or broadcast list), or a sender standing for a whole
 * chat (Telegram's anonymous group admin, a channel post). Roles and personal messages are for persons.
 */
export type Identity =
  | { person: true; id: PersonId }
  | { person: false; what: 'group' | 'channel' | 'anonymous' | 'malformed' };

/** Telegram's own accounts that post for a chat: the anonymous group admin, service and channel bots. */
const TELEGRAM_PSEUDO_USERS = new Set(['1087968824', '777000', '136817688']);

/** `transport:rest`: built once, since every personal message is checked against it. */
const IDENTITY = new RegExp(`^${TRANSPORT_PATTERN}:(.+)$`);

/**
 * Reads `telegram:123`, `whatsapp:6281234567890` (`+62 812-3456-7890`, with or without `@c.us`),
 * `whatsapp-cloud:6281234567890` or `console:local` and normalises it to the id the bot knows the
 * person by; anything that is not a person says what it is instead.
 */
export function identityOf(text: string): Identity {
  // The transport as typed in any case (`Telegram:-1001` is still a group): ids are compared lower-case.
  const m = IDENTITY.exec(text.trim().replace(/^[a-z-]+(?=:)/i, (t) => t.toLowerCase()));
  if (!m) return { person: false, what: 'malformed' };
  const transport = m[1]!;
  const rest = m[2]!.trim();
  if (/^chat:/i.test(rest)) return { person: false, what: 'anonymous' };
  if (transport === 'telegram') {
    if (/^-\d{1,20}$/.test(rest)) return { person: false, what: 'group' };
    if (!/^\d{1,20}$/.test(rest)) return { person: false, what: 'malformed' };
    if (TELEGRAM_PSEUDO_USERS.has(rest)) return { person: false, what: 'anonymous' };
    return { person: true, id: `telegram:${rest}` };
  }
  if (transport === 'whatsapp') {
    if (/@g\.us$/i.test(rest)) return { person: false, what: 'group' };
    if (/@(newsletter|broadcast)$/i.test(rest)) return { person: false, what: 'channel' };
    // WhatsApp names some senders by a private `@lid` id instead of their number: still a person.
    if (/^\d{5,20}@lid$/.test(rest)) return { person: true, id: `whatsapp:${rest}` };
    const digits = rest.replace(/@c\.us$/, '');
    if (!/^\+?[\d\s().-]+$/.test(digits)) return { person: false, what: 'malformed' };
    const number = digits.replace(/\D/g, '');
    if (number.length === 0 || number.length > 20) return { person: false, what: 'malformed' };
    return { person: true, id: `whatsapp:${number}@c.us` };
  }
  if (transport === 'whatsapp-cloud') {
    // The Cloud API names a person by their number (`wa_id`), digits only.
    const number = /^\+?[\d\s().-]+$/.test(rest) ? rest.replace(/\D/g, '') : '';
    if (number.length < 7 || number.length > 15) return { person: false, what: 'malformed' };
    return { person: true, id: `whatsapp-cloud:${number}` };
  }
  if (transport === 'console' && /^\S{1,128}$/.test(rest)) return { person: true, id: `console:${rest}` };
  // A transport without a rule here names no person yet: refused, never taken for another transport's.
  return { person: false, what: 'malformed' };
}

/** Why an identity holds no role, in the operator's words (configuration and the command line). */
export const NOT_A_PERSON: Record<Exclude<Identity, { person: true }>['what'], string> = {
  group: 'is a group or a channel, not a person: roles are held by persons only',
  channel: 'is a channel or a broadcast list, not a person: roles are held by persons only',
  anonymous:
    'stands for a whole chat (an anonymous group admin or a channel post), not a person: roles are held by persons only',
  malformed:
    'is not a person id: give telegram:123, whatsapp:6281234567890 (with or without @c.us), whatsapp-cloud:6281234567890 or console:name',
};

/** Whether an id the bot already holds names a person (in the form it normalises to). */
export function isPerson(id: PersonId): boolean {
  const identity = identityOf(id);
  return identity.person && identity.id === id;
}
