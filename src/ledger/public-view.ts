import type { CapLevels } from '../domain/cap.ts';
import type { RequestItem } from '../domain/items.ts';
import type { PublicBroadcast, PublicRecord } from '../domain/public-summary.ts';
import { redactReport } from '../domain/redaction.ts';
import type { Db } from './db.ts';

/** The steps whose first time a public figure measures, by the event that records each. */
const STEP_EVENTS = {
  'request.verified': 'verifiedAt',
  'request.assigned': 'assignedAt',
  'request.delivered': 'deliveredAt',
  'request.closed': 'closedAt',
  'rescue.team_assigned': 'assignedAt',
  'rescue.rescued': 'deliveredAt',
  'rescue.closed': 'closedAt',
} as const;

/**
 * What the public page and feeds are built from: the allow-listed columns of requests and rescue cases
 * (area, status, catalog items, counts, times) and the times of their steps. Names, contacts, addresses,
 * notes, points and reporters are never selected, so no later code can let one through.
 */
export class PublicView {
  constructor(private readonly db: Db) {}

  records(): PublicRecord[] {
    const steps = new Map<string, Record<string, number>>();
    const kinds = Object.keys(STEP_EVENTS);
    const rows = this.db
      .prepare(
        `SELECT subject, kind, MIN(at) AS at FROM events
         WHERE kind IN (${kinds.map(() => '?').join(', ')}) GROUP BY subject, kind`,
      )
      .all(...kinds) as { subject: string; kind: keyof typeof STEP_EVENTS; at: number }[];
    for (const r of rows) {
      const s = steps.get(r.subject) ?? {};
      s[STEP_EVENTS[r.kind]] = Number(r.at);
      steps.set(r.subject, s);
    }
    const requests = this.db
      .prepare(
        `SELECT id, area, status, items, people_count AS "peopleCount", created_at AS "createdAt"
         FROM requests WHERE status NOT IN ('duplicate', 'rejected')`,
      )
      .all() as {
      id: number;
      area: string | null;
      status: string;
      items: string;
      peopleCount: number | null;
      createdAt: number;
    }[];
    const rescues = this.db
      .prepare(
        `SELECT id, area, status, people_count AS "peopleCount", created_at AS "createdAt",
           acknowledged_at AS "acknowledgedAt" FROM rescues`,
      )
      .all() as {
      id: number;
      area: string | null;
      status: string;
      peopleCount: number | null;
      createdAt: number;
      acknowledgedAt: number | null;
    }[];
    return [
      ...requests.map((r): PublicRecord => {
        const s = steps.get(`R-${r.id}`) ?? {};
        return {
          kind: 'request',
          id: Number(r.id),
          area: r.area,
          status: r.status,
          // Catalog ids and quantities only: the words of an item outside the catalog stay behind.
          items: (JSON.parse(r.items) as RequestItem[]).map((i) => ({
            item: i.item,
            ...(i.qty !== undefined && i.item !== 'other' ? { qty: i.qty } : {}),
          })),
          peopleCount: r.peopleCount,
          createdAt: Number(r.createdAt),
          ...s,
        };
      }),
      ...rescues.map((r): PublicRecord => {
        const s = steps.get(`S-${r.id}`) ?? {};
        return {
          kind: 'rescue',
          id: Number(r.id),
          area: r.area,
          status: r.status,
          items: [],
          peopleCount: r.peopleCount,
          createdAt: Number(r.createdAt),
          ...(r.acknowledgedAt === null ? {} : { acknowledgedAt: Number(r.acknowledgedAt) }),
          ...s,
        };
      }),
    ];
  }

  /**
   * The key public opaque ids are made with: the hash of the ledger's first event, known to no reader
   * and the same across restarts and processes. Undefined in an empty ledger, which has nothing to show.
   */
  opaqueKey(): string | undefined {
    return this.db.prepare('SELECT hash FROM events ORDER BY id LIMIT 1').pluck().get() as string | undefined;
  }

  /**
   * Broadcasts sent to groups, newest first: the one free text written for many readers, redacted when
   * it was written and confirmed by its author. A broadcast to one group (`G-3`) stays with that group.
   */
  broadcasts(limit: number): PublicBroadcast[] {
    return (
      this.db
        .prepare(
          `SELECT id, target, text, updated_at AS "at" FROM broadcasts
           WHERE state = 'done' AND target NOT LIKE 'G-%' ORDER BY updated_at DESC, id DESC LIMIT ?`,
        )
        .all(limit) as { id: number; target: string; text: string; at: number }[]
    ).map((b) => ({ id: Number(b.id), target: b.target, text: b.text, at: Number(b.at) }));
  }

  /** Public alerts, newest first: the area, the CAP levels and the text written for the public; never the author. */
  alerts(
    limit: number,
  ): ({ ref: string; area: string; text: string; language: string; at: number } & CapLevels)[] {
    return (
      this.db
        .prepare(
          `SELECT id, area, text, urgency, severity, certainty, language, created_at AS "at" FROM alerts
           ORDER BY created_at DESC, id DESC LIMIT ?`,
        )
        .all(limit) as ({
        id: number;
        area: string;
        text: string;
        language: string;
        at: number;
      } & CapLevels)[]
    ).map(({ id, at, ...a }) => ({ ...a, ref: `A-${id}`, at: Number(at) }));
  }

  /**
   * Active campaigns (`/campaign`), by area: the link, its label, and who vetted it as a role (an
   * admin, among them the ADMINS given as `admins`, or a coordinator), never as a person. The label
   * is a coordinator's words for the public: it passes the redaction on its way out.
   */
  campaigns(admins: readonly string[]): {
    url: string;
    label: string;
    area: string | null;
    vettedAt: number | null;
    vetter: 'admin' | 'coordinator';
  }[] {
    return (
      this.db
        .prepare(
          `SELECT c.url, c.label, c.area, c.vetted_at AS "vettedAt", c.vetted_by AS "vettedBy", p.role
           FROM campaigns c LEFT JOIN people p ON p.id = c.vetted_by WHERE c.status = 'active' ORDER BY c.id`,
        )
        .all() as {
        url: string;
        label: string;
        area: string | null;
        vettedAt: number | null;
        vettedBy: string;
        role: string | null;
      }[]
    ).map((c) => ({
      url: c.url,
      label: redactReport(c.label).text,
      area: c.area,
      vettedAt: c.vettedAt === null ? null : Number(c.vettedAt),
      vetter: c.role === 'admin' || admins.includes(c.vettedBy) ? 'admin' : 'coordinator',
    }));
  }

  /**
   * Open blood requests a coordinator stands behind, as groups may read them: the group, the hospital's
   * registered name (a public place, never the request's own words), its area, the bags and how many
   * donors said yes. Never a donor, a requester or a family.
   */
  bloodNeeds(
    now: number,
  ): { group: string; hospital: string | null; area: string | null; bags: number; found: number }[] {
    return (
      this.db
        .prepare(
          `SELECT r.abo, r.rh, h.name AS hospital, r.area, r.bags,
             (SELECT COUNT(*) FROM blood_asks a WHERE a.request_id = r.id AND a.answer = 'yes') AS found
           FROM blood_requests r LEFT JOIN hospitals h ON h.id = r.hospital_id
           WHERE r.status = 'open' AND r.verified = 1 AND r.deadline > ? ORDER BY r.deadline, r.id`,
        )
        .all(now) as {
        abo: string;
        rh: string;
        hospital: string | null;
        area: string | null;
        bags: number;
        found: number;
      }[]
    ).map((r) => ({
      group: `${r.abo}${r.rh}`,
      hospital: r.hospital,
      area: r.area,
      bags: Number(r.bags),
      found: Number(r.found),
    }));
  }

  /** Which campaigns are active now, as one short string: a page built for another is out of date. */
  campaignsVersion(): string {
    return (
      this.db
        .prepare("SELECT id FROM campaigns WHERE status = 'active' ORDER BY id")
        .pluck()
        .all() as number[]
    ).join(',');
  }
}
