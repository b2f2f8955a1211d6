import { type OutboundFile, type PersonId, PersonIdSchema } from '../domain/message.ts';
import type { Topic } from '../domain/topics.ts';
import type { MessageArgs } from '../i18n/catalog.ts';

/** Something to say: a catalog key (rendered in the recipient's language) or text written by a person. */
export type Say = { key: string; args?: MessageArgs } | { raw: string };

/** A button (Telegram) or numbered option (WhatsApp, console); the label is a catalog key or raw text. */
export type ChoiceSpec = { value: string; typed?: boolean } & (
  | { key: string; args?: MessageArgs }
  | { label: string }
);

export interface SayOptions {
  choices?: ChoiceSpec[];
  ask?: 'location' | 'contact';
  /** A document to send with the message, which becomes its caption. */
  file?: OutboundFile;
}

export type Planned =
  | ({ to: 'sender' } & Say & SayOptions)
  | ({ to: 'person'; personId: PersonId } & Say & SayOptions)
  | ({ to: 'groups'; topic: Topic; area: string | null } & Say)
  | ({ to: 'group'; groupId: number; broadcastId?: number } & Say)
  | ({ to: 'coordinators' } & Say);

/**
 * What a command wants said, and to whom. Handlers return it; the core renders it into the outbox in
 * the same transaction as the handler's changes, so a handler never sends anything itself.
 */
export class Outcome {
  readonly planned: Planned[] = [];

  /** Answer the person who wrote, in the chat they wrote in. */
  reply(key: string, args?: MessageArgs, options: SayOptions = {}): this {
    this.planned.push({ to: 'sender', key, ...(args ? { args } : {}), ...options });
    return this;
  }

  /** Answer with a document (an export), `key` being its caption. */
  replyFile(file: OutboundFile, key: string, args?: MessageArgs): this {
    return this.reply(key, args, { file });
  }

  replyRaw(text: string, options: SayOptions = {}): this {
    this.planned.push({ to: 'sender', raw: text, ...options });
    return this;
  }

  /**
   * A private message to someone else (a requester, a volunteer), in their language. A record whose
   * person was forgotten or purged names no platform address (`P-12`, `erased`): nobody is told.
   */
  notify(personId: PersonId, key: string, args?: MessageArgs, options: SayOptions = {}): this {
    if (!PersonIdSchema.safeParse(personId).success) return this;
    this.planned.push({ to: 'person', personId, key, ...(args ? { args } : {}), ...options });
    return this;
  }

  /**
   * To every active group registered for `topic` whose area contains `area` (or has no area). The text
   * passes the group privacy filter: no phone numbers, coordinates rounded to about 1 km.
   */
  announce(topic: Topic, area: string | null, key: string, args?: MessageArgs): this {
    this.planned.push({ to: 'groups', topic, area, key, ...(args ? { args } : {}) });
    return this;
  }

  /** Privately to every coordinator and admin, with full details. */
  toCoordinators(key: string, args?: MessageArgs): this {
    this.planned.push({ to: 'coordinators', key, ...(args ? { args } : {}) });
    return this;
  }

  toGroup(groupId: number, say: Say, broadcastId?: number): this {
    this.planned.push({
      to: 'group',
      groupId,
      ...say,
      ...(broadcastId === undefined ? {} : { broadcastId }),
    });
    return this;
  }

  /**
   * Turns every answer to the sender into a private message to `personId`, leaving in the chat (a group)
   * only "details sent to you privately". Announcements and notices are unchanged.
   */
  repliesPrivately(personId: PersonId): this {
    let moved = false;
    for (const [i, p] of this.planned.entries()) {
      if (p.to !== 'sender') continue;
      const { to: _to, ...say } = p;
      this.planned[i] = { ...say, to: 'person', personId };
      moved = true;
    }
    if (moved) this.reply('details-sent-privately');
    return this;
  }

  merge(other: Outcome): this {
    this.planned.push(...other.planned);
    return this;
  }
}

export const reply = (key: string, args?: MessageArgs, options?: SayOptions) =>
  new Outcome().reply(key, args, options);
