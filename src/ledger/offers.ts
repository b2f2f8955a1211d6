import type { ItemId, RequestItem, UnitId } from '../domain/items.ts';
import { catalogLines, leftOf, type NeededItem, type NeedLine, type OfferLine } from '../domain/matching.ts';
import { formatRef } from '../domain/refs.ts';
import type { OfferedService } from '../domain/services.ts';
import type { Db } from './db.ts';
import type { Actor, EventLog } from './events.ts';

export type OfferStatus = 'open' | 'expired' | 'withdrawn';
export type Delivery = 'brings' | 'pickup';
export type MatchStatus = 'pledged' | 'at-posko' | 'delivered' | 'cancelled';

/** One line of an offer, with how much of it confirmed matches have taken. */
export interface OfferItem extends RequestItem {
  line: number;
  committed: number;
}

/** An offer (`O-n`), as the commands see it. */
export interface Offer {
  id: number;
  donor: string;
  items: OfferItem[];
  services: OfferedService[];
  lat: number | null;
  lon: number | null;
  address: string | null;
  area: string | null;
  until: number;
  delivery: Delivery;
  contact: string | null;
  status: OfferStatus;
  createdAt: number;
}

export interface NewOffer {
  donor: string;
  items: RequestItem[];
  services?: OfferedService[];
  lat?: number | null;
  lon?: number | null;
  address?: string | null;
  area?: string | null;
  until: number;
  delivery: Delivery;
  contact?: string | null;
}

/** A confirmed pairing of one offer line with one request. */
export interface Match {
  id: number;
  requestId: number;
  offerId: number;
  line: number;
  item: ItemId;
  qty: number | null;
  status: MatchStatus;
  poskoId: number | null;
}

export type MatchResult =
  | { ok: true; match: Match }
  | { ok: false; why: 'offer-closed' | 'no-such-line' | 'committed'; left?: number };

/** An offer as its row stores it: its lines apart, its services as JSON. */
type OfferRow = Omit<Offer, 'items' | 'services' | 'createdAt'> & { services: string; created_at: number };

interface OfferItemRow {
  line: number;
  item: RequestItem['item'];
  text: string | null;
  qty: number | null;
  unit: UnitId | null;
  committed: number;
}

interface MatchRow {
  id: number;
  request_id: number;
  offer_id: number;
  line: number;
  item: ItemId;
  qty: number | null;
  status: MatchStatus;
  posko_id: number | null;
}

const toMatch = (m: MatchRow): Match => ({
  id: m.id,
  requestId: m.request_id,
  offerId: m.offer_id,
  line: m.line,
  item: m.item,
  qty: m.qty,
  status: m.status,
  poskoId: m.posko_id,
});

const toItem = (r: OfferItemRow): OfferItem => ({
  line: r.line,
  item: r.item,
  committed: r.committed,
  ...(r.qty === null ? {} : { qty: r.qty }),
  ...(r.unit === null ? {} : { unit: r.unit }),
  ...(r.text === null ? {} : { text: r.text }),
});

const offerRef = (id: number) => formatRef('O', id);
const LIVE_MATCH = "status <> 'cancelled'";

/** Offers, their lines and the matches made from them: changed only together with an event. */
export class Offers {
  constructor(
    private readonly db: Db,
    private readonly events: EventLog,
  ) {}

  create(actor: Actor, o: NewOffer): Offer {
    const id = Number(
      this.db
        .prepare(`INSERT INTO offers (donor, lat, lon, address, area, until, delivery, contact, services,
            created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`)
        .pluck()
        .get(
          o.donor,
          o.lat ?? null,
          o.lon ?? null,
          o.address ?? null,
          o.area ?? null,
          o.until,
          o.delivery,
          o.contact ?? null,
          JSON.stringify(o.services ?? []),
          actor.at,
          actor.at,
        ),
    );
    const line = this.db.prepare(
      'INSERT INTO offer_items (offer_id, line, item, text, qty, unit) VALUES (?, ?, ?, ?, ?, ?)',
    );
    o.items.forEach((i, n) => {
      line.run(id, n, i.item, i.text ?? null, i.qty ?? null, i.unit ?? null);
    });
    this.events.append(actor, {
      kind: 'offer.created',
      subject: offerRef(id),
      payload: {
        items: o.items.map(({ text: _words, ...catalog }) => catalog),
        services: o.services ?? [],
        area: o.area ?? null,
        until: o.until,
        delivery: o.delivery,
      },
      personal: {
        donor: o.donor,
        otherItems: o.items.flatMap((i) => (i.text === undefined ? [] : [i.text])),
        lat: o.lat ?? null,
        lon: o.lon ?? null,
        address: o.address ?? null,
        contact: o.contact ?? null,
      },
    });
    return this.get(id)!;
  }

  get(id: number): Offer | undefined {
    const row = this.db.prepare('SELECT * FROM offers WHERE id = ?').get(id) as OfferRow | undefined;
    return row && this.toOffer(row);
  }

  /** A donor's own offers, newest first. */
  ofDonor(personId: string, limit = 10): Offer[] {
    const rows = this.db
      .prepare('SELECT * FROM offers WHERE donor = ? ORDER BY id DESC LIMIT ?')
      .all(personId, limit) as OfferRow[];
    return rows.map((r) => this.toOffer(r));
  }

  /** Offers standing now (open, not past their date), newest first: the coordinators' list. */
  standing(now: number, limit = 500): Offer[] {
    const rows = this.db
      .prepare("SELECT * FROM offers WHERE status = 'open' AND until > ? ORDER BY id DESC LIMIT ?")
      .all(now, limit) as OfferRow[];
    return rows.map((r) => this.toOffer(r));
  }

  /** open → withdrawn or expired; false when the offer was no longer open. */
  close(actor: Actor, id: number, to: 'withdrawn' | 'expired'): boolean {
    const changed = this.db
      .prepare("UPDATE offers SET status = ?, updated_at = ? WHERE id = ? AND status = 'open'")
      .run(to, actor.at, id).changes;
    if (changed === 0) return false;
    this.events.append(actor, { kind: `offer.${to}`, subject: offerRef(id), payload: {} });
    return true;
  }

  /** An offer stands again until `until` (the donor answered the renewal question). */
  renew(actor: Actor, id: number, until: number): boolean {
    const changed = this.db
      .prepare(`UPDATE offers SET status = 'open', until = ?, renew_asked = 0, updated_at = ?
        WHERE id = ? AND status IN ('open', 'expired')`)
      .run(until, actor.at, id).changes;
    if (changed === 0) return false;
    this.events.append(actor, { kind: 'offer.renewed', subject: offerRef(id), payload: { until } });
    return true;
  }

  /** Open offers whose date has passed: they expire now, and their donors are asked to renew. */
  expireDue(actor: Actor): Offer[] {
    const due = this.db
      .prepare("SELECT id FROM offers WHERE status = 'open' AND until <= ? ORDER BY id")
      .pluck()
      .all(actor.at) as number[];
    return due.filter((id) => this.close(actor, id, 'expired')).map((id) => this.get(id)!);
  }

  /** Every uncommitted line of every standing offer, for matching. */
  openLines(now: number): OfferLine[] {
    const rows = this.db
      .prepare(`SELECT o.id, o.lat, o.lon, o.area, i.line, i.item, i.qty, i.unit, i.committed
        FROM offers o JOIN offer_items i ON i.offer_id = o.id
        WHERE o.status = 'open' AND o.until > ? AND i.item <> 'other' AND (i.qty IS NULL OR i.committed < i.qty)
        ORDER BY o.id, i.line`)
      .all(now) as (OfferItemRow & {
      id: number;
      lat: number | null;
      lon: number | null;
      area: string | null;
    })[];
    return rows.map((r) => ({
      offerId: r.id,
      line: r.line,
      item: r.item as ItemId,
      lat: r.lat,
      lon: r.lon,
      area: r.area,
      ...(r.unit === null ? {} : { unit: r.unit }),
      ...(r.qty === null ? {} : { qty: r.qty - r.committed }),
    }));
  }

  /**
   * What verified requests (not yet delivered) still need, item by item, with what matches pledged;
   * with `requestId`, of that request only.
   */
  neededItems(
    requestId?: number,
  ): (NeededItem & { requestId: number; lat: number | null; lon: number | null })[] {
    const rows = this.db
      .prepare(`SELECT id, items, lat, lon, area FROM requests WHERE status IN ('verified', 'assigned')
        ${requestId === undefined ? '' : 'AND id = @id'} ORDER BY id`)
      .all(requestId === undefined ? {} : { id: requestId }) as {
      id: number;
      items: string;
      lat: number | null;
      lon: number | null;
      area: string | null;
    }[];
    const pledged = this.pledgedByRequest(requestId);
    return rows.flatMap((r) =>
      catalogLines(JSON.parse(r.items) as RequestItem[]).map((i) => ({
        requestId: r.id,
        area: r.area,
        lat: r.lat,
        lon: r.lon,
        item: i.item,
        ...(i.unit ? { unit: i.unit } : {}),
        ...(i.qty === undefined ? {} : { qty: i.qty }),
        pledged: pledged.get(`${r.id}:${i.item}`) ?? 0,
      })),
    );
  }

  /** The need lines of `neededItems` with the pledged part taken off, for matching. */
  needLines(requestId?: number): NeedLine[] {
    return this.neededItems(requestId).flatMap(({ pledged, qty, ...n }) => {
      if (qty === undefined) return pledged > 0 ? [] : [n];
      return qty - pledged > 0 ? [{ ...n, qty: qty - pledged }] : [];
    });
  }

  private pledgedByRequest(requestId?: number): Map<string, number> {
    const rows = this.db
      .prepare(`SELECT request_id, item, COALESCE(SUM(qty), 0) AS qty, COUNT(*) AS n FROM matches
        WHERE ${LIVE_MATCH} ${requestId === undefined ? '' : 'AND request_id = @id'} GROUP BY request_id, item`)
      .all(requestId === undefined ? {} : { id: requestId }) as {
      request_id: number;
      item: string;
      qty: number;
      n: number;
    }[];
    // A match without a quantity ("some blankets") covers the need: count it as at least one.
    return new Map(
      rows.map((r) => [
        `${r.request_id}:${r.item}`,
        Math.max(Number(r.qty), Number(r.qty) ? 0 : Number(r.n)),
      ]),
    );
  }

  /**
   * Pledges `qty` of an offer line to a request. The line's `committed` grows in the same statement that
   * checks what is left, so two coordinators confirming at once can never pledge more than was offered.
   */
  match(actor: Actor, m: { requestId: number; offerId: number; line: number; qty?: number }): MatchResult {
    const offer = this.get(m.offerId);
    if (offer?.status !== 'open' || offer.until <= actor.at) return { ok: false, why: 'offer-closed' };
    const item = offer.items.find((i) => i.line === m.line);
    if (!item || item.item === 'other') return { ok: false, why: 'no-such-line' };
    const qty = m.qty ?? leftOf(item) ?? null;
    if (qty !== null && qty <= 0) return { ok: false, why: 'committed', left: leftOf(item) ?? 0 };
    const took = this.db
      .prepare(`UPDATE offer_items SET committed = committed + @take WHERE offer_id = @offer AND line = @line
        AND (qty IS NULL ${qty === null ? 'AND committed = 0' : 'OR committed + @take <= qty'})`)
      .run({ take: qty ?? 0, offer: m.offerId, line: m.line }).changes;
    if (took === 0) {
      const left = leftOf(item);
      return { ok: false, why: 'committed', ...(left === undefined ? {} : { left }) };
    }
    const id = Number(
      this.db
        .prepare(`INSERT INTO matches (request_id, offer_id, line, item, qty, created_at, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`)
        .pluck()
        .get(m.requestId, m.offerId, m.line, item.item, qty, actor.at, actor.at),
    );
    this.events.append(actor, {
      kind: 'match.pledged',
      subject: formatRef('R', m.requestId),
      payload: { offer: offerRef(m.offerId), item: item.item, qty },
    });
    return { ok: true, match: this.matchById(id)! };
  }

  /** The live matches between one request and one offer. */
  matchesBetween(requestId: number, offerId: number): Match[] {
    return (
      this.db
        .prepare(`SELECT * FROM matches WHERE request_id = ? AND offer_id = ? AND ${LIVE_MATCH} ORDER BY id`)
        .all(requestId, offerId) as MatchRow[]
    ).map(toMatch);
  }

  matchesOfOffer(offerId: number): Match[] {
    return (
      this.db.prepare('SELECT * FROM matches WHERE offer_id = ? ORDER BY id').all(offerId) as MatchRow[]
    ).map(toMatch);
  }

  /**
   * Moves every live match of a request and an offer one step (pledged → at-posko → delivered), or
   * cancels them, giving the quantities back to the offer. Returns the matches moved.
   */
  moveMatches(actor: Actor, requestId: number, offerId: number, to: MatchStatus, poskoId?: number): Match[] {
    const from: Record<MatchStatus, MatchStatus[]> = {
      pledged: [],
      'at-posko': ['pledged'],
      delivered: ['pledged', 'at-posko'],
      cancelled: ['pledged', 'at-posko'],
    };
    const moving = this.matchesBetween(requestId, offerId).filter((m) => from[to].includes(m.status));
    for (const m of moving) {
      this.db
        .prepare(
          'UPDATE matches SET status = ?, posko_id = COALESCE(?, posko_id), updated_at = ? WHERE id = ?',
        )
        .run(to, poskoId ?? null, actor.at, m.id);
      if (to === 'cancelled')
        this.db
          .prepare('UPDATE offer_items SET committed = committed - ? WHERE offer_id = ? AND line = ?')
          .run(m.qty ?? 0, m.offerId, m.line);
    }
    if (moving.length > 0)
      this.events.append(actor, {
        kind: `match.${to}`,
        subject: formatRef('R', requestId),
        payload: {
          offer: offerRef(offerId),
          ...(poskoId === undefined ? {} : { posko: formatRef('K', poskoId) }),
        },
      });
    return moving.map((m) => ({ ...m, status: to, poskoId: poskoId ?? m.poskoId }));
  }

  private matchById(id: number): Match | undefined {
    const row = this.db.prepare('SELECT * FROM matches WHERE id = ?').get(id) as MatchRow | undefined;
    return row && toMatch(row);
  }

  private toOffer(r: OfferRow): Offer {
    const items = this.db
      .prepare(
        'SELECT line, item, text, qty, unit, committed FROM offer_items WHERE offer_id = ? ORDER BY line',
      )
      .all(r.id) as OfferItemRow[];
    return {
      id: r.id,
      donor: r.donor,
      items: items.map(toItem),
      services: JSON.parse(r.services) as OfferedService[],
      lat: r.lat,
      lon: r.lon,
      address: r.address,
      area: r.area,
      until: r.until,
      delivery: r.delivery,
      contact: r.contact,
      status: r.status,
      createdAt: r.created_at,
    };
  }
}
