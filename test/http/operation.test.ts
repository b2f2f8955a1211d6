import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { TransportHealth } from '../../src/engine/transport.ts';
import { databaseHealth } from '../../src/http/health.ts';
import { Metrics } from '../../src/http/metrics.ts';
import { HttpServer, MAX_BODY_BYTES, readBody, sendJson } from '../../src/http/server.ts';
import type { DueMessage } from '../../src/ledger/outbox.ts';
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

describe('request bodies', () => {
  it('are read whole up to the limit; a larger one is refused and the server goes on serving', async () => {
    const { base } = await serve();
    http.route('POST', '/echo', async (req, res) => {
      const body = await readBody(req);
      sendJson(res, 200, { length: body.length, tail: body.slice(-3) });
    });
    const post = (body: string) => fetch(`${base}/echo`, { method: 'POST', body });
    const fits = `${'x'.repeat(MAX_BODY_BYTES - 3)}end`;
    expect(await (await post(fits)).json()).toEqual({ length: MAX_BODY_BYTES, tail: 'end' });
    expect((await post(`${fits}!`)).status).toBe(500);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('settle when the client goes away mid-body', async () => {
    const { base } = await serve();
    const outcome = new Promise<string>((resolve) => {
      http.route('POST', '/slow', async (req, res) => {
        await readBody(req).then(
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
