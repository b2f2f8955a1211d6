import { Alerts } from './alerts.ts';
import { Attachments } from './attachments.ts';
import { Blood } from './blood.ts';
import { Broadcasts } from './broadcasts.ts';
import { Campaigns } from './campaigns.ts';
import { Checkins } from './checkins.ts';
import { CoalescedPosts } from './coalesced-posts.ts';
import { DashboardAccess } from './dashboard.ts';
import { DashboardAnswers } from './dashboard-answers.ts';
import { DashboardFigures } from './dashboard-figures.ts';
import { type Db, dialectOf, migrate, openDatabase, schemaVersion } from './db.ts';
import { Dialogs } from './dialogs.ts';
import { Drafts } from './drafts.ts';
import { EventLog } from './events.ts';
import { ExportFiles } from './export-files.ts';
import { ExportQueries } from './exports.ts';
import { Forgetting } from './forget.ts';
import { Groups } from './groups.ts';
import { Hospitals } from './hospitals.ts';
import { Housekeeping } from './housekeeping.ts';
import { Inbox } from './inbox.ts';
import { JobRuns } from './jobs.ts';
import { MediaFiles } from './media-files.ts';
import { MetricQueries } from './metrics.ts';
import { MissingReports } from './missing.ts';
import { Offers } from './offers.ts';
import { OutboxStore } from './outbox.ts';
import { People } from './people.ts';
import { PoskoStore } from './posko.ts';
import { isPostgresUrl, openPostgres } from './postgres.ts';
import { PublicChannelPosts } from './public-channel.ts';
import { PublicContacts } from './public-contacts.ts';
import { PublicView } from './public-view.ts';
import { Requests } from './requests.ts';
import { Rescues } from './rescues.ts';
import { Roles } from './roles.ts';
import { Sitrep } from './sitrep.ts';
import { Tasks } from './tasks.ts';
import { Volunteers } from './volunteers.ts';

export type { Alert } from './alerts.ts';
export type { Attachment } from './attachments.ts';
export type { AskCounts, BloodRequest, Donor } from './blood.ts';
export type { Broadcast, BroadcastTarget, Progress } from './broadcasts.ts';
export type { Campaign } from './campaigns.ts';
export type { Checkin, CheckinVisibility, Lookup, NewCheckin } from './checkins.ts';
export type { HeardCase, HeldPost } from './coalesced-posts.ts';
export type { SignInRefusal } from './dashboard.ts';
export type { DashboardAnswer } from './dashboard-answers.ts';
export type { BroadcastInProgress, Durations } from './dashboard-figures.ts';
export type { Draft, DraftKind, DraftStatus } from './drafts.ts';
export type { Actor, NewEvent, VerifyResult } from './events.ts';
export type { ExportFilter, ExportWhat } from './exports.ts';
export type { CurrentMessage, Forgotten } from './forget.ts';
export type { Group } from './groups.ts';
export type { Hospital } from './hospitals.ts';
export type { MetricFigure, MetricRow } from './metrics.ts';
export type { Consent, MissingReport, NewMissing } from './missing.ts';
export type { Delivery, Match, MatchStatus, NewOffer, Offer, OfferItem } from './offers.ts';
export type { PersonalFor } from './outbox.ts';
export type { GrantedRole, Person } from './people.ts';
export type { NewPosko, Posko, PoskoFields, StockLine } from './posko.ts';
export type { PublicContact } from './public-contacts.ts';
export type { LikelyDuplicate, MoveDetails, NewRequest, SupplyRequest } from './requests.ts';
export type { RescueCase, RescueLocation } from './rescues.ts';
export type { DoneResult, NearTask, TakeResult, Task } from './tasks.ts';
export type { NearVolunteer, Volunteer, VolunteerProfile, Whereabouts } from './volunteers.ts';

/** How often a transaction that lost to another process's (a deadlock) is run again before giving up. */
const CONFLICT_RETRIES = 5;

/**
 * The only door to SQLite. Every change goes through `transaction`, which better-sqlite3 runs
 * synchronously: nothing may be awaited inside it, and replies are sent after the commit.
 */
export class Ledger {
  readonly events: EventLog;
  readonly inbox: Inbox;
  readonly people: People;
  readonly dialogs: Dialogs;
  readonly outbox: OutboxStore;
  readonly groups: Groups;
  readonly roles: Roles;
  readonly requests: Requests;
  readonly broadcasts: Broadcasts;
  readonly volunteers: Volunteers;
  readonly tasks: Tasks;
  readonly rescues: Rescues;
  readonly exports: ExportQueries;
  readonly jobs: JobRuns;
  readonly sitrep: Sitrep;
  readonly housekeeping: Housekeeping;
  readonly exportFiles: ExportFiles;
  readonly mediaFiles: MediaFiles;
  readonly publicContacts: PublicContacts;
  readonly forgetting: Forgetting;
  readonly dashboard: DashboardAccess;
  readonly dashboardFigures: DashboardFigures;
  readonly publicView: PublicView;
  readonly dashboardAnswers: DashboardAnswers;
  readonly offers: Offers;
  readonly blood: Blood;
  readonly hospitals: Hospitals;
  readonly campaigns: Campaigns;
  readonly alerts: Alerts;
  readonly publicChannelPosts: PublicChannelPosts;
  readonly checkins: Checkins;
  readonly missing: MissingReports;
  readonly posko: PoskoStore;
  readonly attachments: Attachments;
  readonly drafts: Drafts;
  private checkpointTimer: NodeJS.Timeout | undefined;
  /**
   * One better-sqlite3 transaction function for every `transaction` call: making one per call (four
   * wrappers and their property definitions) cost more than the savepoint it runs, three times a message.
   */
  private readonly run: (fn: () => unknown) => unknown;
  /** Why writes fail (a full disk, a read-only file), and the change count then; unset once one commits. */
  private failingWrites: { reason: string; changes: number } | undefined;

  readonly metrics: MetricQueries;
  readonly coalescedPosts: CoalescedPosts;

  // The raw handle never leaves the ledger: every read and write is one of its methods.
  private constructor(
    private readonly db: Db,
    filesDir?: string,
  ) {
    this.run = db.transaction((fn: () => unknown) => fn());
    this.events = new EventLog(db);
    this.inbox = new Inbox(db);
    this.people = new People(db);
    this.dialogs = new Dialogs(db);
    this.outbox = new OutboxStore(db);
    this.groups = new Groups(db);
    this.roles = new Roles(db);
    this.requests = new Requests(db, this.events);
    this.broadcasts = new Broadcasts(db, this.groups);
    this.volunteers = new Volunteers(db, this.events);
    this.rescues = new Rescues(db, this.events);
    this.tasks = new Tasks(db, this.requests, this.rescues);
    this.exports = new ExportQueries(db);
    this.jobs = new JobRuns(db);
    this.metrics = new MetricQueries(db);
    this.coalescedPosts = new CoalescedPosts(db);
    this.sitrep = new Sitrep(db);
    this.exportFiles = new ExportFiles(db, filesDir);
    this.mediaFiles = new MediaFiles(db, filesDir);
    this.attachments = new Attachments(db);
    this.housekeeping = new Housekeeping(db, this.exportFiles, this.attachments, this.mediaFiles);
    this.publicContacts = new PublicContacts(db, this.events);
    this.dashboard = new DashboardAccess(db);
    this.dashboardFigures = new DashboardFigures(db);
    this.publicView = new PublicView(db);
    this.dashboardAnswers = new DashboardAnswers(db);
    this.offers = new Offers(db, this.events);
    this.blood = new Blood(db, this.events);
    this.hospitals = new Hospitals(db, this.events);
    this.campaigns = new Campaigns(db, this.events);
    this.alerts = new Alerts(db, this.events);
    this.publicChannelPosts = new PublicChannelPosts(db, this.events);
    this.checkins = new Checkins(db, this.events);
    this.missing = new MissingReports(db, this.events);
    this.posko = new PoskoStore(db, this.events);
    this.drafts = new Drafts(db, this.events);
    this.forgetting = new Forgetting(
      db,
      this.events,
      this.requests,
      this.volunteers,
      this.tasks,
      this.housekeeping,
      this.exportFiles,
      this.attachments,
      this.mediaFiles,
    );
  }

  /**
   * Opens (creating if needed) and migrates the ledger: a SQLite file, or the PostgreSQL database of a
   * postgres:// URL. `filesDir` (DATA_DIR) is where a ledger on a server keeps `exports/` and `media/`:
   * a SQLite file keeps them beside itself.
   */
  static open(location: string, filesDir?: string): Ledger {
    const db = isPostgresUrl(location) ? openPostgres(location) : openDatabase(location);
    try {
      migrate(db);
    } catch (err) {
      db.close();
      throw err;
    }
    return new Ledger(db, filesDir);
  }

  /** SQLite's file chores (checkpoints, size caps) have nothing to do on a server. */
  private get onSqlite(): boolean {
    return dialectOf(this.db).engine === 'sqlite';
  }

  /**
   * Calls `listener` once the connection to the PostgreSQL server is lost (the server restarted or
   * ended the session, the network failed): every call fails from then on, since the session's locks
   * (sending for a transport, a transaction's) went with it. Never on SQLite.
   */
  onConnectionLost(listener: (reason: string) => void): void {
    this.db.onLost?.(listener);
  }

  get isOpen(): boolean {
    return this.db.open;
  }

  /** A real read, for health checks: an open handle on a broken file still fails here. */
  probe(): void {
    this.db.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get();
  }

  /**
   * Caps the file at its current size plus `extraPages` (undefined lifts the cap): SQLite then answers
   * as a full disk would, which is how the full-disk behaviour is rehearsed.
   */
  capSize(extraPages: number | undefined): void {
    const pages = this.db.pragma('page_count', { simple: true }) as number;
    this.db.pragma(`max_page_count = ${extraPages === undefined ? 1_073_741_823 : pages + extraPages}`);
  }

  /** Refuses every write as a read-only file would (SQLITE_READONLY), to rehearse one; false lifts it. */
  rehearseReadOnly(on: boolean): void {
    this.db.exec(dialectOf(this.db).readOnly(on));
  }

  get schemaVersion(): number {
    return schemaVersion(this.db);
  }

  /**
   * Runs `fn` in one transaction (a savepoint when nested): all of its writes commit, or none. A failure
   * of the disk or the file is remembered for health until a transaction that writes commits again.
   */
  transaction<T>(fn: () => T): T {
    let result: T;
    try {
      result = this.run(fn) as T;
    } catch (err) {
      this.noteFailure(err);
      throw err;
    }
    // Only while failing: a healthy ledger pays nothing for this.
    if (this.failingWrites && !this.db.inTransaction && this.totalChanges() !== this.failingWrites.changes)
      this.failingWrites = undefined;
    if (this.housekeeping.erasedSinceCheckpoint && !this.db.inTransaction)
      if (this.onSqlite) this.checkpoint();
      else this.vacuumErased();
    return result;
  }

  /**
   * `transaction` for work that may meet another process's on PostgreSQL: when the server aborted it
   * to break a deadlock, it runs again from the start (a few times; the other side went on), so `fn`
   * must begin from nothing each time. Nested in another transaction it is a plain savepoint:
   * the outermost one is what runs again.
   */
  transactionRetried<T>(fn: () => T): T {
    for (let attempt = 1; ; attempt++) {
      try {
        return this.transaction(fn);
      } catch (err) {
        if (this.db.inTransaction || attempt >= CONFLICT_RETRIES || !this.isConflict(err)) throw err;
      }
    }
  }

  /**
   * Whether an error is the ledger's own, not the code that ran in its transaction: the database
   * cannot store now (a full disk, a read-only file or server), or the transaction lost to another
   * process's. The whole transaction is then gone, whatever savepoint caught it.
   */
  failedItself(err: unknown): boolean {
    const code = (err as { code?: unknown } | null)?.code;
    if (typeof code !== 'string') return false;
    const d = dialectOf(this.db);
    return d.isWriteFailure(code) || d.isConflict(code);
  }

  private isConflict(err: unknown): boolean {
    const code = (err as { code?: unknown } | null)?.code;
    return typeof code === 'string' && dialectOf(this.db).isConflict(code);
  }

  /** Why the last write failed when no write has committed since (for `/healthz`), else undefined. */
  get writeFailure(): string | undefined {
    return this.failingWrites?.reason;
  }

  private noteFailure(err: unknown): void {
    const code = (err as { code?: unknown }).code;
    if (typeof code !== 'string' || !dialectOf(this.db).isWriteFailure(code) || !this.db.open) return;
    this.failingWrites = { reason: `${code}: ${(err as Error).message}`, changes: this.totalChanges() };
  }

  private totalChanges(): number {
    return this.db.totalChanges ?? (this.db.prepare('SELECT total_changes()').pluck().get() as number);
  }

  /**
   * Copies the WAL into the database file and truncates it, so that erased values (overwritten in the
   * file by secure_delete) do not live on in old WAL frames.
   */
  checkpoint(): void {
    this.housekeeping.erasedSinceCheckpoint = false;
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  /**
   * PostgreSQL never overwrites a row in place: an UPDATE or DELETE leaves the old version (the name,
   * the number, the exact point) in the table as a dead row until a VACUUM removes it, and autovacuum
   * comes when it likes. So after an erasure commits, the tables it wrote are vacuumed at once: the
   * dead versions, their index entries and their TOAST go. VACUUM cannot run inside a transaction,
   * hence here, after the commit; it takes no lock that stops other processes reading or writing (a
   * version another connection's open transaction still sees stays until the next VACUUM). It does not
   * overwrite the freed bytes (PostgreSQL has no secure_delete): README says what an operator can add.
   */
  private vacuumErased(): void {
    const tables = [...this.housekeeping.erasedTables];
    this.housekeeping.erasedSinceCheckpoint = false;
    this.housekeeping.erasedTables.clear();
    if (tables.length === 0) return;
    try {
      this.db.exec(`VACUUM ${tables.map((t) => `"${t}"`).join(', ')}`);
    } catch {
      // The erasure has committed: a VACUUM that failed (a timeout, a lost connection) must not make it
      // look failed to its caller. Its tables go with the next erasure's; autovacuum may come first.
      for (const t of tables) this.housekeeping.erasedTables.add(t);
    }
  }

  /**
   * Checkpoints the WAL now and then, so a long export that keeps a reader open cannot make the WAL
   * grow without bound between SQLite's automatic checkpoints.
   */
  startCheckpoints(intervalMs = 60_000): void {
    if (!this.onSqlite) return;
    this.checkpointTimer = setInterval(() => this.db.pragma('wal_checkpoint(PASSIVE)'), intervalMs);
    this.checkpointTimer.unref();
  }

  close(): void {
    if (this.checkpointTimer) clearInterval(this.checkpointTimer);
    if (this.db.open) {
      if (this.onSqlite) this.db.pragma('wal_checkpoint(TRUNCATE)');
      this.db.close();
    }
  }
}
