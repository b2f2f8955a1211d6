import { formatRef } from '../domain/refs.ts';
import type { Db } from './db.ts';
import type { Actor, EventLog } from './events.ts';

/** A fundraising campaign (`F-n`): a link vetted by a coordinator for an area, a posko or a request. */
export interface Campaign {
  id: number;
  url: string;
  label: string;
  forRef: string;
  area: string | null;
  vettedBy: string;
  vettedAt: number | null;
  status: 'active' | 'pending' | 'withdrawn';
}

interface CampaignRow {
  id: number;
  url: string;
  label: string;
  for_ref: string;
  area: string | null;
  vetted_by: string;
  vetted_at: number | null;
  status: Campaign['status'];
}

const toCampaign = (r: CampaignRow): Campaign => ({
  id: r.id,
  url: r.url,
  label: r.label,
  forRef: r.for_ref,
  area: r.area,
  vettedBy: r.vetted_by,
  vettedAt: r.vetted_at === null ? null : Number(r.vetted_at),
  status: r.status,
});

/** Vetted campaigns; the bot never takes, holds or counts money, only links to where people give. */
export class Campaigns {
  constructor(
    private readonly db: Db,
    private readonly events: EventLog,
  ) {}

  /** `pending` when its domain is not a known fundraising platform: an admin confirms it first. */
  add(actor: Actor, c: Pick<Campaign, 'url' | 'label' | 'forRef' | 'area'>, pending: boolean): Campaign {
    const id = Number(
      this.db
        .prepare(`INSERT INTO campaigns (url, label, for_ref, area, vetted_by, vetted_at, status, created_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`)
        .pluck()
        .get(
          c.url,
          c.label,
          c.forRef,
          c.area,
          actor.id,
          pending ? null : actor.at,
          pending ? 'pending' : 'active',
          actor.at,
        ),
    );
    this.events.append(actor, {
      kind: pending ? 'campaign.proposed' : 'campaign.vetted',
      subject: formatRef('F', id),
      payload: { url: c.url, label: c.label, for: c.forRef, area: c.area },
    });
    return this.get(id)!;
  }

  get(id: number): Campaign | undefined {
    const row = this.db.prepare('SELECT * FROM campaigns WHERE id = ?').get(id) as CampaignRow | undefined;
    return row && toCampaign(row);
  }

  /** pending → active, vetted by the confirming admin now. */
  confirm(actor: Actor, id: number): boolean {
    const changed = this.db
      .prepare(
        "UPDATE campaigns SET status = 'active', vetted_by = ?, vetted_at = ? WHERE id = ? AND status = 'pending'",
      )
      .run(actor.id, actor.at, id).changes;
    if (changed)
      this.events.append(actor, { kind: 'campaign.vetted', subject: formatRef('F', id), payload: {} });
    return changed > 0;
  }

  withdraw(actor: Actor, id: number): boolean {
    const changed = this.db
      .prepare("UPDATE campaigns SET status = 'withdrawn' WHERE id = ? AND status <> 'withdrawn'")
      .run(id).changes;
    if (changed)
      this.events.append(actor, { kind: 'campaign.withdrawn', subject: formatRef('F', id), payload: {} });
    return changed > 0;
  }

  active(): Campaign[] {
    return (
      this.db.prepare("SELECT * FROM campaigns WHERE status = 'active' ORDER BY id").all() as CampaignRow[]
    ).map(toCampaign);
  }

  pending(): Campaign[] {
    return (
      this.db.prepare("SELECT * FROM campaigns WHERE status = 'pending' ORDER BY id").all() as CampaignRow[]
    ).map(toCampaign);
  }
}
