import { isWithin } from '../domain/areas.ts';
import type { ChatRef, TransportName } from '../domain/message.ts';
import { formatRef } from '../domain/refs.ts';
import type { Topic } from '../domain/topics.ts';
import type { Db } from './db.ts';
import { type Actor, EventLog } from './events.ts';

export interface Group {
  id: number;
  transport: TransportName;
  chat_id: string;
  title: string | null;
  topics: Topic[];
  area: string | null;
  language: string | null;
  active: boolean;
  reachable: boolean;
  /** The public channel (PUBLIC_CHANNEL): every broadcast not for one group reaches it. */
  publicChannel: boolean;
  /** Listen mode (issue 34): what people write here may become drafts for coordinators. */
  listening: boolean;
}

interface GroupRow extends Omit<Group, 'topics' | 'active' | 'reachable' | 'publicChannel' | 'listening'> {
  topics: string;
  active: number;
  reachable: number;
  public_channel: number;
  listening: number;
}

const toGroup = ({ public_channel, ...r }: GroupRow): Group => ({
  ...r,
  topics: JSON.parse(r.topics) as Topic[],
  active: r.active === 1,
  reachable: r.reachable === 1,
  publicChannel: public_channel === 1,
  listening: r.listening === 1,
});

export interface Registration {
  title?: string | undefined;
  topics: Topic[];
  area: string | null;
  registeredBy: string;
}

/** Group chats registered as broadcast targets (`G-n`). */
export class Groups {
  private readonly events: EventLog;

  constructor(private readonly db: Db) {
    this.events = new EventLog(db);
  }

  get(id: number): Group | undefined {
    const r = this.db.prepare('SELECT * FROM groups WHERE id = ?').get(id) as GroupRow | undefined;
    return r && toGroup(r);
  }

  byChat(chat: ChatRef): Group | undefined {
    const r = this.db
      .prepare('SELECT * FROM groups WHERE transport = ? AND chat_id = ?')
      .get(chat.transport, chat.chatId) as GroupRow | undefined;
    return r && toGroup(r);
  }

  all(): Group[] {
    return (this.db.prepare('SELECT * FROM groups ORDER BY id').all() as GroupRow[]).map(toGroup);
  }

  /** The public channel, while it is active and reachable. */
  publicChannel(): Group | undefined {
    return this.all().find((g) => g.publicChannel && g.active && g.reachable);
  }

  /**
   * Makes `chat` the public channel (PUBLIC_CHANNEL at start), or none. A channel no longer named
   * stops hearing anything: it is marked left, as a group the bot was removed from.
   */
  setPublicChannel(actor: Actor, chat: ChatRef | undefined): void {
    for (const g of this.all())
      if (
        g.publicChannel &&
        (chat === undefined || g.transport !== chat.transport || g.chat_id !== chat.chatId)
      ) {
        this.db
          .prepare('UPDATE groups SET public_channel = 0, active = 0, updated_at = ? WHERE id = ?')
          .run(actor.at, g.id);
        this.events.append(actor, { kind: 'group.public_channel_unset', subject: formatRef('G', g.id) });
      }
    const current = chat && this.byChat(chat);
    // Set again at each start, which also revives a channel Telegram refused once: nobody writes in a
    // channel, so nothing else would.
    if (!chat || (current?.publicChannel && current.active && current.reachable)) return;
    const { group } = this.register(actor, chat, {
      title: 'PUBLIC_CHANNEL',
      topics: [],
      area: null,
      registeredBy: actor.id,
    });
    this.db.prepare('UPDATE groups SET public_channel = 1 WHERE id = ?').run(group.id);
    this.events.append(actor, { kind: 'group.public_channel_set', subject: formatRef('G', group.id) });
  }

  /**
   * Active, reachable groups for `topic` that should hear about something in `area`: those registered
   * for that area or any area above it, and those registered without an area.
   */
  forAnnouncement(topic: Topic, area: string | null): Group[] {
    return this.all().filter(
      (g) =>
        g.active &&
        g.reachable &&
        g.topics.includes(topic) &&
        (g.area === null || (area !== null && isWithin(area, g.area))),
    );
  }

  /**
   * Makes a group chat a broadcast target, or updates its topics and area when it already is one.
   * Registering again also revives a group marked left or unreachable: someone just wrote in it.
   */
  register(actor: Actor, chat: ChatRef, reg: Registration): { group: Group; created: boolean } {
    const at = actor.at;
    const before = this.byChat(chat);
    this.db
      .prepare(`INSERT INTO groups (transport, chat_id, title, topics, area, registered_by, created_at, updated_at)
        VALUES (@transport, @chatId, @title, @topics, @area, @by, @at, @at)
        ON CONFLICT (transport, chat_id) DO UPDATE SET topics = @topics, area = @area,
          title = COALESCE(@title, groups.title), registered_by = @by, active = 1, reachable = 1, updated_at = @at`)
      .run({
        transport: chat.transport,
        chatId: chat.chatId,
        title: reg.title ?? null,
        topics: JSON.stringify(reg.topics),
        area: reg.area,
        by: reg.registeredBy,
        at,
      });
    const group = this.byChat(chat)!;
    const created = before === undefined;
    this.events.append(actor, {
      kind: created ? 'group.registered' : 'group.updated',
      subject: formatRef('G', group.id),
      // The chat id stays in this table: a WhatsApp group id once held its creator's number.
      payload: { transport: group.transport, topics: reg.topics, area: reg.area },
    });
    return { group, created };
  }

  /** The bot was removed from a group (or added back): a left group receives nothing. */
  setActive(actor: Actor, chat: ChatRef, active: boolean): Group | undefined {
    return this.setFlag(actor, chat, 'active', active, active ? 'group.active' : 'group.left');
  }

  /**
   * The platform moved the chat to a new id (a Telegram group upgraded to a supergroup; the old id
   * refuses every send). The registration follows, and so do the messages still queued for the old id
   * and dialogs in progress there, whether or not the chat is a registered group. Returns the group
   * moved, if any; a repeat (both of Telegram's service messages, a failed send) changes nothing.
   */
  migrate(actor: Actor, from: ChatRef, toChatId: string): Group | undefined {
    const to = { ...from, chatId: toChatId };
    if (from.chatId === toChatId) return undefined;
    const where = 'WHERE transport = ? AND chat_id = ?';
    this.db
      .prepare(`UPDATE outbox SET chat_id = ? ${where} AND state IN ('pending', 'sending')`)
      .run(toChatId, from.transport, from.chatId);
    // A dialog the person already began in the new chat wins over the old one.
    this.db
      .prepare(`UPDATE dialogs SET chat_id = ? ${where} AND NOT EXISTS (SELECT 1 FROM dialogs d
        WHERE d.person_id = dialogs.person_id AND d.transport = dialogs.transport AND d.chat_id = ?)`)
      .run(toChatId, from.transport, from.chatId, toChatId);
    const group = this.byChat(from);
    if (!group) return undefined;
    // Registered under both ids (the new chat was registered before the move was seen): the new
    // registration stays, and the old one hears nothing more (its sends would all be refused).
    if (this.byChat(to)) {
      this.setActive(actor, from, false);
      return undefined;
    }
    this.db
      .prepare('UPDATE groups SET chat_id = ?, updated_at = ? WHERE id = ?')
      .run(toChatId, actor.at, group.id);
    this.events.append(actor, {
      kind: 'group.migrated',
      subject: formatRef('G', group.id),
      payload: { transport: group.transport },
    });
    return this.byChat(to);
  }

  /** Turns listen mode on or off; true when that changed something. */
  setListening(actor: Actor, chat: ChatRef, listening: boolean): boolean {
    const before = this.byChat(chat);
    if (!before || before.listening === listening) return false;
    this.setFlag(actor, chat, 'listening', listening, listening ? 'group.listening' : 'group.not-listening');
    return true;
  }

  /** The platform refuses the group (the bot was kicked, the chat deleted): stop sending until registered again. */
  setReachable(actor: Actor, chat: ChatRef, reachable: boolean): void {
    this.setFlag(actor, chat, 'reachable', reachable, reachable ? 'group.reachable' : 'group.unreachable');
  }

  /** Sets one of a group's flags; a change (not a repeat) is recorded as `kind`. */
  private setFlag(
    actor: Actor,
    chat: ChatRef,
    flag: 'active' | 'reachable' | 'listening',
    value: boolean,
    kind: string,
  ): Group | undefined {
    const changed = this.db
      .prepare(
        `UPDATE groups SET ${flag} = @value, updated_at = @at
         WHERE transport = @transport AND chat_id = @chatId AND ${flag} <> @value`,
      )
      .run({ value: value ? 1 : 0, at: actor.at, transport: chat.transport, chatId: chat.chatId }).changes;
    const group = this.byChat(chat);
    if (changed > 0 && group) this.events.append(actor, { kind, subject: formatRef('G', group.id) });
    return group;
  }
}
