import { createHash } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { InboundMessage } from '../../src/core/message.ts';
import { migrate } from '../../src/ledger/db.ts';
import { Harness, tempDir } from '../support/harness.ts';
import type { Figure } from './report.ts';

/**
 * Distinct senders (flood control allows 20 messages a minute per sender), so each sends once. A commit
 * waits for fsync (synchronous=FULL), which dominates one-message transactions: the one-per-receive
 * modes handle fewer messages so the whole bench stays within minutes.
 */
const SENDERS = 10_000;
const SINGLE_MESSAGES = 3_000;
const BATCH = 100;
const WARMUP = 200;
/** Modes take turns in rounds of this many messages, so disk load from elsewhere hits all of them alike. */
const ROUND = 200;
const TEXT = '/lang en';

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
  return ['inbox', 'people', 'events', 'outbox']
    .map((t) => `${t} ${db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get()}`)
    .join(', ');
}

function throughCore(h: Harness, batch: number): Handle {
  return (list) => {
    for (let i = 0; i < list.length; i += batch) h.core.receive(list.slice(i, i + batch));
  };
}

/** Runs the modes in turns until each has handled its messages; returns messages per second for each. */
function interleave(modes: Mode[]): number[] {
  const share = (m: Mode) => Math.ceil(m.messages.length / Math.ceil(SINGLE_MESSAGES / ROUND));
  while (modes.some((m) => m.done < m.messages.length)) {
    for (const m of modes) {
      const list = m.messages.slice(m.done, m.done + share(m));
      if (list.length === 0) continue;
      const t0 = process.hrtime.bigint();
      m.handle(list);
      m.ns += Number(process.hrtime.bigint() - t0);
      m.done += list.length;
    }
  }
  return modes.map((m) => m.done / (m.ns / 1e9));
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * The same rows `/lang en` writes (inbox, person, language, one chained event, inbox state, reply),
 * with better-sqlite3 alone, one transaction per message, on the same schema and durability.
 */
function baseline(db: Database.Database, reply: string): Handle {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  migrate(db);
  const insertInbox = db.prepare(`INSERT OR IGNORE INTO inbox
      (transport, chat_id, message_id, sender, received_at, message) VALUES (?, ?, ?, ?, ?, ?)`);
  const upsertPerson = db.prepare(`INSERT INTO people (id, display_name, language_hint, first_seen, last_seen)
      VALUES (@id, @name, @hint, @at, @at) ON CONFLICT (id) DO UPDATE SET last_seen = @at`);
  const setLanguage = db.prepare('UPDATE people SET language = ? WHERE id = ?');
  const lastHash = db.prepare('SELECT hash FROM events ORDER BY id DESC LIMIT 1').pluck();
  const insertEvent =
    db.prepare(`INSERT INTO events (at, actor, message_ref, kind, subject, payload, prev_hash, hash)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const finish = db.prepare("UPDATE inbox SET state = 'done', processed_at = ? WHERE id = ?");
  const insertReply = db.prepare(`INSERT INTO outbox
      (transport, chat_id, chat_kind, kind, text, inbox_id, next_at, created_at)
      VALUES (?, ?, 'private', 'reply', ?, ?, ?, ?)`);
  const one = db.transaction((m: InboundMessage) => {
    const now = m.at;
    const inboxId = insertInbox.run(
      m.chat.transport,
      m.chat.chatId,
      m.messageId,
      m.sender.id,
      now,
      JSON.stringify(m),
    ).lastInsertRowid;
    upsertPerson.run({ id: m.sender.id, name: m.sender.displayName, hint: m.sender.languageHint, at: now });
    setLanguage.run('en', m.sender.id);
    const ref = `${m.chat.transport}:${m.chat.chatId}:${m.messageId}`;
    const payload = '{"lang":"en"}';
    const prev = (lastHash.get() as string | undefined) ?? '0'.repeat(64);
    const hash = sha256(
      JSON.stringify([prev, now, m.sender.id, ref, 'person.language', m.sender.id, payload]),
    );
    insertEvent.run(now, m.sender.id, ref, 'person.language', m.sender.id, payload, prev, hash);
    finish.run(now, inboxId);
    insertReply.run(m.chat.transport, m.chat.chatId, reply, inboxId, now, now);
  });
  return (list) => {
    for (const m of list) one(m);
  };
}

export async function intake(): Promise<Figure[]> {
  const single = new Harness();
  const batched = new Harness();
  const tmp = tempDir('relief-bench-');
  const db = new Database(path.join(tmp.dir, 'baseline.db'));
  try {
    const reply = single.catalog.t('en', 'lang-set', { language: single.catalog.t('en', 'language-name') });
    const modes: Mode[] = [
      { handle: baseline(db, reply), messages: messages(single, 2_000_000, SINGLE_MESSAGES), ns: 0, done: 0 },
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
    ];
    for (const [i, m] of modes.entries()) m.handle(messages(single, 1_000_000 + i * WARMUP, WARMUP));
    const [base, one, many] = interleave(modes) as [number, number, number];
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
        detail: `${SINGLE_MESSAGES} messages, ${what}; rows: ${rowCounts(single.ledger.db)} (baseline: ${rowCounts(db)})`,
      },
      {
        id: 'intake.batched',
        name: `intake, ${BATCH} messages per receive`,
        unit: 'msg/s',
        value: many,
        baseline: base,
        baselineName,
        target: { kind: 'above-baseline' },
        detail: `${SENDERS} messages, ${what}; rows: ${rowCounts(batched.ledger.db)}`,
      },
    ];
  } finally {
    single.close();
    batched.close();
    db.close();
    tmp.cleanup();
  }
}
