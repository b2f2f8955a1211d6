import { isWithin } from '../domain/areas.ts';
import type { ChatRef, TransportName } from '../domain/message.ts';
import type { Topic } from '../domain/topics.ts';
import type { Db } from './db.ts';

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
}

interface GroupRow extends Omit<Group, 'topics' | 'active' | 'reachable'> {
  topics: string;
  active: number;
  reachable: number;
}

const toGroup = (r: GroupRow): Group => ({
  ...r,
  topics: JSON.parse(r.topics) as Topic[],
  active: r.active === 1,
  reachable: r.reachable === 1,
});

export interface Registration {
  title?: string | undefined;
  topics: Topic[];
  area: string | null;
  registeredBy: string;
}

/** Group chats registered as broadcast targets (`G-n`). */
export class Groups {
  constructor(private readonly db: Db) {}

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
  register(chat: ChatRef, reg: Registration, at: number): { group: Group; created: boolean } {
    const before = this.byChat(chat);
    this.db
      .prepare(`INSERT INTO groups (transport, chat_id, title, topics, area, registered_by, created_at, updated_at)
        VALUES (@transport, @chatId, @title, @topics, @area, @by, @at, @at)
        ON CONFLICT (transport, chat_id) DO UPDATE SET topics = @topics, area = @area,
          title = COALESCE(@title, title), registered_by = @by, active = 1, reachable = 1, updated_at = @at`)
      .run({
        transport: chat.transport,
        chatId: chat.chatId,
        title: reg.title ?? null,
        topics: JSON.stringify(reg.topics),
        area: reg.area,
        by: reg.registeredBy,
        at,
      });
    return { group: this.byChat(chat)!, created: before === undefined };
  }

  setActive(chat: ChatRef, active: boolean, at: number): Group | undefined {
    this.db
      .prepare('UPDATE groups SET active = ?, updated_at = ? WHERE transport = ? AND chat_id = ?')
      .run(active ? 1 : 0, at, chat.transport, chat.chatId);
    return this.byChat(chat);
  }

  setReachable(chat: ChatRef, reachable: boolean, at: number): void {
    this.db
      .prepare('UPDATE groups SET reachable = ?, updated_at = ? WHERE transport = ? AND chat_id = ?')
      .run(reachable ? 1 : 0, at, chat.transport, chat.chatId);
  }
}
