import { type OutboundFile, type PersonId, PersonIdSchema, type StoredMedia } from '../domain/message.ts';
import type { Topic } from '../domain/topics.ts';
import type { MessageArgs } from '../i18n/catalog.ts';
import type { PersonalFor } from '../ledger/index.ts';

/** One catalog message, rendered in the reader's language (or in `lang`, when the person just chose it). */
export type KeySay = { key: string; args?: MessageArgs; lang?: string };

/**
 * Something to say: a catalog message, several of them as lines (a report), or text a person wrote.
 * Whether a catalog message is personal is read from its template (src/engine/privacy.ts); text a
 * person wrote always is, except a broadcast its author confirmed.
 */
export type Say = KeySay | { lines: KeySay[]; gap?: boolean } | { raw: string };

/** A button (Telegram) or numbered option (WhatsApp, console); the label is a catalog key or raw text. */
export type ChoiceSpec = { value: string; typed?: boolean } & (
  | { key: string; args?: MessageArgs }
  | { label: string }
);

export interface SayOptions {
  choices?: ChoiceSpec[];
  ask?: 'location' | 'contact';
  /** A document to send with the message, which becomes its caption. A document is always personal. */
  file?: OutboundFile;
  /** Stored media forwarded with the message (its caption): always personal, never to a group. */
  media?: StoredMedia;
}

/** Who may read a message that carries personal data: the outbox row records the same (`PersonalFor`). */
export type Entitled = PersonalFor;

/**
 * `personal` is who may read the message if it carries personal data; `false` declares it public
 * (built from fields, for groups), which the renderer checks against the template and refuses if wrong.
 */
export type Planned = { personal: Entitled | false } & (
  | ({ to: 'sender' } & Say & SayOptions)
  | ({ to: 'person'; personId: PersonId } & Say & SayOptions)
  | ({ to: 'groups'; topic: Topic; area: string | null } & GroupPostAbout & Say)
  | ({ to: 'group'; groupId: number; broadcastId?: number } & GroupPostAbout & Say)
  | ({ to: 'coordinators' } & Say & Pick<SayOptions, 'media' | 'choices'>)
);

/**
 * What a group post is about (`S-3`), so a later change can bring that post up to date where the platform
 * edits messages (src/domain/message.ts `editsPosts`): `edit` replaces the group's last post about it
 * (groups that cannot be edited get nothing), `unless-edited` posts only where no such edit is possible.
 */
export interface GroupPostAbout {
  subject?: string;
  posts?: 'edit' | 'unless-edited';
}

const withArgs = (key: string, args?: MessageArgs) => ({ key, ...(args ? { args } : {}) });

/**
 * What a command wants said, and to whom. Handlers return it; the core renders it into the outbox in
 * the same transaction as the handler's changes, so a handler never sends anything itself.
 */
export class Outcome {
  readonly planned: Planned[] = [];

  /**
   * Answer the person who wrote. In a group, an answer whose template holds personal fields goes to
   * their private chat instead, and the group reads one neutral line.
   */
  reply(key: string, args?: MessageArgs, options: SayOptions = {}): this {
    this.planned.push({ to: 'sender', personal: 'self', ...withArgs(key, args), ...options });
    return this;
  }

  /** Answer with a document (an export), `key` being its caption. */
  replyFile(file: OutboundFile, key: string, args?: MessageArgs): this {
    return this.reply(key, args, { file });
  }

  /** Answer with text a person wrote: personal, so in a group it goes to the sender's private chat. */
  replyRaw(text: string, options: SayOptions = {}): this {
    this.planned.push({ to: 'sender', personal: 'self', raw: text, ...options });
    return this;
  }

  /** Answer with a message in a language of its own (the one the person just chose). */
  replyIn(lang: string, key: string, args?: MessageArgs): this {
    this.planned.push({ to: 'sender', personal: 'self', ...withArgs(key, args), lang });
    return this;
  }

  /** Answer with several catalog messages as one, a line each. */
  replyLines(lines: KeySay[], options: SayOptions & { gap?: boolean } = {}): this {
    this.planned.push({ to: 'sender', personal: 'self', lines, ...options });
    return this;
  }

  /**
   * A private message to someone else (a requester, a volunteer), in their language. A record whose
   * person was forgotten or purged names no platform address (`P-12`, `erased`): nobody is told.
   */
  notify(
    personId: PersonId,
    key: string,
    args?: MessageArgs,
    options: SayOptions = {},
    personal: Entitled = 'self',
  ): this {
    if (!PersonIdSchema.safeParse(personId).success) return this;
    this.planned.push({ to: 'person', personal, personId, ...withArgs(key, args), ...options });
    return this;
  }

  /** A private message to the volunteer or team assigned to a record, about that record. */
  notifyAssignee(personId: PersonId, key: string, args?: MessageArgs): this {
    return this.notify(personId, key, args, {}, 'assignee');
  }

  /**
   * To every active group registered for `topic` whose area contains `area` (or has no area). Public:
   * the template may hold only structured fields (src/engine/privacy.ts), or nothing is sent.
   */
  announce(
    topic: Topic,
    area: string | null,
    key: string,
    args?: MessageArgs,
    about: GroupPostAbout = {},
  ): this {
    this.planned.push({ to: 'groups', personal: false, topic, area, ...about, ...withArgs(key, args) });
    return this;
  }

  /** Privately to every coordinator and admin, with full details (and buttons each of them may press). */
  toCoordinators(key: string, args?: MessageArgs, media?: StoredMedia, choices?: ChoiceSpec[]): this {
    this.planned.push({
      to: 'coordinators',
      personal: 'coordinators',
      ...withArgs(key, args),
      ...(media ? { media } : {}),
      ...(choices ? { choices } : {}),
    });
    return this;
  }

  /**
   * To one group. Public: catalog messages built from fields, or (with `broadcastId`) a broadcast's
   * text, which passed the redaction and its author's confirmation.
   */
  toGroup(groupId: number, say: Say, broadcastId?: number, about: GroupPostAbout = {}): this {
    this.planned.push({
      to: 'group',
      personal: false,
      groupId,
      ...say,
      ...(broadcastId === undefined ? {} : { broadcastId }),
      ...about,
    });
    return this;
  }

  merge(other: Outcome): this {
    this.planned.push(...other.planned);
    return this;
  }
}

export const reply = (key: string, args?: MessageArgs, options?: SayOptions) =>
  new Outcome().reply(key, args, options);
