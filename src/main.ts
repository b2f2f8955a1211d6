import { createHmac } from 'node:crypto';
import path from 'node:path';
import type { Logger } from 'pino';
import { commands } from '../commands/index.ts';
import {
  type Config,
  cloudSettings,
  httpPort,
  ledgerLocation,
  loadAreaDefs,
  PROJECT_ROOT,
  publicPageServed,
} from './config.ts';
import { Areas } from './domain/areas.ts';
import type { Job } from './engine/command.ts';
import { Desk, httpServed } from './engine/dashboard.ts';
import { Core } from './engine/engine.ts';
import { MediaStore } from './engine/media-store.ts';
import type { Intake, Transport } from './engine/transport.ts';
import { databaseHealth } from './http/health.ts';
import type { Metrics } from './http/metrics.ts';
import { HttpServer, refuse, sendJson } from './http/server.ts';
import { Catalog } from './i18n/catalog.ts';
import { Ledger } from './ledger/index.ts';
import { createLogger } from './log.ts';
import { Dispatcher } from './outbox/dispatcher.ts';
import { pacerFor } from './outbox/pacing/index.ts';
import { WhatsAppPacer } from './outbox/pacing/whatsapp.ts';
import { scheduledJobs } from './schedule/jobs.ts';
import { reportFinishedBroadcasts } from './schedule/rules/broadcasts.ts';
import { setPublicChannel } from './schedule/rules/public-channel.ts';
import { reportUndelivered } from './schedule/rules/undelivered.ts';
import { Scheduler } from './schedule/scheduler.ts';
import { ConsoleTransport } from './transports/console/index.ts';

export interface App {
  config: Config;
  ledger: Ledger;
  core: Core;
  dispatcher: Dispatcher;
  scheduler: Scheduler;
  transports: Transport[];
  http: HttpServer;
  /** Only with an HTTP server: prom-client is not loaded for the console demo. */
  metrics: Metrics | undefined;
  log: Logger;
  stop(reason: string): Promise<void>;
}

export interface AppOptions {
  stdin?: NodeJS.ReadableStream;
  stdout?: NodeJS.WritableStream;
  log?: Logger;
}

/** Wiring only: config -> ledger -> core -> outbox -> transports. Behaviour lives elsewhere. */
export async function startApp(config: Config, options: AppOptions = {}): Promise<App> {
  const consoleOnly = !config.TELEGRAM_BOT_TOKEN && !config.WHATSAPP_ENABLED && !cloudSettings(config);
  // In the terminal chat, routine logs would interleave with the conversation; warnings still show.
  const level = consoleOnly && !process.env.LOG_LEVEL ? 'warn' : config.LOG_LEVEL;
  const log = options.log ?? createLogger(level);
  const ledger = Ledger.open(ledgerLocation(config), config.DATA_DIR);
  ledger.startCheckpoints();
  const translator = new Catalog(
    path.join(PROJECT_ROOT, 'data', 'locales'),
    config.DEFAULT_LANGUAGE,
    (details) => log.warn(details, 'catalog message formatted with errors'),
  );
  const areas = new Areas(loadAreaDefs(config.AREAS));
  const core = new Core({ ledger, translator, areas, config, commands, log });
  core.runJob('public-channel', setPublicChannel);
  // Authors hear once every delivery row of their broadcast is final, coordinators of every private
  // message given up on; batched per tick of the event loop (and every minute by the scheduler).
  const soon = (name: string, job: Job) => {
    let queued = false;
    return () => {
      if (queued) return;
      queued = true;
      setImmediate(() => {
        queued = false;
        if (ledger.isOpen) core.runJob(name, job);
      });
    };
  };
  const reportUndeliveredSoon = soon('undelivered', reportUndelivered);
  const dispatcher = new Dispatcher(ledger, log.child({ part: 'outbox' }), {
    onBroadcastSettled: soon('broadcast-report', reportFinishedBroadcasts),
    onPrivateFailed: reportUndeliveredSoon,
  });
  core.onOutbound(() => dispatcher.kick());

  const scheduler = new Scheduler(core, ledger, config.TZ, log.child({ part: 'schedule' }));
  const transports: Transport[] = [];
  const http = new HttpServer(log.child({ part: 'http' }));
  http.addHealthCheck(databaseHealth(ledger));
  // The console demo needs no HTTP server; every deployment (or an explicit HTTP_PORT) gets one.
  const serveHttp = httpServed(config);
  // Loaded only when used, so the console demo starts without prom-client, grammY or the HTTP server.
  const metrics = serveHttp ? new (await import('./http/metrics.ts')).Metrics(ledger) : undefined;
  metrics?.serve(http);
  let stopping: Promise<void> | undefined;
  const app: App = {
    config,
    ledger,
    core,
    dispatcher,
    scheduler,
    transports,
    http,
    metrics,
    log,
    stop: (reason) => {
      stopping ??= stopApp(app, reason);
      return stopping;
    },
  };

  if (consoleOnly) {
    const stdin = (options.stdin ?? process.stdin) as NodeJS.ReadableStream & import('node:stream').Readable;
    const stdout = (options.stdout ?? process.stdout) as NodeJS.WritableStream &
      import('node:stream').Writable;
    // A terminal gets a greeting and no echo; piped input (a drill) is echoed line by line.
    const interactive = !options.stdin && Boolean(process.stdin.isTTY);
    const onEnd = (lines: number) => {
      // A container started without a transport gets an empty stdin: say why it stops, and fail.
      if (lines === 0 && !interactive) {
        process.stderr.write(
          'relief-bot: no transport configured (set TELEGRAM_BOT_TOKEN or WHATSAPP_ENABLED=true) and the console got no input\n',
        );
        process.exitCode = 2;
      }
      void drainThen(app).then(() => app.stop('end of input'));
    };
    const roleLabel: Record<string, string> = {
      admin: 'coordinator',
      coordinator: 'coordinator',
      volunteer: 'volunteer',
    };
    transports.push(
      new ConsoleTransport({
        user: config.CONSOLE_USER,
        input: stdin,
        output: stdout,
        onEnd,
        interactive,
        answered: () => dispatcher.whenIdle(),
        // The ledger's export directory: files there expire and personal ones go with an erasure.
        filesDir: ledger.exportFiles.dir,
        voice: {
          roleOf: (id) => {
            const person = ledger.people.get(id);
            // An admin named in ADMINS is one before their first message makes them a person.
            if (!person) return config.ADMINS.includes(id) ? roleLabel.admin : undefined;
            return roleLabel[core.roleOf(person)];
          },
          hint: (id, key, args) => translator.t(core.languageOf(ledger.people.get(id)), key, args),
        },
      }),
    );
  }
  if (config.TELEGRAM_BOT_TOKEN)
    transports.push(await telegram(config, core, translator, http, log, ledger.mediaFiles.dir));
  if (cloudSettings(config))
    transports.push(await whatsappCloud(config, http, log, mediaStore(config, ledger.mediaFiles.dir)));
  if (serveHttp) transports.push(await dashboard(config, core, ledger, areas, translator, http, log));
  if (publicPageServed(config)) await publicPage(config, ledger, areas, translator, http);
  for (const t of transports) {
    const pacer = pacerFor(t.name, config);
    dispatcher.add(t, metrics ? metrics.countThrottling(t.name, pacer) : pacer);
    http.addHealthCheck({ name: t.name, check: () => t.health() });
  }
  if (config.WHATSAPP_ENABLED) await addWhatsApp(app);
  if (serveHttp) await http.listen(httpPort(config), config.HTTP_HOST);

  dispatcher.start();
  // Messages recorded before a crash but not yet handled are handled now.
  core.processPending();
  // Jobs that fell due while the bot was down run once now; then on their cron, in TZ.
  scheduler.start(scheduledJobs(config));
  // A platform's report that a sent message failed is news for coordinators at once, as a failed send is.
  const intake: Intake = {
    receive: (messages) => core.receive(messages),
    recordDeliveryStatuses: (transport, statuses) => {
      core.recordDeliveryStatuses(transport, statuses);
      if (statuses.some((s) => s.status === 'failed')) reportUndeliveredSoon();
    },
  };
  for (const t of transports) await t.start(intake);
  log.info({ transports: transports.map((t) => t.name), schema: ledger.schemaVersion }, 'ready');
  return app;
}

/**
 * WhatsApp is loaded only when enabled: whatsapp-web.js brings puppeteer and a browser with it. It
 * connects in the background (pairing can take minutes), paced per SPEC 4, its QR code at /whatsapp/qr.
 */
async function addWhatsApp(app: App): Promise<void> {
  const { config, dispatcher, http } = app;
  const log = app.log.child({ transport: 'whatsapp' });
  const { WhatsAppTransport } = await import('./transports/whatsapp/index.ts');
  const { loadClientFactory, makeMedia } = await import('./transports/whatsapp/launch.ts');
  const { qrImage, qrPage } = await import('./http/whatsapp-qr.ts');
  const whatsapp = new WhatsAppTransport({
    createClient: loadClientFactory({
      chromiumPath: config.CHROMIUM_PATH,
      sessionDir: config.WHATSAPP_SESSION_DIR,
    }),
    log,
    media: mediaStore(config, app.ledger.mediaFiles.dir),
    makeMedia,
    stateFile: path.join(config.WHATSAPP_SESSION_DIR, 'last-heard'),
    // Sending paused while disconnected; the outbox looks again the moment the client is back.
    onState: (state) => {
      if (state === 'ready') dispatcher.kick();
    },
  });
  const pacing = {
    minGapMs: config.WHATSAPP_MIN_GAP_MS,
    groupGapMs: config.WHATSAPP_GROUP_GAP_MS,
    jitterMs: config.WHATSAPP_JITTER_MS,
  };
  const pacer = new WhatsAppPacer(pacing, () => whatsapp.health().state === 'ready');
  dispatcher.add(whatsapp, app.metrics ? app.metrics.countThrottling('whatsapp', pacer) : pacer);
  http.addHealthCheck({ name: 'whatsapp', check: () => whatsapp.health() });
  http.route('GET', '/whatsapp/qr', qrPage(whatsapp));
  http.route('GET', '/whatsapp/qr.png', qrImage(whatsapp));
  app.transports.push(whatsapp);
}

/** Where the adapters keep what people send: beside the database, where the ledger erases it. */
const mediaStore = (config: Config, dir: string) => new MediaStore(dir, config.MEDIA_MAX_MB * 1024 * 1024);

async function telegram(
  config: Config,
  core: Core,
  translator: Catalog,
  http: HttpServer,
  log: Logger,
  /** Where the ledger keeps (and erases) media: beside the database. */
  mediaDir: string,
) {
  const { TelegramTransport } = await import('./transports/telegram/index.ts');
  const t = new TelegramTransport({
    token: config.TELEGRAM_BOT_TOKEN!,
    apiRoot: config.TELEGRAM_API_ROOT,
    ...(config.TELEGRAM_WEBHOOK_URL ? { webhookUrl: config.TELEGRAM_WEBHOOK_URL } : {}),
    ...(config.TELEGRAM_WEBHOOK_SECRET ? { webhookSecret: config.TELEGRAM_WEBHOOK_SECRET } : {}),
    defaultLanguage: config.DEFAULT_LANGUAGE,
    commands: core.registry.commands,
    phrases: translator,
    log: log.child({ transport: 'telegram' }),
    media: mediaStore(config, mediaDir),
  });
  const path = t.webhookPath;
  if (path) {
    http.route('POST', path, async (req, res) => {
      const secret = req.headers['x-telegram-bot-api-secret-token'];
      // Checked before a byte of the body is read: a stranger's request costs no memory.
      if (!t.acceptsSecret(secret)) return refuse(res, 401, 'wrong secret');
      const status = await t.handleWebhook(secret, await http.bodies.read(req));
      sendJson(res, status, { ok: status === 200 });
    });
  }
  return t;
}

/**
 * The public page and its feeds at PUBLIC_PATH (loaded only then): built from the ledger's public view,
 * whose queries select allow-listed columns only.
 */
async function publicPage(
  config: Config,
  ledger: Ledger,
  areas: Areas,
  translator: Catalog,
  http: HttpServer,
) {
  const { servePublic } = await import('./http/public/routes.ts');
  const { publicSummary } = await import('./domain/public-summary.ts');
  const { aggregateNeeds } = await import('./domain/matching.ts');
  const opaque = (ref: string) =>
    createHmac('sha256', ledger.publicView.opaqueKey() ?? '')
      .update(ref)
      .digest('base64url')
      .slice(0, 16);
  servePublic(
    http,
    {
      summary: () =>
        publicSummary(
          ledger.publicView.records(),
          // The `/needs` aggregation: areas and catalog items with quantities, nothing else of a request.
          aggregateNeeds(ledger.offers.neededItems()),
          areas,
          Date.now(),
          config.TZ,
          opaque,
        ),
      broadcasts: () => ledger.publicView.broadcasts(10),
      alerts: () => ledger.publicView.alerts(50).map(({ ref, ...a }) => ({ ...a, id: opaque(ref) })),
      campaigns: () => ledger.publicView.campaigns(config.ADMINS),
      campaignsVersion: () => ledger.publicView.campaignsVersion(),
      blood: () => ledger.publicView.bloodNeeds(Date.now()),
      contacts: () => ledger.publicContacts.list().map((c) => ({ label: c.label, number: c.number })),
      // A posko is a registered public place: its name and contact are for the public; no address.
      posko: () =>
        ledger.posko.all().map((k) => ({
          name: k.name,
          area: k.area,
          hours: k.hours,
          accepts: k.accepts,
          contact: k.contact,
        })),
      t: (lang, key, args) => translator.t(lang, key, args),
      languages: translator.languages,
    },
    {
      path: config.PUBLIC_PATH,
      dashboardPath: config.DASHBOARD_PATH,
      ...(config.PUBLIC_URL ? { publicOrigin: new URL(config.PUBLIC_URL).origin } : {}),
      tileUrl: config.MAP_TILE_URL,
      tileAttribution: config.MAP_TILE_ATTRIBUTION,
      defaultLanguage: config.DEFAULT_LANGUAGE,
      assetsDir: path.join(PROJECT_ROOT, 'src', 'http', 'public', 'assets'),
      cacheMs: 30_000,
      perMinute: config.PUBLIC_PER_MINUTE,
    },
  );
}

/**
 * The coordinators' dashboard, wherever the HTTP server runs: its pages at DASHBOARD_PATH, reading
 * through the core's desk, acting through the `web` transport (loaded only then).
 */
async function dashboard(
  config: Config,
  core: Core,
  ledger: Ledger,
  areas: Areas,
  translator: Catalog,
  http: HttpServer,
  log: Logger,
) {
  const { WebTransport } = await import('./transports/web/index.ts');
  const { serveDashboard } = await import('./http/dashboard/routes.ts');
  const web = new WebTransport();
  const person = (id: string) => ledger.people.get(id);
  const desk = new Desk({
    ledger,
    areas,
    translator,
    config,
    // Someone named in ADMINS is an admin before their first message gives them a row.
    roleOf: (id) => {
      const p = person(id);
      return p ? core.roleOf(p) : config.ADMINS.includes(id) ? 'admin' : 'anyone';
    },
    languageOf: (id) => core.languageOf(person(id)),
  });
  // Open event streams end when the HTTP server closes its connections at stop.
  serveDashboard(
    http,
    {
      signIn: (token) => desk.signIn(token),
      session: (token) => desk.session(token),
      signOut: (token) => desk.signOut(token),
      version: () => desk.version(),
      view: (lang) => desk.view(lang),
      strings: (lang) => desk.strings(lang),
      suggestions: (ref) => desk.suggestions(ref),
      media: (sha256) => desk.media(sha256),
      languages: translator.languages,
      act: (id, action) => web.act(id, action),
      lastAnswer: () => desk.lastAnswer(),
      answersAfter: (id) => desk.answersAfter(id),
    },
    {
      path: config.DASHBOARD_PATH,
      secure: config.PUBLIC_URL?.startsWith('https:') ?? false,
      ...(config.PUBLIC_URL ? { publicOrigin: new URL(config.PUBLIC_URL).origin } : {}),
      tileUrl: config.MAP_TILE_URL,
      tileAttribution: config.MAP_TILE_ATTRIBUTION,
      defaultLanguage: config.DEFAULT_LANGUAGE,
      assetsDir: path.join(PROJECT_ROOT, 'src', 'http', 'dashboard', 'assets'),
      leafletDir: path.join(PROJECT_ROOT, 'node_modules', 'leaflet', 'dist'),
    },
    log.child({ part: 'dashboard' }),
  );
  return web;
}

/**
 * The Cloud API (loaded only when configured): its webhook on the project's HTTP server, the GET
 * handshake and signed POSTs, answered once their messages are committed.
 */
async function whatsappCloud(config: Config, http: HttpServer, log: Logger, media: MediaStore) {
  const { WhatsAppCloudTransport, looksSigned } = await import('./transports/whatsapp-cloud/index.ts');
  const t = new WhatsAppCloudTransport({
    ...cloudSettings(config)!,
    apiRoot: config.WHATSAPP_CLOUD_API_ROOT,
    template: {
      name: config.WHATSAPP_CLOUD_TEMPLATE,
      language: config.WHATSAPP_CLOUD_TEMPLATE_LANGUAGE ?? config.DEFAULT_LANGUAGE,
    },
    log: log.child({ transport: 'whatsapp-cloud' }),
    media,
  });
  const path = '/whatsapp/cloud/webhook';
  http.route('GET', path, (req, res) => {
    const { status, body } = t.verify(new URL(req.url ?? '/', 'http://localhost').searchParams);
    res.writeHead(status, { 'content-type': 'text/plain' }).end(body);
  });
  http.route('POST', path, async (req, res) => {
    const signature = req.headers['x-hub-signature-256'];
    // A request that is not signed at all costs no memory; the signature itself needs the whole body.
    if (!looksSigned(signature)) return refuse(res, 401, 'no signature');
    const status = await t.handleWebhook(signature, await http.bodies.read(req));
    sendJson(res, status, { ok: status === 200 });
  });
  return t;
}

/** Waits until every recorded message is handled and every reply is out (the console's end of input). */
async function drainThen(app: App): Promise<void> {
  while (app.ledger.inbox.pendingCount() > 0) await new Promise((r) => setTimeout(r, 50));
  await app.dispatcher.whenIdle();
}

/** How long a stop waits for sends in flight; a platform that hangs must not stop the stop. */
const STOP_DELIVERY_MS = 10_000;

/**
 * Graceful stop: no new intake, in-flight deliveries finish (bounded), the database closes. Handlers are
 * synchronous transactions, so none is ever cut in half; a send still out after the bound stays
 * `sending` and goes again at the next start.
 */
async function stopApp(app: App, reason: string): Promise<void> {
  app.log.info({ reason }, 'stopping');
  await Promise.allSettled(app.transports.map((t) => t.stop()));
  app.scheduler.stop();
  app.core.stop();
  let bound: NodeJS.Timeout | undefined;
  const finished = await Promise.race([
    app.dispatcher.stop().then(() => true),
    new Promise<false>((resolve) => {
      bound = setTimeout(() => resolve(false), STOP_DELIVERY_MS);
    }),
  ]);
  clearTimeout(bound);
  if (!finished)
    app.log.warn({ ms: STOP_DELIVERY_MS }, 'sends still in flight at stop; they go again at start');
  await app.http.close();
  app.ledger.close();
}

/**
 * The one process-wide error policy, whatever transports run. A rejected promise nobody awaits (puppeteer
 * inside whatsapp-web.js does this when a page closes mid-call, grammY on a network blip) is logged and
 * the bot keeps serving: every change it makes is a transaction that committed or rolled back. An
 * uncaught exception leaves the process in an unknown state: log it, stop gracefully (the database is
 * closed cleanly), exit 1 and let the supervisor restart it; whatever was in flight is resumed from the ledger.
 * A lost connection to PostgreSQL goes the same way: the process cannot do anything without it, and a
 * new start connects afresh (to a promoted standby too) and takes its part again.
 */
export function installErrorPolicy(
  app: Pick<App, 'log' | 'stop'> & { ledger?: Pick<Ledger, 'onConnectionLost'> },
  proc: Pick<NodeJS.Process, 'on'> = process,
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  const fatal = (reason: string) => {
    void app
      .stop(reason)
      .catch((err: unknown) => app.log.error({ err }, 'stopping failed'))
      .finally(() => exit(1));
  };
  proc.on('unhandledRejection', (err) => app.log.error({ err }, 'unhandled rejection; still serving'));
  proc.on('uncaughtException', (err) => {
    app.log.fatal({ err }, 'uncaught exception; stopping');
    fatal('uncaught exception');
  });
  app.ledger?.onConnectionLost((reason) => {
    app.log.fatal({ reason }, "the ledger's connection to PostgreSQL is lost; stopping");
    fatal('ledger connection lost');
  });
}
