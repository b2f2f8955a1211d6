import type { Logger } from 'pino';
import {
  type ChatRef,
  type Choice,
  chatOfIdentity,
  type OutboundKind,
  type PersonId,
  TRANSPORT_TRAITS,
} from '../domain/message.ts';
import { isPerson } from '../domain/person-identity.ts';
import { redactText } from '../domain/redaction.ts';
import type { Translator } from '../i18n/catalog.ts';
import type { Group, Ledger } from '../ledger/index.ts';
import { languageOf } from './language.ts';
import { rememberOffered } from './offered-choices.ts';
import type { ChoiceSpec, Entitled, Outcome, Planned, Say, SayOptions } from './outcome.ts';
import { sayIsPersonal } from './privacy.ts';

export interface RenderContext {
  ledger: Ledger;
  translator: Translator;
  defaultLanguage: string;
  admins: readonly string[];
  now: number;
  /** Where a refused personal message is logged (without its content). */
  log?: Logger;
  /** The inbound message being answered, if any. */
  inboxId?: number;
  /** Who wrote it, where `to: 'sender'` goes, and in which language. */
  senderId?: PersonId;
  senderChat?: ChatRef;
  senderLanguage?: string;
}

/** A person's private chat: on every transport the chat id of a private chat is the person's own id. */
export function personChat(personId: PersonId): ChatRef {
  const chat = chatOfIdentity(personId);
  if (chat) return chat;
  const i = personId.indexOf(':');
  return {
    transport: personId.slice(0, i) as ChatRef['transport'],
    chatId: personId.slice(i + 1),
    kind: 'private',
  };
}

function languageOfPerson(ctx: RenderContext, personId: PersonId): string {
  return languageOf(ctx.ledger.people.get(personId), (l) => ctx.translator.has(l), ctx.defaultLanguage);
}

const publicContacts = new WeakMap<RenderContext, Set<string>>();

/** Text for a group passes the one redaction (the second line of defence); registered public contacts stay. */
function forGroup(ctx: RenderContext, body: string): string {
  let keys = publicContacts.get(ctx);
  if (!keys) {
    keys = ctx.ledger.publicContacts.keys();
    publicContacts.set(ctx, keys);
  }
  return redactText(body, { publicContacts: keys });
}

function text(ctx: RenderContext, lang: string, say: Say): string {
  if ('raw' in say) return say.raw;
  if ('lines' in say)
    return say.lines
      .map((l) => ctx.translator.t(l.lang ?? lang, l.key, l.args))
      .join(say.gap ? '\n\n' : '\n');
  return ctx.translator.t(say.lang ?? lang, say.key, say.args);
}

const choices = (ctx: RenderContext, lang: string, specs: ChoiceSpec[] | undefined): Choice[] | undefined =>
  specs?.map((c) => ({
    value: c.value,
    label: 'label' in c ? c.label : ctx.translator.t(lang, c.key, c.args),
  }));

/** A personal message may go only here: a private chat, of a person (never a group or a chat identity). */
const privateChatOfPerson = (chat: ChatRef, personId: PersonId) =>
  chat.kind === 'private' && isPerson(personId);

/** Writes an outcome into the outbox, each message rendered in its recipient's language. */
export function render(ctx: RenderContext, outcome: Outcome): number {
  const r = new Renderer(ctx);
  for (const p of outcome.planned) r.render(p);
  r.finish();
  return r.count;
}

class Renderer {
  count = 0;
  /** Answers in a group that went to the sender's private chat: the group is told once. */
  private moved = false;

  constructor(private readonly ctx: RenderContext) {}

  private enqueue(
    chat: ChatRef,
    kind: OutboundKind,
    body: string,
    personal: Entitled | false,
    extra: Record<string, unknown> = {},
  ) {
    this.ctx.ledger.outbox.enqueue(
      {
        chat,
        kind,
        text: body,
        ...(personal ? { personalFor: personal } : {}),
        ...(this.ctx.inboxId === undefined ? {} : { inboxId: this.ctx.inboxId }),
        ...extra,
      },
      this.ctx.now,
    );
    this.count++;
  }

  /**
   * A personal message that had nowhere it may go: nothing is sent, and the refusal is an event and a
   * log line, with the catalog key but never the content.
   */
  private refuse(p: Planned, chat: ChatRef, reason: string) {
    const { ctx } = this;
    const key = 'key' in p ? p.key : 'lines' in p ? p.lines.map((l) => l.key).join('+') : 'text';
    const payload = {
      key,
      for: p.personal || 'public',
      to: p.to,
      chatKind: chat.kind,
      transport: chat.transport,
      reason,
    };
    ctx.ledger.events.append(
      {
        id: ctx.senderId ?? 'system',
        at: ctx.now,
        ...(ctx.inboxId === undefined ? {} : { messageRef: `M-${ctx.inboxId}` }),
      },
      { kind: 'outbound.refused', payload },
    );
    ctx.log?.warn(payload, 'personal message refused');
  }

  /** Whether this message carries personal data, and then for whom; a document always does. */
  private personalOf(p: Planned): Entitled | false {
    if (('file' in p && p.file) || ('media' in p && p.media)) return p.personal || 'self';
    return p.personal && sayIsPersonal(this.ctx.translator, p) ? p.personal : false;
  }

  render(p: Planned): void {
    const { ctx } = this;
    const personal = this.personalOf(p);
    switch (p.to) {
      case 'sender': {
        if (!ctx.senderChat || !ctx.senderId) throw new Error('a reply needs an inbound message to answer');
        if (personal && !privateChatOfPerson(ctx.senderChat, ctx.senderId)) {
          // Asked in a group: the answer goes to the asker's private chat, the group reads one line.
          this.moved = true;
          if (isPerson(ctx.senderId)) this.toPerson(p, ctx.senderId, personal);
          else this.refuse(p, ctx.senderChat, 'sender-not-a-person');
          return;
        }
        const lang = ctx.senderLanguage ?? ctx.defaultLanguage;
        const group = ctx.senderChat.kind === 'group';
        const body = group ? forGroup(ctx, text(ctx, lang, p)) : text(ctx, lang, p);
        const offered = choices(ctx, lang, p.choices);
        this.enqueue(ctx.senderChat, 'reply', body, personal, {
          choices: offered,
          ask: p.ask,
          file: p.file,
          media: p.media,
        });
        rememberOffered(ctx.ledger, ctx.senderId, ctx.senderChat, offered, ctx.now);
        return;
      }
      case 'person':
        this.toPerson(p, p.personId, personal);
        return;
      case 'coordinators': {
        // A role stored for a non-person is ignored (the core warned at start): only persons hear.
        const ids = new Set(
          [
            ...ctx.admins,
            ...ctx.ledger.people.withRole('coordinator').map((x) => x.id),
            ...ctx.ledger.people.withRole('admin').map((x) => x.id),
          ].filter(isPerson),
        );
        for (const id of ids) this.toPerson({ ...p, to: 'person', personId: id }, id, personal);
        return;
      }
      case 'groups': {
        for (const g of ctx.ledger.groups.forAnnouncement(p.topic, p.area)) {
          const prior =
            p.subject !== undefined && TRANSPORT_TRAITS[g.transport].editsPosts
              ? ctx.ledger.outbox.lastGroupPost(g.id, p.subject)
              : undefined;
          if (p.posts === 'edit' && prior === undefined) continue;
          if (p.posts === 'unless-edited' && prior !== undefined) continue;
          this.toGroup(p, g, personal, undefined, {
            ...(p.subject === undefined ? {} : { subject: p.subject }),
            ...(p.posts === 'edit' ? { editRow: prior } : {}),
          });
        }
        return;
      }
      case 'group': {
        const g = ctx.ledger.groups.get(p.groupId);
        if (g)
          this.toGroup(p, g, personal, p.broadcastId, p.subject === undefined ? {} : { subject: p.subject });
        return;
      }
    }
  }

  private toPerson(p: Planned, personId: PersonId, personal: Entitled | false) {
    const { ctx } = this;
    const to = personChat(personId);
    if (personal && !privateChatOfPerson(to, personId)) {
      this.refuse(p, to, 'not-a-private-chat');
      return;
    }
    // What is personal for the assigned volunteer or team reaches only someone who volunteers.
    if (personal === 'assignee' && ctx.ledger.roles.volunteerId(personId) === undefined) {
      this.refuse(p, to, 'not-a-volunteer');
      return;
    }
    const lang = languageOfPerson(ctx, personId);
    const body = to.kind === 'group' ? forGroup(ctx, text(ctx, lang, p)) : text(ctx, lang, p);
    const options: SayOptions = p.to === 'sender' || p.to === 'person' ? p : {};
    const offered = choices(ctx, lang, options.choices);
    this.enqueue(to, 'notice', body, personal, {
      choices: offered,
      ask: options.ask,
      file: options.file,
      media: options.media,
    });
    rememberOffered(ctx.ledger, personId, to, offered, ctx.now);
  }

  /** A group reads in its own language, through the one redaction; a broadcast is the one text a person wrote. */
  private toGroup(
    p: Planned,
    g: Group,
    personal: Entitled | false,
    broadcastId?: number,
    post: { subject?: string; editRow?: number } = {},
  ) {
    const { ctx } = this;
    const chat: ChatRef = { transport: g.transport, chatId: g.chat_id, kind: 'group' };
    // Declared public or not, the template decides: a personal field never reaches a group.
    const broadcast = 'raw' in p && broadcastId !== undefined;
    if (personal || (!broadcast && sayIsPersonal(ctx.translator, p))) {
      this.refuse(p, chat, 'personal-to-group');
      return;
    }
    this.enqueue(chat, 'group', forGroup(ctx, text(ctx, g.language ?? ctx.defaultLanguage, p)), false, {
      groupId: g.id,
      ...(broadcastId === undefined ? {} : { broadcastId }),
      ...post,
    });
  }

  /** The group an answer was moved out of reads one neutral line. */
  finish(): void {
    const { ctx } = this;
    if (!this.moved || !ctx.senderChat || !ctx.senderId) return;
    const key = isPerson(ctx.senderId) ? 'details-sent-privately' : 'details-refused-not-a-person';
    const lang = ctx.senderLanguage ?? ctx.defaultLanguage;
    this.enqueue(ctx.senderChat, 'reply', ctx.translator.t(lang, key), false);
  }
}
