/**
 * The thread that holds the PostgreSQL connection for src/ledger/postgres.ts. The ledger's thread posts
 * one request and sleeps on `signal` until this thread has answered it: the ledger stays synchronous
 * (one message, one transaction, nothing awaited inside) while the `pg` client stays asynchronous here.
 */
import { type MessagePort, workerData } from 'node:worker_threads';
import pg from 'pg';

export type PgRequest =
  | { op: 'query'; name: string; text: string; values: unknown[] }
  | { op: 'exec'; text: string }
  | { op: 'listen'; channel: string }
  | { op: 'close' };

export type PgNotice = { channel: string } | { lost: string };

export type PgAnswer =
  | { ok: true; names: string[]; rows: unknown[][]; count: number; command?: string }
  | { ok: false; message: string; code: string | undefined };

const { url, port, signal, notices } = workerData as {
  url: string;
  port: MessagePort;
  signal: Int32Array;
  /**
   * Where notifications (LISTEN) and the loss of the connection go: told to the ledger's thread when it
   * is free, never as an answer.
   */
  notices: MessagePort;
};

// The ledger's numbers are JavaScript numbers on both engines: ids, times and counts are BIGINT here
// (safe below 2^53), sums and rounded values NUMERIC, and truth values 1/0 as SQLite gives them.
const types = {
  getTypeParser: ((oid: number, format?: string) => {
    if (oid === 20 || oid === 1700) return (v: string) => Number(v);
    if (oid === 16) return (v: string) => (v === 't' ? 1 : 0);
    return pg.types.getTypeParser(oid, format as 'text');
  }) as typeof pg.types.getTypeParser,
};

const client = new pg.Client({ connectionString: url, types });
client.on('notification', (n) => notices.postMessage({ channel: n.channel } satisfies PgNotice));
const connected = client.connect();
// A failed connection is told to the first request; it must not also end the thread unheard.
connected.catch(() => undefined);

/**
 * Set once the connection is gone (the server restarted or ended the session, the network failed):
 * every request is then answered with it at once. No new connection is made behind the ledger's back:
 * its session held locks (the sender's, a transaction's) that are gone with it.
 */
let lost: { message: string; code: string } | undefined;
/** Set when the ledger closes the connection itself: its end is no loss. */
let closing = false;
const loseConnection = (err?: Error & { code?: string }) => {
  if (lost || closing) return;
  lost = {
    message: `the connection to PostgreSQL was lost${err ? `: ${err.message}` : ''}`,
    // connection_failure, when the server did not say why
    code: err?.code ?? '08006',
  };
  notices.postMessage({ lost: lost.message } satisfies PgNotice);
};
client.on('error', loseConnection);
client.on('end', () => loseConnection());

async function answer(request: PgRequest): Promise<PgAnswer> {
  await connected;
  if (lost && request.op === 'close') return { ok: true, names: [], rows: [], count: 0 };
  if (lost) return { ok: false, ...lost };
  if (request.op === 'close') {
    closing = true;
    await client.end();
    return { ok: true, names: [], rows: [], count: 0 };
  }
  if (request.op === 'listen') {
    await client.query(`LISTEN ${client.escapeIdentifier(request.channel)}`);
    return { ok: true, names: [], rows: [], count: 0 };
  }
  if (request.op === 'exec') {
    await client.query(request.text);
    return { ok: true, names: [], rows: [], count: 0 };
  }
  const r = await client.query({
    name: request.name,
    text: request.text,
    values: request.values,
    rowMode: 'array',
  });
  return {
    ok: true,
    names: r.fields.map((f) => f.name),
    rows: r.rows as unknown[][],
    count: r.rowCount ?? 0,
    command: r.command,
  };
}

port.on('message', (request: PgRequest) => {
  answer(request)
    .catch((err: unknown): PgAnswer => {
      const e = err as { message?: string; code?: string };
      return { ok: false, message: e.message ?? String(err), code: e.code };
    })
    .then((a) => {
      port.postMessage(a);
      Atomics.store(signal, 0, 1);
      Atomics.notify(signal, 0);
    });
});
