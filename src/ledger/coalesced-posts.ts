import type { Db } from './db.ts';

/** What a rescue group last read of a case: a later post says only what changed since. */
export interface HeardCase {
  area: string | null;
  active: boolean;
  people: number | null;
  /** The conditions as one comparable string (JSON of the list, `none` when none was said). */
  conditions: string;
}

/** A reporter's window in one group that ended with changes held: the job builds its one post. */
export interface HeldPost {
  /** The case whose post opened the window (with `groupId`, the row's key). */
  caseId: number;
  groupId: number;
  /** Cases with changes held, in order. */
  held: number[];
  heard: Record<string, HeardCase>;
}

interface Row {
  case_id: number;
  group_id: number;
  posted_at: number;
  due_at: number | null;
  held: string;
  heard: string;
}

const toPost = (r: Row): HeldPost => ({
  caseId: r.case_id,
  groupId: r.group_id,
  held: JSON.parse(r.held) as number[],
  heard: JSON.parse(r.heard) as Record<string, HeardCase>,
});

const REPORTER_OF = 'SELECT reporter FROM rescues WHERE id = ?';

/**
 * One window per reporter and group, across all the reporter's cases (issue 23): `offer` answers
 * whether a group post a reporter caused may go to that group now (a window starts) or waits for the
 * one post due when the running window ends. Written in the caller's transaction, so it holds across
 * restarts. The changes themselves are each an event of their own and reach coordinators at once: only
 * the groups' copies are merged.
 */
export class CoalescedPosts {
  constructor(private readonly db: Db) {}

  /** The window of the reporter of `caseId` in group `groupId`, if any. */
  private windowOf(caseId: number, groupId: number): Row | undefined {
    return this.db
      .prepare(
        `SELECT p.* FROM coalesced_posts p JOIN rescues r ON r.id = p.case_id
         WHERE r.reporter = (${REPORTER_OF}) AND p.group_id = ?
         ORDER BY p.posted_at DESC LIMIT 1`,
      )
      .get(caseId, groupId) as Row | undefined;
  }

  /**
   * A reporter's case `caseId` changed in a way group `groupId` should read (`heard`: the case now).
   * Answers 'now' (post it; this reporter's window in that group starts) or 'held' (folded into the
   * post due when the running window ends).
   */
  offer(caseId: number, groupId: number, heard: HeardCase, now: number, windowMs: number): 'now' | 'held' {
    const row = this.windowOf(caseId, groupId);
    const running = row !== undefined && (row.due_at !== null || now - row.posted_at < windowMs);
    if (running) {
      const held = JSON.parse(row.held) as number[];
      if (!held.includes(caseId)) held.push(caseId);
      this.db
        .prepare(
          `UPDATE coalesced_posts SET due_at = COALESCE(due_at, posted_at + @window), held = @held
           WHERE case_id = @id AND group_id = @group`,
        )
        .run({ window: windowMs, held: JSON.stringify(held), id: row.case_id, group: groupId });
      return 'held';
    }
    // A new window; what the group read before it still counts for what is news later.
    const before = row ? (JSON.parse(row.heard) as Record<string, HeardCase>) : {};
    if (row)
      this.db
        .prepare('DELETE FROM coalesced_posts WHERE case_id = ? AND group_id = ?')
        .run(row.case_id, groupId);
    this.db
      .prepare(`INSERT INTO coalesced_posts (case_id, group_id, posted_at, heard) VALUES (?, ?, ?, ?)
          ON CONFLICT (case_id, group_id)
          DO UPDATE SET posted_at = excluded.posted_at, due_at = NULL, held = '[]', heard = excluded.heard`)
      .run(caseId, groupId, now, JSON.stringify({ ...before, [caseId]: heard }));
    return 'now';
  }

  /** Someone else told the groups about case `caseId` (a coordinator's correction): that is what they read. */
  heard(caseId: number, heard: HeardCase): void {
    const rows = this.db
      .prepare(
        `SELECT p.* FROM coalesced_posts p JOIN rescues r ON r.id = p.case_id WHERE r.reporter = (${REPORTER_OF})`,
      )
      .all(caseId) as Row[];
    for (const row of rows) {
      const all = { ...(JSON.parse(row.heard) as Record<string, HeardCase>), [caseId]: heard };
      this.db
        .prepare('UPDATE coalesced_posts SET heard = ? WHERE case_id = ? AND group_id = ?')
        .run(JSON.stringify(all), row.case_id, row.group_id);
    }
  }

  /** Windows that ended with changes held. */
  due(now: number): HeldPost[] {
    return (
      this.db
        .prepare('SELECT * FROM coalesced_posts WHERE due_at IS NOT NULL AND due_at <= ? ORDER BY due_at')
        .all(now) as Row[]
    ).map(toPost);
  }

  /**
   * The held post went out (`heard`: what the group read in it), and a new window starts now; or
   * nothing in it was news (undefined), and the window simply ends.
   */
  settle(post: HeldPost, now: number, heard: Record<string, HeardCase> | undefined): void {
    const key = { id: post.caseId, group: post.groupId };
    if (heard)
      this.db
        .prepare(
          `UPDATE coalesced_posts SET due_at = NULL, held = '[]', posted_at = @now, heard = @heard
           WHERE case_id = @id AND group_id = @group`,
        )
        .run({ ...key, now, heard: JSON.stringify({ ...post.heard, ...heard }) });
    else
      this.db
        .prepare(
          `UPDATE coalesced_posts SET due_at = NULL, held = '[]' WHERE case_id = @id AND group_id = @group`,
        )
        .run(key);
  }

  /** Forgets windows over long ago with nothing held: they decide nothing any more. */
  prune(now: number, keepMs: number): number {
    return this.db
      .prepare('DELETE FROM coalesced_posts WHERE due_at IS NULL AND posted_at <= ?')
      .run(now - keepMs).changes;
  }
}
