import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import { commands as allCommands } from '../../commands/index.ts';
import { type Config, loadAreaDefs, loadConfig, PROJECT_ROOT } from '../../src/config.ts';
import { Areas } from '../../src/domain/areas.ts';
import type { ChatRef, InboundContent, InboundMessage } from '../../src/domain/message.ts';
import type { Command } from '../../src/engine/command.ts';
import { Core } from '../../src/engine/engine.ts';
import { Catalog } from '../../src/i18n/catalog.ts';
import { Ledger } from '../../src/ledger/index.ts';
import { ledgerLocation, openRawLedger } from './engine.ts';
import { leaks } from './outbox-scan.ts';

export const silentLog = pino({ level: 'silent' });

export function tempDir(prefix = 'relief-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A raw connection to a ledger file, for tests and benchmarks to seed and inspect what the ledger keeps. */
export function openRaw(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('busy_timeout = 5000');
  return db;
}

/** A clock tests move by hand. */
export class FakeClock {
  constructor(public now = Date.UTC(2026, 11, 1, 0, 0, 0)) {}
  advance(ms: number): number {
    this.now += ms;
    return this.now;
  }
  readonly fn = () => this.now;
}

export interface OutRow {
  id: number;
  transport: string;
  chat_id: string;
  chat_kind: string;
  kind: string;
  text: string;
  extra: string | null;
  state: string;
  group_id: number | null;
  broadcast_id: number | null;
}

/** What one chat received among `rows`, the texts a line each. */
export const textTo = (rows: readonly OutRow[], chat: string) =>
  rows
    .filter((r) => r.chat_id === chat)
    .map((r) => r.text)
    .join('\n');

export interface Person {
  id: string;
  /** Defaults to a private chat with this person. */
  chat?: ChatRef;
  name?: string;
  language?: string;
  pseudo?: boolean;
}

/**
 * The core on a real ledger file in a temp directory (a new PostgreSQL database in the PostgreSQL
 * project), with a fake clock: feed it messages as a transport would and read what it put in the outbox.
 */
export class Harness {
  readonly clock = new FakeClock();
  readonly ledger: Ledger;
  /** A second connection to the same file, for tests to seed and inspect rows; the ledger keeps its own private. */
  readonly db: Database.Database;
  readonly core: Core;
  readonly config: Config;
  readonly catalog: Catalog;
  readonly areas: Areas;
  readonly file: string;
  private readonly tmp = tempDir();
  private seq = 0;
  private seen = 0;
  private readonly runId = Math.random().toString(36).slice(2, 8);

  constructor(env: Record<string, string> = {}, commands: readonly Command[] = allCommands, file?: string) {
    // On the PostgreSQL project, a database URL: everything below reads it as the ledger's location.
    this.file = file ?? ledgerLocation(this.tmp.dir);
    // A ledger on PostgreSQL keeps its exports and media in this test's own folder (DATA_DIR).
    this.config = loadConfig(
      { DATABASE_PATH: this.file, DATA_DIR: this.tmp.dir, DEFAULT_LANGUAGE: 'en', ...env },
      '/nonexistent',
    );
    this.ledger = Ledger.open(this.file, this.config.DATA_DIR);
    this.db = openRawLedger(this.file, openRaw);
    this.seen = this.db.prepare('SELECT COALESCE(MAX(id), 0) FROM outbox').pluck().get() as number;
    this.catalog = new Catalog(path.join(PROJECT_ROOT, 'data', 'locales'), this.config.DEFAULT_LANGUAGE);
    this.areas = new Areas(loadAreaDefs(this.config.AREAS));
    this.core = new Core({
      ledger: this.ledger,
      translator: this.catalog,
      areas: this.areas,
      config: this.config,
      commands,
      log: silentLog,
      clock: this.clock.fn,
    });
  }

  /** Builds the normalized message a transport would produce. */
  message(from: Person | string, content: InboundContent | string, messageId?: string): InboundMessage {
    const p: Person = typeof from === 'string' ? { id: from } : from;
    const chatId = p.id.slice(p.id.indexOf(':') + 1);
    return {
      chat: p.chat ?? {
        transport: p.id.slice(0, p.id.indexOf(':')) as ChatRef['transport'],
        chatId,
        kind: 'private',
      },
      messageId: messageId ?? `${this.runId}-${++this.seq}`,
      sender: {
        id: p.id,
        ...(p.name ? { displayName: p.name } : {}),
        ...(p.language ? { languageHint: p.language } : {}),
        ...(p.pseudo ? { pseudo: true } : {}),
      },
      at: this.clock.now,
      content: typeof content === 'string' ? { kind: 'text', text: content } : content,
    };
  }

  /** Sends one message and returns the outbox rows it caused (replies, notices, group messages). */
  send(from: Person | string, content: InboundContent | string, messageId?: string): OutRow[] {
    this.core.receive([this.message(from, content, messageId)]);
    return this.newRows();
  }

  /** The texts of the rows a message caused, joined: handy for `toContain`. */
  say(from: Person | string, content: InboundContent | string): string {
    return this.send(from, content)
      .map((r) => r.text)
      .join('\n---\n');
  }

  /** Outbox rows written since the last call. */
  newRows(): OutRow[] {
    const rows = this.db.prepare('SELECT * FROM outbox WHERE id > ? ORDER BY id').all(this.seen) as OutRow[];
    if (rows.length > 0) this.seen = rows.at(-1)!.id;
    return rows;
  }

  outbox(): OutRow[] {
    return this.db.prepare('SELECT * FROM outbox ORDER BY id').all() as OutRow[];
  }

  count(table: string): number {
    return this.db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
  }

  /** How the event chain names a person: their pseudonym (`P-3`), never their platform address. */
  pseudonym(personId: string): string {
    const id = this.db.prepare('SELECT id FROM pseudonyms WHERE address = ?').pluck().get(personId);
    if (id === undefined) throw new Error(`${personId} has no pseudonym (no event named them)`);
    return `P-${id}`;
  }

  grant(personId: string, role: 'coordinator' | 'admin'): void {
    this.ledger.roles.set({ id: 'test', at: this.clock.now }, personId, role);
  }

  /** Closes the ledger and opens the same file again, as a restart would. */
  reopen(): Harness {
    this.checkGroupRows();
    this.db.close();
    this.ledger.close();
    return new Harness(
      {
        AREAS: this.config.AREAS,
        DEFAULT_LANGUAGE: this.config.DEFAULT_LANGUAGE,
        ...(this.config.DATA_DIR ? { DATA_DIR: this.config.DATA_DIR } : {}),
      },
      this.core.registry.commands,
      this.file,
    );
  }

  /**
   * Every harness run of the suite is also a privacy check: whatever a test did, no group-bound row of
   * its outbox may carry a phone-like number (other than a registered public contact) or a coordinate
   * finer than 2 decimals (SPEC 4). A leak fails the test that caused it.
   */
  private checkGroupRows(): void {
    if (!this.db.open) return;
    const allowed = new Set(this.db.prepare('SELECT key FROM public_contacts').pluck().all() as string[]);
    const rows = this.db
      .prepare("SELECT text FROM outbox WHERE chat_kind = 'group'")
      .pluck()
      .all() as string[];
    const found = rows.flatMap((text) => leaks(text, allowed).map((l) => `${l} in: ${text}`));
    // Photos and voice notes go to coordinators and the assigned volunteer privately, never to a group.
    const media = this.db
      .prepare(`SELECT COUNT(*) FROM outbox WHERE chat_kind = 'group' AND extra LIKE '%"media"%'`)
      .pluck()
      .get() as number;
    if (media > 0) found.push(`${media} group-bound rows carry media`);
    if (found.length > 0) throw new Error(`group-bound text leaked personal data:\n${found.join('\n')}`);
  }

  close(): void {
    this.checkGroupRows();
    this.core.stop();
    if (this.db.open) this.db.close();
    this.ledger.close();
    this.tmp.cleanup();
  }
}
