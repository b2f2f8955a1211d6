import { TRANSPORT_TRAITS, TRANSPORTS } from '../domain/message.ts';
import { formatRef } from '../domain/refs.ts';
import { ACTIVE_RESCUE } from '../domain/rescue-states.ts';
import type { Attachments } from './attachments.ts';
import { type Db, dialectOf } from './db.ts';
import type { Dialect } from './dialect.ts';
import type { Actor, EventLog } from './events.ts';
import { type ExportFiles, PERSONAL_EXPORT_MARK } from './export-files.ts';
import type { Housekeeping } from './housekeeping.ts';
import type { MediaFiles } from './media-files.ts';
import { Pseudonyms } from './pseudonyms.ts';
import type { Requests } from './requests.ts';
import type { Tasks } from './tasks.ts';
import type { Volunteers } from './volunteers.ts';

/** Transports whose chats belong to a person of another transport (the dashboard's `web`). */
const SIGNED_IN_SQL = TRANSPORTS.filter((t) => !TRANSPORT_TRAITS[t].ownPersons)
  .map((t) => `'${t}'`)
  .join(', ');

/** What forgetting a person did, by reference only: nothing in it is personal. */
export interface Forgotten {
  /** Their open supply requests, now cancelled. */
  cancelled: string[];
  /** Volunteers who held one of them, to be told it is off. */
  heldBy: { ref: string; personId: string }[];
  /** Their rescue cases still in progress: kept, with the location the team needs, linked to no one. */
  keptRescues: string[];
  /** Tasks they held as a volunteer, back in the pool. */
  released: string[];
}

/** The person being forgotten, as the statements below name them. */
interface Person {
  person: string;
  pseudonym: string;
  at: number;
}

/** The inbound message being answered (the confirmation): erased with the rest, though still pending. */
export interface CurrentMessage {
  transport: string;
  chatId: string;
  messageId: string;
}

const LIVE_REQUEST = "('new', 'verified', 'assigned')";
const ACTIVE_RESCUE_SQL = `(${ACTIVE_RESCUE.map((s) => `'${s}'`).join(', ')})`;
/** A coordinate column rounded to about 1 km. */
export const coarse = (d: Dialect, column: string) => `${column} = ${d.round(column, 2)}`;
/** A request's items without the words outside the catalog: `other` items keep their quantity only. */
export const catalogItems = (d: Dialect) => d.jsonArrayWithout('items', 'text');
/** A row not yet sent fails as 'forgotten'; one sent or failed keeps its state. */
const FORGOTTEN_IF_PENDING = `state = CASE WHEN state = 'pending' THEN 'failed' ELSE state END,
        last_error = CASE WHEN state = 'pending' THEN 'forgotten' ELSE last_error END`;
/** An outbox row carrying an export document with personal data. */
export const personalExport = (d: Dialect) =>
  d.contains(d.jsonText('extra', 'file', 'name'), `'${PERSONAL_EXPORT_MARK}'`);

/**
 * A person's request to be forgotten (/forget; UU 27/2022 Pasal 8, the GDPR's right to erasure).
 * Everywhere their platform address stood, their pseudonym stands now, and the pseudonym's address is
 * erased: what remains (anonymised records, the event chain) leads to no one.
 */
export class Forgetting {
  private readonly pseudonyms: Pseudonyms;

  constructor(
    private readonly db: Db,
    private readonly events: EventLog,
    private readonly requests: Requests,
    private readonly volunteers: Volunteers,
    private readonly tasks: Tasks,
    private readonly housekeeping: Housekeeping,
    private readonly exportFiles: ExportFiles,
    private readonly attachments: Attachments,
    private readonly mediaFiles: MediaFiles,
  ) {
    this.pseudonyms = new Pseudonyms(db);
  }

  /** Erases `personId`'s personal data now, in the caller's transaction. */
  forget(actor: Actor, personId: string, current?: CurrentMessage): Forgotten {
    const p: Person = { person: personId, pseudonym: this.pseudonyms.of(personId), at: actor.at };
    const told = this.whatTheyTold(p);
    const { cancelled, heldBy } = this.withdrawRequests(actor, personId);
    const volunteer = this.db
      .prepare('SELECT id, status FROM volunteers WHERE person_id = ?')
      .get(personId) as { id: number; status: string } | undefined;
    const released = volunteer ? this.leaveAsVolunteer(actor, volunteer) : [];
    const keptRescues = this.refs(
      `SELECT 'S-' || id FROM rescues WHERE reporter = @person AND status IN ${ACTIVE_RESCUE_SQL} ORDER BY id`,
      p,
    );
    const subjects = [
      ...this.refs("SELECT 'R-' || id FROM requests WHERE requester = @person", p),
      ...this.refs("SELECT 'S-' || id FROM rescues WHERE reporter = @person", p),
      ...this.refs("SELECT 'O-' || id FROM offers WHERE donor = @person", p),
      ...this.refs("SELECT 'C-' || id FROM checkins WHERE person_id = @person", p),
      ...this.refs("SELECT 'M-' || id FROM missing_reports WHERE reporter = @person", p),
      ...this.refs("SELECT 'D-' || id FROM drafts WHERE writer = @person", p),
      ...(volunteer ? [formatRef('V', volunteer.id)] : []),
      p.pseudonym,
    ];
    this.anonymiseRecords(p);
    this.eraseMessages(p, told, current);
    this.eraseExports(p);
    // Their photos and voice notes, whatever they are attached to (a kept rescue case keeps its location).
    this.mediaFiles.remove(this.attachments.erase('person = @person', { person: personId }));
    this.eraseEventParts(p, subjects);

    const forgotten = { cancelled, heldBy, keptRescues, released };
    this.events.append(actor, {
      kind: 'person.forgotten',
      subject: p.pseudonym,
      payload: {
        cancelled,
        keptRescues,
        released,
        volunteer: volunteer ? formatRef('V', volunteer.id) : null,
      },
    });
    // Last: the event above names them by this pseudonym, which from now on leads nowhere.
    this.pseudonyms.erase(p.pseudonym, actor.at);
    this.housekeeping.noteErasure();
    return forgotten;
  }

  private run(sql: string, p: Person, extra: Record<string, unknown> = {}): number {
    return this.db.prepare(sql).run({ ...p, ...extra }).changes;
  }

  private refs(sql: string, p: Person): string[] {
    return this.db.prepare(sql).pluck().all(p) as string[];
  }

  /**
   * What they told the bot, to be found again in messages already written to others (a coordinator's
   * alert, a volunteer's task). A rescue in progress keeps its address for the team.
   */
  private whatTheyTold(p: Person): string[] {
    const d = dialectOf(this.db);
    return this.refs(
      `SELECT display_name FROM people WHERE id = @person
      UNION SELECT f.value FROM requests, ${d.rowsOf(['contact', 'address', 'notes', 'status_reason'], 'f')}
        WHERE requester = @person
      UNION SELECT ${d.jsonText('i.value', 'text')} FROM requests, ${d.jsonElements('requests.items', 'i')}
        WHERE requester = @person
      UNION SELECT f.value FROM rescues, ${d.rowsOf(['contact', 'notes', 'status_reason'], 'f')} WHERE reporter = @person
      UNION SELECT address FROM rescues WHERE reporter = @person AND status NOT IN ${ACTIVE_RESCUE_SQL}
      UNION SELECT f.value FROM volunteers, ${d.rowsOf(['name', 'phone'], 'f')} WHERE person_id = @person
      UNION SELECT f.value FROM offers, ${d.rowsOf(['contact', 'address'], 'f')} WHERE donor = @person
      UNION SELECT i.text FROM offers JOIN offer_items i ON i.offer_id = offers.id WHERE donor = @person
      UNION SELECT f.value FROM checkins, ${d.rowsOf(['phone', 'message', 'name'], 'f')} WHERE person_id = @person
      UNION SELECT f.value FROM missing_reports,
        ${d.rowsOf(['name', 'contact', 'description', 'last_place', 'last_seen'], 'f')} WHERE reporter = @person
      UNION SELECT words FROM drafts WHERE writer = @person`,
      p,
    ).filter((v) => typeof v === 'string' && v.trim().length >= 4);
  }

  /** Their open requests are withdrawn as if they had cancelled them: nobody should deliver to no one. */
  private withdrawRequests(actor: Actor, personId: string): Pick<Forgotten, 'cancelled' | 'heldBy'> {
    const heldBy: Forgotten['heldBy'] = [];
    const cancelled: string[] = [];
    const open = this.db
      .prepare(`SELECT id FROM requests WHERE requester = ? AND status IN ${LIVE_REQUEST} ORDER BY id`)
      .pluck()
      .all(personId) as number[];
    for (const id of open) {
      const before = this.requests.get(id)!;
      if (!this.requests.move(actor, id, 'cancelled', { by: 'forget' })?.ok) continue;
      cancelled.push(formatRef('R', id));
      const v =
        before.assignedVolunteer === null ? undefined : this.requests.volunteer(before.assignedVolunteer);
      if (before.status === 'assigned' && v) heldBy.push({ ref: formatRef('R', id), personId: v.personId });
    }
    return { cancelled, heldBy };
  }

  /** As a volunteer they leave: what they held goes back to the pool. Returns what was released. */
  private leaveAsVolunteer(actor: Actor, volunteer: { id: number; status: string }): string[] {
    const released = this.db
      .prepare(`SELECT 'R-' || id FROM requests WHERE assigned_volunteer = @v AND status = 'assigned'
        UNION ALL SELECT 'S-' || id FROM rescues WHERE assigned_volunteer = @v AND status = 'team_assigned'`)
      .pluck()
      .all({ v: volunteer.id }) as string[];
    this.tasks.release(actor, volunteer.id);
    if (volunteer.status === 'active') this.volunteers.leave(actor, volunteer.id);
    return released;
  }

  /**
   * Their records keep no person: the pseudonym stands where their address stood. A rescue in progress
   * keeps where the people are, how many and their condition (the team needs them; the retention purge
   * erases them once the case ends); who reported it and how to reach them goes now.
   */
  private anonymiseRecords(p: Person): void {
    const d = dialectOf(this.db);
    this.run(
      `UPDATE rescues SET reporter = @pseudonym, contact = NULL, notes = NULL
      WHERE reporter = @person AND status IN ${ACTIVE_RESCUE_SQL}`,
      p,
    );
    this.run(
      `UPDATE rescues SET reporter = @pseudonym, contact = NULL, notes = NULL, address = NULL,
        status_reason = NULL, ${coarse(d, 'lat')}, ${coarse(d, 'lon')} WHERE reporter = @person`,
      p,
    );
    this.run(
      `UPDATE requests SET requester = @pseudonym, contact = NULL, notes = NULL, address = NULL,
        status_reason = NULL, items = ${catalogItems(d)}, ${coarse(d, 'lat')}, ${coarse(d, 'lon')}
      WHERE requester = @person`,
      p,
    );
    this.run(
      `UPDATE volunteers SET person_id = @pseudonym, name = NULL, phone = NULL, ${coarse(d, 'lat')},
        ${coarse(d, 'lon')}, updated_at = @at WHERE person_id = @person`,
      p,
    );
    // A donor's offers stay as what was given, where (coarsely) and when; who gave it goes, and an
    // offer still open is withdrawn: nobody can collect goods from no one.
    this.run(
      `UPDATE offer_items SET text = NULL WHERE offer_id IN (SELECT id FROM offers WHERE donor = @person)`,
      p,
    );
    this.run(
      `UPDATE offers SET donor = @pseudonym, contact = NULL, address = NULL,
        status = CASE status WHEN 'open' THEN 'withdrawn' ELSE status END,
        ${coarse(d, 'lat')}, ${coarse(d, 'lon')}, updated_at = @at WHERE donor = @person`,
      p,
    );
    this.run('UPDATE posko SET created_by = @pseudonym WHERE created_by = @person', p);
    // Safe and found: their check-ins and who they looked up go; so do lookups of their numbers, and
    // their missing-person reports keep only that they existed.
    this.run(
      `DELETE FROM checkin_lookups WHERE seeker = @person
        OR phone_key IN (SELECT phone_key FROM checkins WHERE person_id = @person)`,
      p,
    );
    this.run('DELETE FROM checkins WHERE person_id = @person', p);
    // What the bot read in a group from them: a draft is only their words, so it goes whole.
    this.run('DELETE FROM drafts WHERE writer = @person', p);
    // A donor's blood group is health data kept only with their consent: it goes entirely.
    this.run('DELETE FROM donors WHERE person_id = @person', p);
    this.run('DELETE FROM blood_staff WHERE person_id = @person', p);
    this.run('UPDATE blood_staff SET added_by = @pseudonym WHERE added_by = @person', p);
    this.run('UPDATE blood_asks SET person_id = @pseudonym WHERE person_id = @person', p);
    this.run('UPDATE blood_requests SET requester = @pseudonym WHERE requester = @person', p);
    this.run('UPDATE campaigns SET vetted_by = @pseudonym WHERE vetted_by = @person', p);
    this.run(
      `UPDATE missing_reports SET reporter = @pseudonym, name = '', contact = NULL, description = NULL,
        last_place = NULL, last_seen = NULL, status = 'closed', updated_at = @at WHERE reporter = @person`,
      p,
    );
    this.run('UPDATE stock_movements SET actor = @pseudonym WHERE actor = @person', p);
    this.run('UPDATE rescues SET acknowledged_by = @pseudonym WHERE acknowledged_by = @person', p);
    this.run('UPDATE broadcasts SET author = @pseudonym WHERE author = @person', p);
    this.run('UPDATE alerts SET author = @pseudonym WHERE author = @person', p);
    this.run('UPDATE groups SET registered_by = @pseudonym WHERE registered_by = @person', p);
    this.run('UPDATE public_contacts SET added_by = @pseudonym WHERE added_by = @person', p);
    this.run('DELETE FROM dialogs WHERE person_id = @person', p);
    this.run('DELETE FROM dashboard_links WHERE person_id = @person', p);
    this.run('DELETE FROM dashboard_sessions WHERE person_id = @person', p);
    this.run('DELETE FROM people WHERE id = @person', p);
  }

  /**
   * Message bodies: what they wrote (handled messages, and the confirmation being handled now), what
   * was written to them, and messages to others that named them. A message id names the chat too
   * (WhatsApp's holds the number).
   */
  private eraseMessages(p: Person, told: readonly string[], current: CurrentMessage | undefined): void {
    const d = dialectOf(this.db);
    // Their private chat: `telegram` + `5` for `telegram:5`, and on the dashboard's transport, whose
    // chats are named by the person signed in, `web` + `telegram:5`.
    const theirChat = `(transport || ':' || chat_id = @person OR (transport IN (${SIGNED_IN_SQL}) AND chat_id = @person))`;
    this.run(
      `UPDATE inbox SET message = '{"erased":true}', sender = @pseudonym, message_id = 'erased-' || id,
        chat_id = CASE WHEN ${theirChat} THEN @pseudonym ELSE chat_id END
      WHERE sender = @person AND (state <> 'pending'
        OR (transport = @transport AND chat_id = @chat AND message_id = @message))`,
      p,
      {
        transport: current?.transport ?? null,
        chat: current?.chatId ?? null,
        message: current?.messageId ?? null,
      },
    );
    // Rows in flight ('sending') are left to the dispatcher, which marks them by id.
    this.run(
      `UPDATE outbox SET text = '', extra = NULL, chat_id = @pseudonym, ${FORGOTTEN_IF_PENDING}
      WHERE chat_kind = 'private' AND ${theirChat} AND state <> 'sending'`,
      p,
    );
    // Messages to others that named them ("Reported by whatsapp:62812...", "Contact: 0812..."): emptied
    // once delivered; one still waiting goes out with those words taken out. A handled message from
    // someone else that quoted them (a coordinator's `/reject R-3 <reason>`) keeps no body either.
    for (const [value, stand] of [[p.person, p.pseudonym], ...told.map((v) => [v, '…'])] as const) {
      this.run(
        `UPDATE inbox SET message = '{"erased":true}' WHERE state <> 'pending' AND ${d.contains('message', '@value')}`,
        p,
        { value },
      );
      this.run(
        `UPDATE outbox SET text = '', extra = NULL WHERE state IN ('sent', 'failed') AND ${d.contains('text', '@value')}`,
        p,
        { value },
      );
      this.run(
        `UPDATE outbox SET text = replace(text, @value, @stand) WHERE state = 'pending' AND ${d.contains('text', '@value')}`,
        p,
        { value, stand },
      );
    }
  }

  /**
   * An export with personal data holds everyone's, theirs among them; a file or a document cannot be
   * edited the way a row is, so every one of them goes (an admin exports again if need be).
   */
  private eraseExports(p: Person): void {
    const d = dialectOf(this.db);
    this.run(
      `UPDATE outbox SET extra = ${d.jsonWithout('extra', 'file')}, ${FORGOTTEN_IF_PENDING}
      WHERE ${personalExport(d)} AND state <> 'sending'`,
      p,
    );
    this.exportFiles.removePersonal();
  }

  /** Their events' personal parts: the chain covers only their commitment, so it still verifies. */
  private eraseEventParts(p: Person, subjects: readonly string[]): void {
    const erase = this.db.prepare(
      'UPDATE events SET personal = NULL WHERE subject = ? AND personal IS NOT NULL',
    );
    for (const s of subjects) erase.run(s);
    this.run('UPDATE events SET personal = NULL WHERE actor = @pseudonym AND personal IS NOT NULL', p);
  }
}
