import { createHash } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { InboundMessage } from '../../src/domain/message.ts';
import { migrate } from '../../src/ledger/db.ts';
import { Harness, tempDir } from '../support/harness.ts';
import { newDatabase } from './postgres.ts';
import type { Figure } from './report.ts';

/**
 * Distinct senders (flood control allows 20 messages a minute per sender), so each sends once. A commit
 * waits for fsync (synchronous=FULL), which dominates one-message transactions: the one-per-receive
 * modes handle fewer messages so the whole bench stays within minutes.
 */
const SENDERS = 10_000;
const SINGLE_MESSAGES = 2_000;
/** A message on PostgreSQL takes several milliseconds (a round trip per statement): fewer of them. */
const POSTGRES_MESSAGES = 500;
/**
 * Telegram delivers a busy bot its updates by the tens a second, and caps what one token sends near
 * 30 messages a second: one process on PostgreSQL must take at least that.
 */
const POSTGRES_FLOOR = 30;
const BATCH = 100;
const WARMUP = 200;
/** The modes take turns, a tenth of their messages at a time, so load from elsewhere hits all alike. */
const ROUNDS = 10;
const TEXT = '/need 20 water, 5 rice for 30 people @ -7.80,110.36';
const COORDINATOR = 'telegram:999';
const TABLES = ['inbox', 'people', 'requests', 'events', 'outbox'];

type Handle = (list: InboundMessage[]) => void;

interface Mode {
  handle: Handle;
  messages: InboundMessage[];
  ns: number;
  done: number;
}

function messages(h: Harness, from: number, count: number): InboundMessage[] {
  return Array.from({ length: count }, (_, i) =>
    h.message({ id: `telegram:${from + i}`, name: `Sender ${from + i}`, language: 'id' }, TEXT),
  );
}

/** Rows per table after a run: the bot and the baseline must have written the same. */
function rowCounts(db: Database.Database): string {
  return TABLES.map((t) => `${t} ${db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get()}`).join(', ');
}

/** The bot on a temp ledger (or `location`'s) with one coordinator, who is told of every new request. */
function bot(location?: string): Harness {
  const h = new Harness({}, undefined, location);
  h.grant(COORDINATOR, 'coordinator');
  return h;
}

function throughCore(h: Harness, batch: number): Handle {
  return (list) => {
    for (let i = 0; i < list.length; i += batch) h.core.receive(list.slice(i, i + batch));
  };
}

/** Runs the modes in turns until each has handled its messages; returns messages per second for each. */
function interleave(modes: Mode[]): number[] {
  for (let round = 1; round <= ROUNDS; round++) {
    for (const m of modes) {
      const list = m.messages.slice(m.done, Math.ceil((m.messages.length * round) / ROUNDS));
      const t0 = process.hrtime.bigint();
      m.handle(list);
      m.ns += Number(process.hrtime.bigint() - t0);
      m.done += list.length;
    }
  }
  return modes.map((m) => m.done / (m.ns / 1e9));
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

interface Sample {
  request: Record<string, unknown>;
  event: { kind: string; payload: string; personal: Record<string, unknown> };
  reply: string;
  notice: string;
}

/** What the bot writes for one `/need`: the baseline writes rows of the same content and size. */
function sample(): Sample {
  const h = bot();
  try {
    const [reply, notice] = h.send('telegram:1', TEXT);
    const request = h.db.prepare('SELECT * FROM requests').get() as Record<string, unknown>;
    const event = h.db
      .prepare("SELECT kind, payload, personal FROM events WHERE kind = 'request.created'")
      .get() as {
      kind: string;
      payload: string;
      personal: string;
    };
    if (!reply || !notice || !request || event?.kind !== 'request.created')
      throw new Error(`'${TEXT}' no longer creates a request with a reply and a coordinator notice`);
    return {
      request,
      event: { ...event, personal: JSON.parse(event.personal) },
      reply: reply.text,
      notice: notice.text,
    };
  } finally {
    h.close();
  }
}

/**
 * The rows one-shot `/need` writes (inbox, person, dialog cleared, request, chained event, inbox state,
 * reply, coordinator notice) with better-sqlite3 alone, one transaction per message, on the same schema
 * and durability. The reads the bot does besides are not in it.
 */
function baseline(db: Database.Database, s: Sample): Handle {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  migrate(db);
  const insertInbox = db.prepare(`INSERT OR IGNORE INTO inbox
      (transport, chat_id, message_id, sender, received_at, message) VALUES (?, ?, ?, ?, ?, ?)`);
  const upsertPerson = db.prepare(`INSERT INTO people (id, display_name, language_hint, first_seen, last_seen)
      VALUES (@id, @name, @hint, @at, @at) ON CONFLICT (id) DO UPDATE SET last_seen = @at`);
  const clearDialog = db.prepare('DELETE FROM dialogs WHERE person_id = ? AND transport = ? AND chat_id = ?');
  const insertRequest = db.prepare(`INSERT INTO requests
      (requester, items, people_count, lat, lon, address, area, urgency, contact, notes, created_at, updated_at)
      VALUES (@requester, @items, @people_count, @lat, @lon, @address, @area, @urgency, @contact, @notes, @at, @at)`);
  const lastHash = db.prepare('SELECT hash FROM events ORDER BY id DESC LIMIT 1').pluck();
  const insertEvent = db.prepare(`INSERT INTO events
      (at, actor, message_ref, kind, subject, payload, personal, personal_hash, prev_hash, hash)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const finish = db.prepare("UPDATE inbox SET state = 'done', processed_at = ? WHERE id = ?");
  const insertOut = db.prepare(`INSERT INTO outbox
      (transport, chat_id, chat_kind, kind, text, inbox_id, next_at, created_at)
      VALUES (?, ?, 'private', ?, ?, ?, ?, ?)`);
  const coordinatorChat = COORDINATOR.split(':')[1]!;
  const one = db.transaction((m: InboundMessage) => {
    const now = m.at;
    const { transport, chatId } = m.chat;
    const sender = m.sender.id;
    const inboxId = insertInbox.run(
      transport,
      chatId,
      m.messageId,
      sender,
      now,
      JSON.stringify(m),
    ).lastInsertRowid;
    upsertPerson.run({ id: sender, name: m.sender.displayName, hint: m.sender.languageHint, at: now });
    clearDialog.run(sender, transport, chatId);
    const requestId = insertRequest.run({ ...s.request, requester: sender, at: now }).lastInsertRowid;
    const ref = `${transport}:${chatId}:${m.messageId}`;
    const personal = JSON.stringify({ ...s.event.personal, requester: sender });
    const personalHash = sha256(personal);
    const prev = (lastHash.get() as string | undefined) ?? '0'.repeat(64);
    const subject = `R-${requestId}`;
    const hash = sha256(
      JSON.stringify([prev, now, sender, ref, s.event.kind, subject, s.event.payload, personalHash]),
    );
    insertEvent.run(
      now,
      sender,
      ref,
      s.event.kind,
      subject,
      s.event.payload,
      personal,
      personalHash,
      prev,
      hash,
    );
    finish.run(now, inboxId);
    insertOut.run(transport, chatId, 'reply', s.reply, inboxId, now, now);
    insertOut.run(transport, coordinatorChat, 'notice', s.notice, inboxId, now, now);
  });
  return (list) => {
    for (const m of list) one(m);
  };
}

export async function intake(): Promise<Figure[]> {
  const single = bot();
  const batched = bot();
  const onPostgres = bot(await newDatabase());
  const tmp = tempDir('relief-bench-');
  const db = new Database(path.join(tmp.dir, 'baseline.db'));
  try {
    const modes: Mode[] = [
      {
        handle: baseline(db, sample()),
        messages: messages(single, 2_000_000, SINGLE_MESSAGES),
        ns: 0,
        done: 0,
      },
      {
        handle: throughCore(single, 1),
        messages: messages(single, 2_000_000, SINGLE_MESSAGES),
        ns: 0,
        done: 0,
      },
      {
        handle: throughCore(batched, BATCH),
        messages: messages(batched, 2_000_000, SENDERS),
        ns: 0,
        done: 0,
      },
      {
        handle: throughCore(onPostgres, 1),
        messages: messages(onPostgres, 2_000_000, POSTGRES_MESSAGES),
        ns: 0,
        done: 0,
      },
    ];
    for (const [i, m] of modes.entries()) m.handle(messages(single, 1_000_000 + i * WARMUP, WARMUP));
    const [base, one, many, postgres] = interleave(modes) as [number, number, number, number];
    const what = `'${TEXT}' from distinct senders, WAL + synchronous=FULL, temp file`;
    const baselineName = 'better-sqlite3, 1 tx/message';
    return [
      {
        id: 'intake.single',
        name: 'intake, 1 message per receive',
        unit: 'msg/s',
        value: one,
        baseline: base,
        baselineName,
        target: { kind: 'min-ratio', ratio: 0.5 },
        detail: `${SINGLE_MESSAGES} messages, ${what}; rows: ${rowCounts(single.db)} (baseline: ${rowCounts(db)})`,
      },
      {
        id: 'intake.batched',
        name: `intake, ${BATCH} messages per receive`,
        unit: 'msg/s',
        value: many,
        baseline: base,
        baselineName,
        target: { kind: 'min-ratio', ratio: 1.5 },
        detail: `${SENDERS} messages, ${what}; rows: ${rowCounts(batched.db)}`,
      },
      {
        id: 'intake.postgres',
        name: 'intake on PostgreSQL, 1 message per receive',
        unit: 'msg/s',
        value: postgres,
        baseline: base,
        baselineName,
        target: { kind: 'min', limit: POSTGRES_FLOOR },
        detail: `${POSTGRES_MESSAGES} messages, '${TEXT}' from distinct senders, PostgreSQL on loopback with fsync and synchronous commit, taking turns with the SQLite modes (SQLite, 1 message per receive: ${one.toFixed(0)} msg/s); rows: ${rowCounts(onPostgres.db)}`,
      },
    ];
  } finally {
    single.close();
    batched.close();
    onPostgres.close();
    db.close();
    tmp.cleanup();
  }
}
