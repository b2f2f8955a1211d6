import type { RequestItem } from '../domain/items.ts';
import type { Db } from './db.ts';
import type { Actor, EventLog } from './events.ts';

/** A request newly verified, as the public channel may see it: its area and catalog items, nothing else. */
export interface VerifiedForChannel {
  eventId: number;
  area: string | null;
  items: Pick<RequestItem, 'item' | 'qty' | 'unit'>[];
}

const POSTED = 'public_channel.posted';

/**
 * What the public channel (PUBLIC_CHANNEL) has been told of newly verified needs: a cursor over the
 * events, kept as an event of its own, so that a restart neither repeats nor skips a need.
 */
export class PublicChannelPosts {
  constructor(
    private readonly db: Db,
    private readonly events: EventLog,
  ) {}

  /** The last event already posted about; undefined before the channel's first post. */
  cursor(): number | undefined {
    const payload = this.db
      .prepare('SELECT payload FROM events WHERE kind = ? ORDER BY id DESC LIMIT 1')
      .pluck()
      .get(POSTED) as string | undefined;
    return payload === undefined ? undefined : Number((JSON.parse(payload) as { through: number }).through);
  }

  newestEvent(): number {
    return Number(this.db.prepare('SELECT COALESCE(MAX(id), 0) FROM events').pluck().get());
  }

  /**
   * Requests verified after event `after` and still open (verified or assigned), oldest first: the
   * area and catalog ids with units and quantities; an item outside the catalog is only `other`.
   */
  verifiedAfter(after: number): VerifiedForChannel[] {
    const rows = this.db
      .prepare(
        `SELECT e.id AS "eventId", r.area, r.items FROM events e JOIN requests r ON e.subject = 'R-' || r.id
         WHERE e.kind = 'request.verified' AND e.id > ? AND r.status IN ('verified', 'assigned') ORDER BY e.id`,
      )
      .all(after) as { eventId: number; area: string | null; items: string }[];
    return rows.map((r) => ({
      eventId: Number(r.eventId),
      area: r.area,
      items: (JSON.parse(r.items) as RequestItem[]).map((i) =>
        i.item === 'other'
          ? { item: 'other' }
          : {
              item: i.item,
              ...(i.qty === undefined ? {} : { qty: i.qty }),
              ...(i.unit ? { unit: i.unit } : {}),
            },
      ),
    }));
  }

  markPosted(actor: Actor, through: number): void {
    this.events.append(actor, { kind: POSTED, payload: { through } });
  }
}
