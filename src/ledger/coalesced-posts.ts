import type { Db } from './db.ts';

export type CoalescedKind = 'relocated' | 'cycle';

/** A held group post whose window has ended: the job builds it from the cases' state now. */
export interface HeldPost {
  kind: CoalescedKind;
  /** The window's case: the case moved (relocated), or the reporter's case first posted (cycle). */
  caseId: number;
  /** The area the groups last heard (relocated). */
  area: string | null;
  held: { case: number; what: 'opened' | 'rescued' | 'relocated' }[];
}

interface Row {
  case_id: number;
  kind: CoalescedKind;
  posted_at: number;
  area: string | null;
  closed_at: number | null;
  due_at: number | null;
  held: string;
}

/**
 * Coalescing of the group posts one reporter causes (issue 14). `offer` answers whether a post may go
 * now (a new window starts) or is folded into the one post due when the running window ends; the
 * decision is written in the caller's transaction, so it holds across restarts. The changes themselves
 * are each an event of their own (rescue.located, rescue.opened, rescue.rescued): nothing is lost, only
 * the groups' copies are merged.
 */
export class CoalescedPosts {
  constructor(private readonly db: Db) {}

  private windowOf(kind: CoalescedKind, caseId: number): Row | undefined {
    if (kind === 'relocated')
      return this.db
        .prepare("SELECT * FROM coalesced_posts WHERE kind = 'relocated' AND case_id = ?")
        .get(caseId) as Row | undefined;
    // A reporter's cycle window belongs to whichever of their cases started it.
    return this.db
      .prepare(
        `SELECT p.* FROM coalesced_posts p JOIN rescues r ON r.id = p.case_id
         WHERE p.kind = 'cycle' AND r.reporter = (SELECT reporter FROM rescues WHERE id = ?)
         ORDER BY p.posted_at DESC LIMIT 1`,
      )
      .get(caseId) as Row | undefined;
  }

  /**
   * `relocated`: a reporter moved case `caseId` to `area`. `opened`/`rescued`: a reporter opened a case
   * or said it is rescued. Answers 'now' (post it; a window of `windowMs` starts) or 'held'. Opens and
   * all-clears are held only while the reporter is cycling (an all-clear of theirs inside the window),
   * so a person's first alarm and its all-clear go at once, and a storm gets one post per window.
   */
  offer(
    what: 'relocated' | 'opened' | 'rescued',
    caseId: number,
    area: string | null,
    now: number,
    windowMs: number,
  ): 'now' | 'held' {
    const kind: CoalescedKind = what === 'relocated' ? 'relocated' : 'cycle';
    const row = this.windowOf(kind, caseId);
    const running = row !== undefined && (row.due_at !== null || now - row.posted_at < windowMs);
    // A post still held means the storm goes on, even if the job has not sent it yet.
    const cycling =
      row !== undefined &&
      (row.due_at !== null || (row.closed_at !== null && now - row.closed_at < windowMs));
    const closedAt = what === 'rescued' ? now : cycling ? row!.closed_at : null;
    if (!running || (kind === 'cycle' && !cycling)) {
      if (row)
        this.db.prepare('DELETE FROM coalesced_posts WHERE case_id = ? AND kind = ?').run(row.case_id, kind);
      this.db
        .prepare(
          `INSERT INTO coalesced_posts (case_id, kind, posted_at, area, closed_at) VALUES (?, ?, ?, ?, ?)`,
        )
        .run(caseId, kind, now, area, closedAt);
      return 'now';
    }
    const held = [...(JSON.parse(row!.held) as HeldPost['held']), { case: caseId, what }];
    this.db
      .prepare(
        `UPDATE coalesced_posts SET due_at = COALESCE(due_at, posted_at + @window), held = @held,
           closed_at = @closedAt WHERE case_id = @id AND kind = @kind`,
      )
      .run({ window: windowMs, held: JSON.stringify(held), closedAt, id: row!.case_id, kind });
    return 'held';
  }

  /** A coordinator's correction told the groups where case `caseId` is: a held move back there is not news. */
  heard(caseId: number, area: string | null): void {
    this.db
      .prepare("UPDATE coalesced_posts SET area = ? WHERE case_id = ? AND kind = 'relocated'")
      .run(area, caseId);
  }

  /** Windows that ended with something held. */
  due(now: number): HeldPost[] {
    return (
      this.db
        .prepare('SELECT * FROM coalesced_posts WHERE due_at IS NOT NULL AND due_at <= ? ORDER BY due_at')
        .all(now) as Row[]
    ).map((r) => ({ kind: r.kind, caseId: r.case_id, area: r.area, held: JSON.parse(r.held) }));
  }

  /**
   * The held post went out (`area`: where the groups now place the case), or nothing needed saying
   * (undefined): a new window starts now, or the old one simply ends.
   */
  settle(post: HeldPost, now: number, posted: { area: string | null } | undefined): void {
    const key = { id: post.caseId, kind: post.kind };
    // An all-clear held in the window keeps the reporter cycling for the next one: an SOS right after
    // this post is held too, so the groups still hear from this reporter once per window.
    const closed = post.held.some((h) => h.what === 'rescued') ? 1 : 0;
    if (posted)
      this.db
        .prepare(`UPDATE coalesced_posts SET due_at = NULL, held = '[]', posted_at = @now, area = @area,
            closed_at = CASE WHEN @closed = 1 THEN @now ELSE closed_at END
          WHERE case_id = @id AND kind = @kind`)
        .run({ ...key, now, area: posted.area, closed });
    else
      this.db
        .prepare(`UPDATE coalesced_posts SET due_at = NULL, held = '[]' WHERE case_id = @id AND kind = @kind`)
        .run(key);
  }

  /** Forgets windows that ended with nothing held: they decide nothing any more. */
  prune(now: number, windowMs: number): number {
    return this.db
      .prepare(
        `DELETE FROM coalesced_posts WHERE due_at IS NULL AND posted_at <= @cutoff
           AND (closed_at IS NULL OR closed_at <= @cutoff)`,
      )
      .run({ cutoff: now - windowMs }).changes;
  }
}
