import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import type { Job } from '../../src/engine/command.ts';
import { Core } from '../../src/engine/engine.ts';
import { Outcome } from '../../src/engine/outcome.ts';
import { databaseHealth } from '../../src/http/health.ts';
import { CHAIN_HEAD_LOCK, CHAT_LOCKS, JOB_LOCK } from '../../src/ledger/dialect.ts';
import { Ledger } from '../../src/ledger/index.ts';
import { Scheduler } from '../../src/schedule/scheduler.ts';
import { Harness, silentLog } from '../support/harness.ts';

/**
 * What several processes on one PostgreSQL ledger rely on, each rehearsed against a second connection
 * that holds what another process would. The ledger's connection is synchronous: while it waits for a
 * lock this thread sleeps, so the other side runs as one statement sent beforehand (it takes its lock,
 * sleeps on the server, and ends by itself).
 */

let h: Harness | undefined;
const clients: pg.Client[] = [];
const ledgers: Ledger[] = [];
afterEach(async () => {
  for (const l of ledgers.splice(0)) l.close();
  for (const c of clients.splice(0)) await c.end();
  h?.close();
  h = undefined;
});

async function otherProcess(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  clients.push(client);
  return client;
}

/**
 * Sends `sql` (several statements, one transaction) and waits until the server holds its first lock;
 * `done` settles when the other side has ended.
 */
async function holding(client: pg.Client, sql: string): Promise<{ done: Promise<unknown> }> {
  const done = client.query(sql).catch((err: unknown) => err);
  await new Promise((r) => setTimeout(r, 150));
  return { done };
}

const chatKey = (chat: string) => `${CHAT_LOCKS}, hashtext('${chat}')`;

describe('several processes on one PostgreSQL ledger', () => {
  it("handles a chat's message only once no other process is handling one of that chat", async () => {
    h = new Harness();
    const other = await otherProcess(h.file);
    const released = await holding(
      other,
      `BEGIN; SELECT pg_advisory_xact_lock(${chatKey('telegram:41')}); SELECT pg_sleep(0.8); COMMIT;`,
    );
    // Another chat goes on at once; the held one waits until the other process committed.
    let started = performance.now();
    expect(h.say('telegram:42', '/help')).not.toBe('');
    expect(performance.now() - started).toBeLessThan(500);
    started = performance.now();
    expect(h.say('telegram:41', '/help')).not.toBe('');
    expect(performance.now() - started).toBeGreaterThan(400);
    await released.done;
  });

  it('runs a message again whole when PostgreSQL aborted its transaction to break a deadlock', async () => {
    h = new Harness();
    h.send('telegram:7', '/help');
    // Warm: the message below must reach the chain head while the other side still sleeps.
    h.send('telegram:8', '/need 1 water for 2 people @ -7.80,110.36');
    const other = await otherProcess(h.file);
    // The other process holds the chain head and then wants the chat: the message's transaction holds
    // the chat and wants the chain head. The server aborts one of the two (the message's).
    const released = await holding(
      other,
      `BEGIN; SELECT pg_advisory_xact_lock(${CHAIN_HEAD_LOCK}); SELECT pg_sleep(0.6);
       SELECT pg_advisory_xact_lock(${chatKey('telegram:7')}); COMMIT;`,
    );
    const started = performance.now();
    const rows = h.send('telegram:7', '/need 20 water for 4 people @ -7.80,110.36');
    // The server looks for a deadlock after a second of waiting (deadlock_timeout).
    expect(performance.now() - started).toBeGreaterThan(900);
    expect(await released.done).not.toBeInstanceOf(Error);
    expect(rows.filter((r) => /R-\d+/.test(r.text))).toHaveLength(1);
    expect(h.db.prepare('SELECT state, COUNT(*) AS n FROM inbox GROUP BY state').all()).toEqual([
      { state: 'done', n: 3 },
    ]);
    expect(h.count('requests')).toBe(2);
  });

  it('records a message delivered to two processes at once once', async () => {
    h = new Harness();
    const message = h.message('telegram:9', '/need 5 rice @ -7.80,110.36', 'same-update');
    const other = await otherProcess(h.file);
    // The other process recorded the same update and has not committed yet.
    const committed = await holding(
      other,
      `BEGIN; INSERT INTO inbox (transport, chat_id, message_id, sender, received_at, message, state)
       VALUES ('telegram', '9', 'same-update', 'telegram:9', 0, '${JSON.stringify(message)}', 'done');
       SELECT pg_sleep(0.5); COMMIT;`,
    );
    expect(h.core.receive([message])).toMatchObject({ recorded: 0, duplicates: 1 });
    await committed.done;
    expect(h.count('inbox')).toBe(1);
    expect(h.count('requests')).toBe(0);
  });

  it('runs one job at a time across processes, and a due time once', async () => {
    h = new Harness();
    const other = await otherProcess(h.file);
    const released = await holding(
      other,
      `BEGIN; SELECT pg_advisory_xact_lock(${JOB_LOCK}); SELECT pg_sleep(0.6); COMMIT;`,
    );
    const started = performance.now();
    h.core.runJob('probe', () => new Outcome());
    expect(performance.now() - started).toBeGreaterThan(300);
    await released.done;

    // Two processes, each with its scheduler armed for the same minute: the rule runs once.
    const second = Ledger.open(h.file);
    ledgers.push(second);
    const core = new Core({
      ledger: second,
      translator: h.catalog,
      areas: h.areas,
      config: h.config,
      commands,
      log: silentLog,
      clock: h.clock.fn,
    });
    let runs = 0;
    const rule: Job = () => {
      runs++;
      return new Outcome();
    };
    const job = { name: 'sitrep', cron: '* * * * *', rule };
    const due = h.clock.now;
    const schedulers = [h.core, core].map(
      (c, i) => new Scheduler(c, [h!.ledger, second][i]!, 'UTC', silentLog, h!.clock.fn),
    );
    expect(schedulers.map((s) => s.run(job, due))).toEqual([0, 0]);
    expect(runs).toBe(1);
    h.clock.advance(60_000);
    expect(schedulers.reverse().map((s) => s.run(job, due + 60_000))).toEqual([0, 0]);
    expect(runs).toBe(2);
  });

  it('lets one process at a time send for a transport, the next once the first is gone', () => {
    h = new Harness();
    const a = Ledger.open(h.file);
    const b = Ledger.open(h.file);
    ledgers.push(b);
    expect(a.outbox.becomeSender('telegram')).toBe(true);
    expect(b.outbox.becomeSender('telegram')).toBe(false);
    expect(b.outbox.becomeSender('whatsapp')).toBe(true);
    expect(a.outbox.becomeSender('telegram')).toBe(true);
    a.close();
    expect(b.outbox.becomeSender('telegram')).toBe(true);
  });

  it('passes over outbox rows another process is claiming', async () => {
    h = new Harness();
    h.send('telegram:1', '/help');
    h.send('telegram:2', '/help');
    const due = () => h!.ledger.transaction(() => h!.ledger.outbox.dueFor('telegram', Date.now() * 2, 10));
    const first = due()[0]!;
    expect(due().map((m) => m.chat.chatId)).toEqual(['1', '2']);
    const other = await otherProcess(h.file);
    const released = await holding(
      other,
      `BEGIN; SELECT id FROM outbox WHERE id = ${first.id} FOR UPDATE; SELECT pg_sleep(0.5); COMMIT;`,
    );
    expect(due().map((m) => m.chat.chatId)).toEqual(['2']);
    await released.done;
  });

  it('reports writes failing (a read-only server) in /healthz until one commits again', () => {
    h = new Harness();
    const health = databaseHealth(h.ledger);
    expect(health.check()).toEqual({ ok: true, state: 'open' });
    h.ledger.rehearseReadOnly(true);
    expect(() => h!.core.receive([h!.message('telegram:3', '/help')])).toThrow(/read-only/);
    expect(health.check()).toMatchObject({ ok: false, state: 'degraded' });
    expect(health.check().detail).toMatch(/^writes failing: 25006/);
    // A transaction that writes nothing commits, and changes nothing about it.
    h.ledger.transaction(() => h!.ledger.probe());
    expect(health.check().ok).toBe(false);
    h.ledger.rehearseReadOnly(false);
    h.send('telegram:3', '/help');
    expect(health.check()).toEqual({ ok: true, state: 'open' });
  });

  it('answers at once once the server ended the connection, and /healthz says so', async () => {
    h = new Harness();
    const health = databaseHealth(h.ledger);
    const told: string[] = [];
    h.ledger.onConnectionLost((reason) => told.push(reason));
    const other = await otherProcess(h.file);
    await other.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    await new Promise((r) => setTimeout(r, 200));
    const started = performance.now();
    expect(health.check()).toMatchObject({
      ok: false,
      state: 'error',
      detail: /connection to PostgreSQL was lost/,
    });
    expect(() => h!.core.receive([h!.message('telegram:3', '/help')])).toThrow(
      /connection to PostgreSQL was lost/,
    );
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(told).toEqual([expect.stringMatching(/^the connection to PostgreSQL was lost: terminating/)]);
    // The harness's own second connection went the same way: its checks cannot run.
    h.ledger.close();
    h.db.close();
    h = undefined;
  });
});
