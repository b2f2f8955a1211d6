import { formatRef } from '../domain/refs.ts';
import type { Attachments } from './attachments.ts';
import { type Db, dialectOf } from './db.ts';
import { type Actor, EventLog } from './events.ts';
import type { ExportFiles } from './export-files.ts';
import { catalogItems, coarse, personalExport } from './forget.ts';
import type { MediaFiles } from './media-files.ts';

export interface IdleRequest {
  id: number;
  requester: string;
  status: string;
}

export interface PurgeCounts {
  requests: number;
  rescues: number;
  volunteers: number;
  people: number;
  events: number;
  dialogs: number;
  inbox: number;
  outbox: number;
  broadcasts: number;
  offers: number;
  /** Check-ins, lookups and missing-person reports past retention. */
  family: number;
  /** Drafts read in listened groups (what people wrote there), past retention whatever their state. */
  drafts: number;
  /** Export files with personal data removed from `exports/`. */
  exportFiles: number;
  /** Photos and voice notes removed from `media/`, and the bytes they held. */
  mediaFiles: number;
  mediaBytes: number;
  /** Of those, files no attachment row named (a crash between download and commit), swept. */
  mediaOrphans: number;
}

/** A file younger than this may be a download whose message is still being committed: never an orphan yet. */
export const ORPHAN_GRACE_MS = 60 * 60_000;

/** Erased person ids keep their transport, so counts by platform still work. */
const ERASED = 'erased';

/** The ledger side of the scheduled chores: "still needed?" questions and the retention purge. */
export class Housekeeping {
  private readonly events: EventLog;

  /**
   * Set by an erasure (a purge, /forget); once it has committed the ledger checkpoints and truncates
   * SQLite's WAL, or vacuums on PostgreSQL the tables it wrote (`erasedTables`).
   */
  erasedSinceCheckpoint = false;
  readonly erasedTables = new Set<string>();

  constructor(
    private readonly db: Db,
    private readonly exportFiles: ExportFiles,
    private readonly attachments: Attachments,
    private readonly mediaFiles: MediaFiles,
  ) {
    this.events = new EventLog(db);
  }

  /** Called at the end of an erasure, inside its transaction: what the ledger does after the commit. */
  noteErasure(): void {
    this.erasedSinceCheckpoint = true;
    const written = dialectOf(this.db).tablesWrittenInTransaction;
    if (written) for (const t of this.db.prepare(written).pluck().all() as string[]) this.erasedTables.add(t);
  }

  /** Live requests untouched since `idleSince` that were not asked about since their last change. */
  idleRequests(idleSince: number): IdleRequest[] {
    return this.db
      .prepare(`SELECT r.id, r.requester, r.status FROM requests r LEFT JOIN still_needed s ON s.request_id = r.id
        WHERE r.status IN ('new', 'verified', 'assigned') AND r.updated_at <= ?
          AND (s.asked_at IS NULL OR s.answered_at IS NOT NULL OR s.asked_at < r.updated_at) ORDER BY r.id`)
      .all(idleSince) as IdleRequest[];
  }

  asked(actor: Actor, requestId: number): void {
    this.db
      .prepare(`INSERT INTO still_needed (request_id, asked_at) VALUES (?, ?)
        ON CONFLICT (request_id) DO UPDATE SET asked_at = excluded.asked_at, answered_at = NULL, answer = NULL`)
      .run(requestId, actor.at);
    this.events.append(actor, { kind: 'request.still_needed_asked', subject: formatRef('R', requestId) });
  }

  /** True when a question about this request waits for its answer. */
  awaitingAnswer(requestId: number): boolean {
    return (
      this.db
        .prepare('SELECT 1 FROM still_needed WHERE request_id = ? AND answered_at IS NULL')
        .get(requestId) !== undefined
    );
  }

  /** Records the answer; "yes" counts as activity, so the 48 hours start again. */
  answer(actor: Actor, requestId: number, answer: 'yes' | 'no'): void {
    const at = actor.at;
    this.db
      .prepare('UPDATE still_needed SET answer = ?, answered_at = ? WHERE request_id = ?')
      .run(answer, at, requestId);
    if (answer === 'yes')
      this.db.prepare('UPDATE requests SET updated_at = ? WHERE id = ?').run(at, requestId);
    this.events.append(actor, {
      kind: 'request.still_needed',
      subject: formatRef('R', requestId),
      payload: { answer: answer === 'yes' },
    });
  }

  /**
   * Erases the personal fields of records finished before `cutoff` (names, phones, addresses, notes;
   * coordinates rounded to about 1 km), the personal part of their events, and old message bodies.
   * The event chain covers only the hash of the personal part, so it still verifies.
   */
  purge(actor: Actor, cutoff: number): PurgeCounts {
    const d = dialectOf(this.db);
    const run = (sql: string) => this.db.prepare(sql).run({ cutoff, erased: ERASED }).changes;
    const subjects = this.db
      .prepare(`SELECT 'R-' || id FROM requests WHERE status IN ('closed', 'cancelled', 'duplicate', 'rejected')
          AND updated_at < @cutoff AND requester <> @erased
        UNION ALL SELECT 'S-' || id FROM rescues WHERE status IN ('rescued', 'closed')
          AND updated_at < @cutoff AND reporter <> @erased
        UNION ALL SELECT 'V-' || id FROM volunteers WHERE status = 'left' AND updated_at < @cutoff
          AND (name IS NOT NULL OR phone IS NOT NULL)
        UNION ALL SELECT 'B-' || id FROM broadcasts WHERE state IN ('done', 'cancelled')
          AND updated_at < @cutoff AND text <> ''
        UNION ALL SELECT 'C-' || id FROM checkins WHERE created_at < @cutoff
        UNION ALL SELECT 'M-' || id FROM missing_reports WHERE status <> 'open' AND updated_at < @cutoff AND name <> ''
        UNION ALL SELECT 'O-' || id FROM offers WHERE status <> 'open' AND updated_at < @cutoff AND donor <> @erased
        UNION ALL SELECT 'D-' || id FROM drafts WHERE updated_at < @cutoff`)
      .pluck()
      .all({ cutoff, erased: ERASED }) as string[];
    const counts: PurgeCounts = {
      requests: run(`UPDATE requests SET requester = @erased, contact = NULL, notes = NULL, address = NULL,
          status_reason = NULL, items = ${catalogItems(d)}, ${coarse(d, 'lat')}, ${coarse(d, 'lon')}
        WHERE status IN ('closed', 'cancelled', 'duplicate', 'rejected') AND updated_at < @cutoff AND requester <> @erased`),
      rescues: run(`UPDATE rescues SET reporter = @erased, contact = NULL, notes = NULL, address = NULL,
          status_reason = NULL, acknowledged_by = NULL, ${coarse(d, 'lat')}, ${coarse(d, 'lon')}
        WHERE status IN ('rescued', 'closed') AND updated_at < @cutoff AND reporter <> @erased`),
      volunteers:
        run(`UPDATE volunteers SET name = NULL, phone = NULL, ${coarse(d, 'lat')}, ${coarse(d, 'lon')}
        WHERE status = 'left' AND updated_at < @cutoff AND (name IS NOT NULL OR phone IS NOT NULL)`),
      people:
        run(`UPDATE people SET display_name = NULL, last_lat = NULL, last_lon = NULL, last_location_at = NULL
        WHERE last_seen < @cutoff AND (display_name IS NOT NULL OR last_lat IS NOT NULL)`),
      events: 0,
      // Answers given in a dialog nobody finished (a dialog expires after 30 minutes anyway).
      dialogs: run('DELETE FROM dialogs WHERE updated_at < @cutoff'),
      // The sender, their chat and the message id (WhatsApp's holds the number) go with the body.
      inbox:
        run(`UPDATE inbox SET message = '{"erased":true}', sender = @erased, message_id = 'erased-' || id,
          chat_id = CASE WHEN ${d.jsonText('message', 'chat', 'kind')} = 'private' THEN @erased ELSE chat_id END
        WHERE received_at < @cutoff AND state <> 'pending' AND message <> '{"erased":true}'`),
      outbox: run(`UPDATE outbox SET text = '', extra = NULL,
          chat_id = CASE WHEN chat_kind = 'private' THEN @erased ELSE chat_id END
        WHERE created_at < @cutoff AND state IN ('sent', 'failed') AND (text <> '' OR chat_kind = 'private' AND chat_id <> @erased)`),
      broadcasts: run(`UPDATE broadcasts SET text = ''
        WHERE state IN ('done', 'cancelled') AND updated_at < @cutoff AND text <> ''`),
      // An offer's lines in the donor's own words go first, while the offer still names its donor.
      offers:
        run(`UPDATE offer_items SET text = NULL WHERE text IS NOT NULL AND offer_id IN
          (SELECT id FROM offers WHERE status <> 'open' AND updated_at < @cutoff AND donor <> @erased)`) +
        run(`UPDATE offers SET donor = @erased, contact = NULL, address = NULL, ${coarse(d, 'lat')}, ${coarse(d, 'lon')}
          WHERE status <> 'open' AND updated_at < @cutoff AND donor <> @erased`),
      family:
        run('DELETE FROM checkin_lookups WHERE at < @cutoff') +
        run('DELETE FROM checkins WHERE created_at < @cutoff') +
        run(`UPDATE missing_reports SET reporter = @erased, name = '', contact = NULL, description = NULL,
          last_place = NULL, last_seen = NULL WHERE status <> 'open' AND updated_at < @cutoff AND name <> ''`),
      drafts: run('DELETE FROM drafts WHERE updated_at < @cutoff'),
      exportFiles: 0,
      mediaFiles: 0,
      mediaBytes: 0,
      mediaOrphans: 0,
    };
    // Media past retention: what was never attached, and what belongs to a finished record.
    const media = this.mediaFiles.remove(
      this.attachments.erase(
        `created_at < @cutoff AND (subject IS NULL
          OR subject IN (SELECT 'S-' || id FROM rescues WHERE status IN ('rescued', 'closed') AND updated_at < @cutoff)
          OR subject IN (SELECT 'R-' || id FROM requests
            WHERE status IN ('closed', 'cancelled', 'duplicate', 'rejected') AND updated_at < @cutoff))`,
        { cutoff },
      ),
    );
    // Files on the wall clock, not the purge's: their times are the file system's.
    const orphans = this.mediaFiles.sweepOrphans(
      (name) => this.attachments.names(name),
      Date.now() - ORPHAN_GRACE_MS,
    );
    counts.mediaFiles = media.files + orphans.files;
    counts.mediaBytes = media.bytes + orphans.bytes;
    counts.mediaOrphans = orphans.files;
    // Documents with personal data already delivered: the copy in the outbox goes, whatever its age.
    counts.outbox += run(`UPDATE outbox SET extra = ${d.jsonWithout('extra', 'file')}
      WHERE state IN ('sent', 'failed') AND ${personalExport(d)}`);
    counts.exportFiles = this.exportFiles.removePersonal();
    const erase = this.db.prepare(
      'UPDATE events SET personal = NULL WHERE subject = ? AND personal IS NOT NULL',
    );
    for (const s of subjects) counts.events += erase.run(s).changes;
    // Events about a person (where they were, their language, their contact) past retention.
    counts.events += run(`UPDATE events SET personal = NULL
      WHERE at < @cutoff AND subject LIKE 'P-%' AND personal IS NOT NULL`);
    this.events.append(actor, { kind: 'retention.purged', payload: { cutoff, ...counts } });
    this.noteErasure();
    return counts;
  }
}
