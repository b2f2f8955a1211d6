import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerEnv, ledgerLocation } from '../support/engine.ts';
import { CLOUD, FakeGraphApi } from '../support/fake-graph-api.ts';
import { tempDir } from '../support/harness.ts';
import { signalBot, startBot } from '../support/spawn.ts';
import { freePort, query } from '../support/telegram-bot.ts';

/** The bot started with `npm start` and the Cloud API's four settings, against a fake Graph API. */
describe('WhatsApp Cloud API, through npm start against a fake Graph API', () => {
  const graph = new FakeGraphApi();
  const tmp = tempDir();
  const dbPath = ledgerLocation(tmp.dir);
  let base = '';
  let bot: ReturnType<typeof startBot>;
  let stderr = '';

  beforeAll(async () => {
    const root = await graph.start();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    graph.webhookUrl = `${base}/whatsapp/cloud/webhook`;
    bot = startBot({
      WHATSAPP_CLOUD_TOKEN: CLOUD.token,
      WHATSAPP_CLOUD_PHONE_NUMBER_ID: CLOUD.phoneNumberId,
      WHATSAPP_CLOUD_APP_SECRET: CLOUD.appSecret,
      WHATSAPP_CLOUD_VERIFY_TOKEN: CLOUD.verifyToken,
      WHATSAPP_CLOUD_API_ROOT: root,
      ADMINS: 'whatsapp-cloud:628111000999',
      ...ledgerEnv(dbPath),
      HTTP_PORT: String(port),
      HTTP_HOST: '127.0.0.1',
      DEFAULT_LANGUAGE: 'en',
      // Pacing as the platform's, scaled down so a 6-second pair gap takes 60 ms here.
      PACING_TIME_SCALE: '0.01',
    });
    bot.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    await graph.waitFor(() => graph.calls.some((c) => c.method === 'GET'), 60_000);
    for (let i = 0; i < 300; i++) {
      if ((await fetch(`${base}/healthz`).catch(() => undefined))?.ok) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  }, 90_000);

  afterAll(async () => {
    await signalBot(bot, 'SIGTERM');
    await graph.close();
    tmp.cleanup();
  });

  it('answers the verification handshake only with the verify token', async () => {
    const hub = (token: string) =>
      `${base}/whatsapp/cloud/webhook?hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=1158201444`;
    const good = await fetch(hub(CLOUD.verifyToken));
    expect(good.status).toBe(200);
    expect(await good.text()).toBe('1158201444');
    expect((await fetch(hub('guess'))).status).toBe(403);
  });

  it('refuses an unsigned or wrongly signed delivery, and records a signed one once however often it comes', async () => {
    const from = '6281200000001';
    const payload = graph.message(from, FakeGraphApi.text('/help'), 'wamid.once');
    const body = JSON.stringify(payload);
    expect(await graph.deliver(payload, FakeGraphApi.sign(body, 'not-the-secret'))).toBe(401);
    const unsigned = await fetch(graph.webhookUrl!, { method: 'POST', body });
    expect(unsigned.status).toBe(401);
    expect(await graph.deliver(payload)).toBe(200);
    expect(await graph.deliver(payload)).toBe(200);
    await graph.waitFor(() => graph.texts(from).length > 0);
    await new Promise((r) => setTimeout(r, 300));
    expect(graph.texts(from)).toHaveLength(1);
    expect(graph.texts(from)[0]).toContain('What you can do here');
    expect(query<number>(dbPath, 'SELECT COUNT(*) FROM inbox WHERE transport = ?', 'whatsapp-cloud')).toBe(1);
  });

  it('takes a rescue report with reply buttons, and tells the coordinator', async () => {
    const siti = '6281200000002';
    await graph.deliver(graph.message('628111000999', FakeGraphApi.text('/start'), undefined, 'Koor'));
    await graph.deliver(graph.message(siti, FakeGraphApi.location(-7.93512, 110.40123)));
    await graph.deliver(graph.message(siti, FakeGraphApi.text('SOS')));
    const ask = await graph.waitFor(() =>
      graph.sent(siti).find((b) => (b.interactive as { type?: string } | undefined)?.type === 'button'),
    );
    const buttons = (ask.interactive as { action: { buttons: { reply: { id: string; title: string } }[] } })
      .action.buttons;
    expect(buttons.length).toBeLessThanOrEqual(3);
    expect(buttons.every((b) => b.reply.title.length <= 20)).toBe(true);
    await graph.waitFor(() => graph.texts('628111000999').some((t) => t.includes('S-1')));
    // The reporter presses the skip button: a choice reaches the dialog as on Telegram.
    await graph.deliver(
      graph.message(siti, FakeGraphApi.button(buttons[0]!.reply.id, buttons[0]!.reply.title)),
    );
    await graph.waitFor(() => graph.sent(siti).length >= 2);
    expect(query<string>(dbPath, 'SELECT reporter FROM rescues WHERE id = 1')).toBe(`whatsapp-cloud:${siti}`);
  });

  it('takes a supply request through its dialog: reply buttons, the platform’s location request, a share', async () => {
    const wati = '6281200000006';
    const interactive = (b: Record<string, unknown>) => b.interactive as Record<string, unknown> | undefined;
    await graph.deliver(graph.message(wati, FakeGraphApi.text('/need')));
    await graph.deliver(graph.message(wati, FakeGraphApi.text('10 blankets')));
    const count = await graph.waitFor(() => graph.sent(wati).find((b) => interactive(b)?.type === 'button'));
    const [dontKnow] = (interactive(count)!.action as { buttons: { reply: { id: string } }[] }).buttons;
    await graph.deliver(graph.message(wati, FakeGraphApi.button(dontKnow!.reply.id)));
    await graph.waitFor(() =>
      graph.sent(wati).find((b) => interactive(b)?.type === 'location_request_message'),
    );
    await graph.deliver(graph.message(wati, FakeGraphApi.location(-7.93512, 110.40123)));
    // Whatever the dialog asks next is answered with its first offered choice, until the request exists.
    for (let i = 0; i < 5 && !graph.texts(wati).some((t) => /R-\d+/.test(t)); i++) {
      const before = graph.sent(wati).length;
      await graph.waitFor(
        () => graph.sent(wati).length > before || graph.texts(wati).some((t) => /R-\d+/.test(t)),
      );
      const last = graph.sent(wati).at(-1)!;
      const action = interactive(last)?.action as
        | { buttons?: { reply: { id: string } }[]; sections?: { rows: { id: string }[] }[] }
        | undefined;
      const first = action?.buttons?.[0]?.reply.id ?? action?.sections?.[0]?.rows[0]?.id;
      if (first) await graph.deliver(graph.message(wati, FakeGraphApi.button(first)));
    }
    expect(graph.texts(wati).some((t) => /R-\d+/.test(t))).toBe(true);
    expect(
      query<string>(dbPath, 'SELECT items FROM requests WHERE requester = ?', `whatsapp-cloud:${wati}`),
    ).toContain('blanket');
  });

  it('sends a notice outside the 24-hour window as the template, and records delivery statuses', async () => {
    const budi = '6281200000003';
    await graph.deliver(graph.message(budi, FakeGraphApi.text('/need 20 water for 6 people @ Imogiri')));
    await graph.waitFor(() => graph.texts(budi).some((t) => t.includes('R-')));
    // A day and more passes; the coordinator verifies: the platform refuses free text, the template goes.
    graph.lastWrote.set(budi, Date.now() - 25 * 60 * 60 * 1000);
    const ref = /R-\d+/.exec(graph.texts(budi).find((t) => /R-\d+/.test(t))!)![0];
    await graph.deliver(
      graph.message('628111000999', FakeGraphApi.text(`/verify ${ref}`), undefined, 'Koor'),
    );
    const template = await graph.waitFor(() => graph.sent(budi).find((b) => b.type === 'template'));
    expect(template.template).toMatchObject({ name: 'relief_update', language: { code: 'en' } });
    expect(graph.texts(budi).at(-1)).toContain(ref);
    expect(graph.calls.some((c) => c.failed === 131047)).toBe(true);

    const last = graph.calls.filter((c) => c.body?.to === budi && c.failed === undefined).length;
    expect(last).toBeGreaterThan(0);
    const id = query<string>(
      dbPath,
      'SELECT platform_message_id FROM outbox WHERE chat_id = ? AND platform_message_id IS NOT NULL ORDER BY id DESC LIMIT 1',
      budi,
    );
    expect(await graph.deliver(graph.status(id, 'read'))).toBe(200);
    expect(await graph.deliver(graph.status(id, 'delivered'))).toBe(200);
    expect(
      query<string>(dbPath, 'SELECT delivery_status FROM outbox WHERE platform_message_id = ?', id),
    ).toBe('read');
  });

  it('tells the coordinators when the platform reports a sent message undelivered', async () => {
    const ani = '6281200000005';
    await graph.deliver(graph.message(ani, FakeGraphApi.text('/help')));
    await graph.waitFor(() => graph.texts(ani).length > 0);
    const id = await graph.waitFor(
      () =>
        query<string | null>(
          dbPath,
          "SELECT platform_message_id FROM outbox WHERE chat_id = ? AND state = 'sent'",
          ani,
        ) ?? undefined,
    );
    expect(await graph.deliver(graph.status(id, 'failed', 131049))).toBe(200);
    expect(query<string>(dbPath, 'SELECT state FROM outbox WHERE platform_message_id = ?', id)).toBe(
      'failed',
    );
    const told = await graph.waitFor(() =>
      graph.texts('628111000999').find((t) => t.includes(`whatsapp-cloud:${ani}`)),
    );
    expect(told).toContain('could not be delivered');
  });

  it('holds a notice no template can carry and tells the coordinators, once', async () => {
    const rina = '6281200000004';
    await graph.deliver(graph.message(rina, FakeGraphApi.text('/need 5 rice for 3 people @ Imogiri')));
    await graph.waitFor(() => graph.texts(rina).some((t) => /R-\d+/.test(t)));
    const ref = /R-\d+/.exec(graph.texts(rina).find((t) => /R-\d+/.test(t))!)![0];
    graph.lastWrote.set(rina, Date.now() - 25 * 60 * 60 * 1000);
    graph.templates.delete('relief_update');
    try {
      await graph.deliver(
        graph.message('628111000999', FakeGraphApi.text(`/verify ${ref}`), undefined, 'Koor'),
      );
      const told = await graph.waitFor(() =>
        graph.texts('628111000999').find((t) => t.includes(`whatsapp-cloud:${rina}`)),
      );
      expect(told).toContain('could not be delivered');
      expect(told).toContain(ref);
      await new Promise((r) => setTimeout(r, 300));
      expect(graph.texts('628111000999').filter((t) => t.includes(`whatsapp-cloud:${rina}`))).toHaveLength(1);
    } finally {
      graph.templates.add('relief_update');
    }
  });

  it('sends an export to a coordinator as a document uploaded first', async () => {
    const koor = '628111000999';
    await graph.deliver(graph.message(koor, FakeGraphApi.text('/export requests'), undefined, 'Koor'));
    const doc = await graph.waitFor(() => graph.sent(koor).find((b) => b.type === 'document'));
    expect(graph.calls.some((c) => c.path.endsWith('/media') && c.failed === undefined)).toBe(true);
    expect(doc.document).toMatchObject({
      id: expect.stringMatching(/^media-/),
      filename: expect.stringMatching(/\.csv$/),
    });
  });

  it('rides out a 130429 storm: every reply arrives once, later', async () => {
    const people = ['6281200000011', '6281200000012', '6281200000013'];
    graph.fail({ status: 400, code: 130429, message: 'Rate limit hit' }, 4);
    for (const p of people) await graph.deliver(graph.message(p, FakeGraphApi.text('/help')));
    await graph.waitFor(() => people.every((p) => graph.texts(p).length === 1), 60_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(people.map((p) => graph.texts(p).length)).toEqual([1, 1, 1]);
    expect(graph.calls.filter((c) => c.failed === 130429)).toHaveLength(4);
  }, 90_000);

  it('reports its state in /healthz', async () => {
    const health = (await (await fetch(`${base}/healthz`)).json()) as Record<string, { state?: string }>;
    expect(health['whatsapp-cloud']).toMatchObject({ ok: true, state: 'webhook' });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/relief_messages_out_total\{transport="whatsapp-cloud",kind="reply"\} [1-9]/);
    expect(metrics).toMatch(/relief_messages_in_total\{transport="whatsapp-cloud"\} [1-9]/);
    expect(stderr).not.toMatch(/uncaught|TypeError/);
  });
});
