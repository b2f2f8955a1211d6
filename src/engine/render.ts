import {
  type ChatRef,
  type Choice,
  chatOfIdentity,
  type OutboundKind,
  type PersonId,
} from '../domain/message.ts';
import { redactText } from '../domain/redaction.ts';
import type { Translator } from '../i18n/catalog.ts';
import type { Group, Ledger } from '../ledger/index.ts';
import { languageOf } from './language.ts';
import { rememberOffered } from './offered-choices.ts';
import type { ChoiceSpec, Outcome, Planned, Say } from './outcome.ts';

export interface RenderContext {
  ledger: Ledger;
  translator: Translator;
  defaultLanguage: string;
  admins: readonly string[];
  now: number;
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

/** Text for a group passes the one redaction; registered public contacts stay. */
function forGroup(ctx: RenderContext, body: string): string {
  let keys = publicContacts.get(ctx);
  if (!keys) {
    keys = ctx.ledger.publicContacts.keys();
    publicContacts.set(ctx, keys);
  }
  return redactText(body, { publicContacts: keys });
}

const text = (ctx: RenderContext, lang: string, say: Say) =>
  'raw' in say ? say.raw : ctx.translator.t(lang, say.key, say.args);

const choices = (ctx: RenderContext, lang: string, specs: ChoiceSpec[] | undefined): Choice[] | undefined =>
  specs?.map((c) => ({
    value: c.value,
    label: 'label' in c ? c.label : ctx.translator.t(lang, c.key, c.args),
  }));

/** Writes an outcome into the outbox, each message rendered in its recipient's language. */
export function render(ctx: RenderContext, outcome: Outcome): number {
  let count = 0;
  const enqueue = (
    chat: ChatRef,
    kind: OutboundKind,
    body: string,
    extra: Partial<Record<string, unknown>> = {},
  ) => {
    ctx.ledger.outbox.enqueue(
      {
        chat,
        kind,
        text: body,
        ...(ctx.inboxId === undefined ? {} : { inboxId: ctx.inboxId }),
        ...(extra as object),
      },
      ctx.now,
    );
    count++;
  };
  for (const p of outcome.planned) renderOne(ctx, p, enqueue);
  return count;
}

type Enqueue = (chat: ChatRef, kind: OutboundKind, body: string, extra?: Record<string, unknown>) => void;

function renderOne(ctx: RenderContext, p: Planned, enqueue: Enqueue): void {
  // A group reads in its own language, through the one redaction.
  const toGroup = (g: Group, broadcastId?: number) =>
    enqueue(
      { transport: g.transport, chatId: g.chat_id, kind: 'group' },
      'group',
      forGroup(ctx, text(ctx, g.language ?? ctx.defaultLanguage, p)),
      { groupId: g.id, ...(broadcastId === undefined ? {} : { broadcastId }) },
    );
  switch (p.to) {
    case 'sender': {
      if (!ctx.senderChat) throw new Error('a reply needs an inbound message to answer');
      const lang = ctx.senderLanguage ?? ctx.defaultLanguage;
      const body = ctx.senderChat.kind === 'group' ? forGroup(ctx, text(ctx, lang, p)) : text(ctx, lang, p);
      const offered = choices(ctx, lang, p.choices);
      enqueue(ctx.senderChat, 'reply', body, { choices: offered, ask: p.ask, file: p.file });
      if (ctx.senderId) rememberOffered(ctx.ledger, ctx.senderId, ctx.senderChat, offered, ctx.now);
      return;
    }
    case 'person': {
      const lang = languageOfPerson(ctx, p.personId);
      const to = personChat(p.personId);
      const body = to.kind === 'group' ? forGroup(ctx, text(ctx, lang, p)) : text(ctx, lang, p);
      const offered = choices(ctx, lang, p.choices);
      enqueue(to, 'notice', body, { choices: offered, ask: p.ask, file: p.file });
      rememberOffered(ctx.ledger, p.personId, to, offered, ctx.now);
      return;
    }
    case 'coordinators': {
      const ids = new Set([
        ...ctx.admins,
        ...ctx.ledger.people.withRole('coordinator').map((x) => x.id),
        ...ctx.ledger.people.withRole('admin').map((x) => x.id),
      ]);
      for (const id of ids) enqueue(personChat(id), 'notice', text(ctx, languageOfPerson(ctx, id), p));
      return;
    }
    case 'groups': {
      for (const g of ctx.ledger.groups.forAnnouncement(p.topic, p.area)) toGroup(g);
      return;
    }
    case 'group': {
      const g = ctx.ledger.groups.get(p.groupId);
      if (g) toGroup(g, p.broadcastId);
      return;
    }
  }
}
