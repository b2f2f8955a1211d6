import { connect } from 'node:net';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { TransportHealth } from '../../src/engine/transport.ts';
import { BodyReader, MAX_BODY_BYTES } from '../../src/http/body.ts';
import { databaseHealth } from '../../src/http/health.ts';
import { Metrics } from '../../src/http/metrics.ts';
import { HttpServer, sendJson } from '../../src/http/server.ts';
import type { DueMessage } from '../../src/ledger/outbox.ts';
import { createLogger } from '../../src/log.ts';
import { unpaced } from '../../src/outbox/dispatcher.ts';
import { Harness, silentLog } from '../support/harness.ts';

let h: Harness;
let http: HttpServer;
afterEach(async () => {
  await http.close();
  h.close();
});

async function serve(): Promise<{ base: string; telegram: { health: TransportHealth }; metrics: Metrics }> {
  h = new Harness({ ADMINS: 'telegram:1' });
  http = new HttpServer(silentLog);
  const telegram = { health: { ok: true, state: 'polling' } as TransportHealth };
  http.addHealthCheck(databaseHealth(h.ledger));
  http.addHealthCheck({ name: 'telegram', check: () => telegram.health });
  const metrics = new Metrics(h.ledger);
  metrics.serve(http);
  const port = await http.listen(0, '127.0.0.1');
  return { base: `http://127.0.0.1:${port}`, telegram, metrics };
}

/** Sends raw bytes and resolves with the status line of the answer, without sending anything more. */
function rawRequest(base: string, head: string, body = ''): Promise<string> {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(head + body));
    let got = '';
    socket.on('data', (d: Buffer) => {
      got += d.toString();
      if (got.includes('\r\n')) {
        resolve(got.split('\r\n')[0]!);
        socket.destroy();
      }
    });
    socket.on('error', reject);
  });
}

function captureLog() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { log: createLogger('info', sink), lines };
}

describe('request bodies', () => {
  it('are read whole up to the limit; a larger one gets 413, logged without a stack, and the server goes on', async () => {
    await serve();
    const { log, lines } = captureLog();
    await http.close();
    http = new HttpServer(log);
    const port = await http.listen(0, '127.0.0.1');
    const at = `http://127.0.0.1:${port}`;
    http.route('POST', '/echo', async (req, res) => {
      const body = await http.bodies.read(req);
      sendJson(res, 200, { length: body.length, tail: body.slice(-3) });
    });
    const post = (body: string) => fetch(`${at}/echo`, { method: 'POST', body });
    const fits = `${'x'.repeat(MAX_BODY_BYTES - 3)}end`;
    expect(await (await post(fits)).json()).toEqual({ length: MAX_BODY_BYTES, tail: 'end' });
    expect((await post(`${fits}!`)).status).toBe(413);
    // Declared too large: refused on the headers alone, before a byte of the body is sent.
    expect(
      await rawRequest(at, `POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: ${MAX_BODY_BYTES + 1}\r\n\r\n`),
    ).toBe('HTTP/1.1 413 Payload Too Large');
    // Not declared (chunked), and growing past the limit.
    const chunk = 'x'.repeat(64 * 1024);
    const chunked = `${(chunk.length).toString(16)}\r\n${chunk}\r\n`.repeat(
      MAX_BODY_BYTES / chunk.length + 1,
    );
    expect(
      await rawRequest(at, 'POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n', chunked),
    ).toBe('HTTP/1.1 413 Payload Too Large');
    expect((await fetch(`${at}/healthz`)).status).toBe(200);
    const refused = lines.filter((l) => l.includes('refused'));
    expect(refused.length).toBe(3);
    for (const l of refused) {
      expect(JSON.parse(l)).toMatchObject({ status: 413, reason: 'request body too large' });
      expect(l).not.toContain('stack');
    }
    expect(lines.join('')).not.toContain('handler failed');
  });

  it('time out when a body does not arrive whole, and are capped across connections', async () => {
    await serve();
    await http.close();
    http = new HttpServer(
      silentLog,
      new BodyReader({ maxBytes: 1000, timeoutMs: 200, maxBytesInFlight: 1500 }),
    );
    const port = await http.listen(0, '127.0.0.1');
    const at = `http://127.0.0.1:${port}`;
    http.route('POST', '/echo', async (req, res) => {
      sendJson(res, 200, { length: (await http.bodies.read(req)).length });
    });
    const started = Date.now();
    const head = 'POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 800\r\n\r\n';
    // The first holds 800 bytes it never finishes; a second of 800 would pass 1500 in flight.
    const slow = rawRequest(at, head, 'x'.repeat(10));
    await new Promise((r) => setTimeout(r, 50));
    expect(http.bodies.bytesInFlight).toBe(800);
    expect(await rawRequest(at, head, 'x'.repeat(800))).toBe('HTTP/1.1 503 Service Unavailable');
    expect(await slow).toBe('HTTP/1.1 408 Request Timeout');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(http.bodies.bytesInFlight).toBe(0);
    // Freed: the next one is read.
    expect(await rawRequest(at, head, 'x'.repeat(800))).toBe('HTTP/1.1 200 OK');
  });

  it('settle when the client goes away mid-body', async () => {
    const { base } = await serve();
    const outcome = new Promise<string>((resolve) => {
      http.route('POST', '/slow', async (req, res) => {
        await http.bodies.read(req).then(
          () => resolve('read'),
          (err: Error) => resolve(err.message),
        );
        res.end();
      });
    });
    const { port } = new URL(base);
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    socket.write('POST /slow HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n0123456789');
    await new Promise((r) => setTimeout(r, 50));
    socket.destroy();
    expect(await outcome).not.toBe('read');
  });
});

describe('/healthz over HTTP', () => {
  it('is 503 degraded with the reason while writes fail (full disk, read-only file), 200 after one commits', async () => {
    const { base } = await serve();
    const health = async () => {
      const r = await fetch(`${base}/healthz`);
      return { status: r.status, body: (await r.json()) as { status: string; reason?: string } };
    };
    const message = (n: number) => h.message('telegram:2', `tolong ${'x'.repeat(9000)} ${n}`, `disk-${n}`);
    expect((await health()).status).toBe(200);

    h.ledger.capSize(0);
    expect(() => h.core.receive([message(1)])).toThrow(/full/i);
    const full = await health();
    expect(full.status).toBe(503);
    expect(full.body.status).toBe('degraded');
    expect(full.body.reason).toMatch(/^database: degraded \(writes failing: SQLITE_FULL/);
    // Reads still work and a transaction that writes nothing commits: still degraded.
    h.ledger.transaction(() => h.ledger.probe());
    expect((await health()).status).toBe(503);

    h.ledger.capSize(undefined);
    h.core.receive([message(1)]);
    expect(await health()).toMatchObject({ status: 200, body: { status: 'ok' } });

    h.ledger.rehearseReadOnly(true);
    expect(() => h.core.receive([message(2)])).toThrow(/readonly/i);
    expect((await health()).body.reason).toMatch(/writes failing: SQLITE_READONLY/);
    h.ledger.rehearseReadOnly(false);
    h.core.receive([message(2)]);
    expect((await health()).status).toBe(200);
  });

  it('is 200 when the database and every transport are up, 503 with the reason otherwise', async () => {
    const { base, telegram } = await serve();
    const up = await fetch(`${base}/healthz`);
    expect(up.status).toBe(200);
    expect(await up.json()).toMatchObject({
      ok: true,
      database: { ok: true },
      telegram: { state: 'polling' },
    });

    telegram.health = { ok: false, state: 'disconnected', detail: 'getUpdates failed: 502' };
    const down = await fetch(`${base}/healthz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({
      ok: false,
      reason: 'telegram: disconnected (getUpdates failed: 502)',
    });

    telegram.health = { ok: true, state: 'polling' };
    h.ledger.close();
    const noDb = await fetch(`${base}/healthz`);
    expect(noDb.status).toBe(503);
    expect(((await noDb.json()) as { reason: string }).reason).toBe('database: closed');
  });
});

describe('/metrics over HTTP', () => {
  it('speaks Prometheus text with traffic, queues, cases and 429s read at scrape time', async () => {
    const { base, metrics } = await serve();
    h.send('telegram:5', '/start');
    h.send('telegram:5', '/whoami');
    h.send('whatsapp:62811@c.us', '/help');
    h.db.prepare("UPDATE outbox SET state = 'sent' WHERE chat_id = '5'").run();
    const at = h.clock.now;
    const rescue = h.db.prepare(
      `INSERT INTO rescues (reporter, status, escalation_level, created_at, updated_at) VALUES ('telegram:9', ?, ?, ?, ?)`,
    );
    rescue.run('open', 2, at, at);
    rescue.run('acknowledged', 0, at, at);
    h.db
      .prepare(
        `INSERT INTO requests (requester, status, created_at, updated_at) VALUES ('telegram:9', 'new', ?, ?)`,
      )
      .run(at, at);
    const pacer = metrics.countThrottling('telegram', unpaced);
    pacer.throttled?.({} as DueMessage, 1000, at);
    pacer.throttled?.({} as DueMessage, 1000, at);

    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    for (const line of [
      'relief_messages_in_total{transport="telegram"} 2',
      'relief_messages_in_total{transport="whatsapp"} 1',
      'relief_messages_out_total{transport="telegram",kind="reply"} 2',
      'relief_outbox_depth{transport="whatsapp"} 1',
      'relief_requests{status="new"} 1',
      'relief_rescues{status="open"} 1',
      'relief_rescues{status="acknowledged"} 1',
      'relief_rescues_escalated 1',
      'relief_escalations_total 2',
      'relief_throttled_total{transport="telegram"} 2',
      '# TYPE relief_messages_in_total counter',
      '# TYPE relief_outbox_depth gauge',
    ])
      expect(text).toContain(line);
  });
});
