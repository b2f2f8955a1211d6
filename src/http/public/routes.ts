import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { isWithin } from '../../domain/areas.ts';
import { type HttpServer, sendJson } from '../server.ts';
import type { PublicBackend, PublicSettings } from './backend.ts';
import { alertsAtom, capAlert } from './cap.ts';
import { cardImage, cardImageText } from './card-image.ts';
import { atomFeed, geoJson, hxlCsv } from './feeds.ts';
import { needCard, publicCsp, publicPage } from './page.ts';

const MINUTE_MS = 60_000;

/**
 * Requests per client address in the current minute. Counted by the connection's address: behind a
 * reverse proxy that is the proxy's, so the proxy should limit per client itself (README, Public page).
 */
class RateLimit {
  private minute = 0;
  private counts = new Map<string, number>();
  constructor(
    private readonly perMinute: number,
    private readonly clock: () => number,
  ) {}

  allows(address: string): boolean {
    const minute = Math.floor(this.clock() / MINUTE_MS);
    if (minute !== this.minute) {
      this.minute = minute;
      this.counts = new Map();
    }
    const n = (this.counts.get(address) ?? 0) + 1;
    this.counts.set(address, n);
    return n <= this.perMinute;
  }
}

/**
 * Each page and feed is built at most once per `cacheMs`, whatever the number of readers, and kept as
 * bytes: a page of 100 KiB encoded anew for each reader was most of the work of serving it.
 */
class Cached {
  private readonly built = new Map<string, { at: number; body: Buffer }>();
  constructor(
    private readonly ms: number,
    private readonly clock: () => number,
  ) {}

  get(key: string, build: () => string): Buffer {
    const now = this.clock();
    const hit = this.built.get(key);
    if (hit && now - hit.at < this.ms) return hit.body;
    const body = Buffer.from(build());
    // Keys follow the Host header without PUBLIC_URL: stale ones go, so strangers cannot fill memory.
    if (this.built.size > 100)
      for (const [k, v] of this.built) if (now - v.at >= this.ms) this.built.delete(k);
    this.built.set(key, { at: now, body });
    return body;
  }
}

/** Card images, like Cached but for a drawing in progress or done: readers asking meanwhile share it. */
class CachedImages {
  private readonly drawn = new Map<string, { at: number; png: Promise<Buffer> }>();
  constructor(
    private readonly ms: number,
    private readonly clock: () => number,
  ) {}

  get(key: string, draw: () => Promise<Buffer>): Promise<Buffer> {
    const now = this.clock();
    const hit = this.drawn.get(key);
    if (hit && now - hit.at < this.ms) return hit.png;
    // Keys are opaque ids of open needs in two languages: stale ones go, so memory stays bounded.
    for (const [k, v] of this.drawn) if (now - v.at >= this.ms) this.drawn.delete(k);
    const png = draw();
    this.drawn.set(key, { at: now, png });
    png.catch(() => this.drawn.delete(key));
    return png;
  }
}

/**
 * The public page under PUBLIC_PATH and its feeds: read-only, for anyone, no cookie read or set. Every
 * output is built from PublicBackend, whose data holds allow-listed fields only.
 */
export function servePublic(http: HttpServer, backend: PublicBackend, settings: PublicSettings): void {
  const clock = settings.clock ?? Date.now;
  const limit = new RateLimit(settings.perMinute, clock);
  const cache = new Cached(settings.cacheMs, clock);
  // One summary (and one list of alerts) per cacheMs for every page, feed and card built from it.
  const fresh = <T>(build: () => T) => {
    let built: { at: number; value: T } | undefined;
    return () => {
      const now = clock();
      if (!built || now - built.at >= settings.cacheMs) built = { at: now, value: build() };
      return built.value;
    };
  };
  const summary = fresh(() => backend.summary());
  const alerts = fresh(() => backend.alerts());
  const p = settings.path;
  const csp = publicCsp(settings);
  const maxAge = Math.max(30, Math.round(settings.cacheMs / 1000));
  const langOf = (req: IncomingMessage) => {
    const asked = new URL(req.url ?? '/', 'http://x').searchParams.get('lang') ?? '';
    return backend.languages.includes(asked) ? asked : settings.defaultLanguage;
  };
  const pageUrl = (req: IncomingMessage) =>
    `${settings.publicOrigin ?? `http://${req.headers.host ?? 'localhost'}`}${p}`;
  const serve =
    (type: string, build: (req: IncomingMessage) => { key: string; body: () => string }) =>
    (req: IncomingMessage, res: ServerResponse) => {
      if (!limit.allows(req.socket.remoteAddress ?? '')) {
        res.setHeader('retry-after', '60');
        return sendJson(res, 429, { error: 'too many requests' });
      }
      const { key, body } = build(req);
      const bytes = cache.get(key, body);
      res.writeHead(200, {
        'content-length': bytes.length,
        'content-type': type,
        'cache-control': `public, max-age=${maxAge}`,
        'content-security-policy': csp,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'access-control-allow-origin': '*',
      });
      res.end(bytes);
    };
  const t = (lang: string) => (key: string, args?: Record<string, string | number>) =>
    backend.t(lang, key, args);

  http.route(
    'GET',
    p,
    serve('text/html; charset=utf-8', (req) => {
      const lang = langOf(req);
      const other = backend.languages.find((l) => l !== lang) ?? lang;
      return {
        // A withdrawn campaign leaves the page at once: the key changes, and the page is built anew.
        key: `page:${lang}:${backend.campaignsVersion()}`,
        body: () =>
          publicPage(settings, lang, other, t(lang), {
            summary: summary(),
            broadcasts: backend.broadcasts(),
            alerts: alerts(),
            campaigns: backend.campaigns(),
            blood: backend.blood(),
            contacts: backend.contacts(),
            posko: backend.posko(),
          }),
      };
    }),
  );
  http.route(
    'GET',
    `${p}/needs.geojson`,
    serve('application/geo+json; charset=utf-8', () => ({
      key: 'geojson',
      body: () => JSON.stringify(geoJson(summary())),
    })),
  );
  http.route(
    'GET',
    `${p}/needs.csv`,
    serve('text/csv; charset=utf-8', () => ({ key: 'csv', body: () => hxlCsv(summary()) })),
  );
  http.route(
    'GET',
    `${p}/feed.atom`,
    serve('application/atom+xml; charset=utf-8', (req) => {
      const lang = langOf(req);
      const url = pageUrl(req);
      return {
        key: `atom:${lang}:${url}`,
        body: () => atomFeed(summary(), backend.broadcasts(), t(lang), lang, url),
      };
    }),
  );
  http.route(
    'GET',
    `${p}/alerts.atom`,
    serve('application/atom+xml; charset=utf-8', (req) => {
      const lang = langOf(req);
      const url = pageUrl(req);
      return {
        key: `alerts:${lang}:${url}`,
        body: () => alertsAtom(alerts(), t(lang), t, lang, url, clock()),
      };
    }),
  );
  // Each alert as a CAP 1.2 message at a stable address: its opaque id, which is also its identifier.
  http.routePrefix('GET', `${p}/alerts/`, (req, res) => {
    const file = (req.url ?? '').split('?')[0]!.slice(`${p}/alerts/`.length);
    const id = /^([\w-]{1,64})\.xml$/.exec(file)?.[1];
    const alert = id === undefined ? undefined : alerts().find((a) => a.id === id);
    if (!alert) return sendJson(res, 404, { error: 'not found' });
    serve('application/cap+xml; charset=utf-8', () => {
      const url = pageUrl(req);
      return { key: `cap:${id}:${url}`, body: () => capAlert(alert, t(alert.language), url) };
    })(req, res);
  });
  // A shared card: the opaque id of an open verified need; gone (404) once it is delivered or closed.
  // `<id>.png` is its preview image, drawn from the same allow-listed lines (cardImageText).
  const images = new CachedImages(settings.cacheMs, clock);
  http.routePrefix('GET', `${p}/r/`, (req, res) => {
    const file = (req.url ?? '').split('?')[0]!.slice(`${p}/r/`.length);
    const [, id, png] = /^([\w-]{1,64})(\.png)?$/.exec(file) ?? [];
    const need = id === undefined ? undefined : summary().verified.find((v) => v.id === id);
    if (!need) return sendJson(res, 404, { error: 'not found' });
    const lang = langOf(req);
    const posko = backend
      .posko()
      .filter(
        (k) =>
          need.area !== null &&
          k.area !== null &&
          (isWithin(need.area, k.area) || isWithin(k.area, need.area)),
      );
    const url = `${pageUrl(req)}/r/${id}`;
    if (png)
      return serveImage(req, res, `${lang}:${id}`, () => cardImage(cardImageText(t(lang), need, posko)));
    serve('text/html; charset=utf-8', () => ({
      key: `card:${lang}:${id}:${url}`,
      body: () => needCard(settings, lang, t(lang), need, posko, url, `${url}.png?lang=${lang}`),
    }))(req, res);
  });
  /** A PNG, drawn at most once per cacheMs per card and language (drawing takes tens of milliseconds). */
  const serveImage = (
    req: IncomingMessage,
    res: ServerResponse,
    key: string,
    draw: () => Promise<Buffer>,
  ) => {
    if (!limit.allows(req.socket.remoteAddress ?? '')) {
      res.setHeader('retry-after', '60');
      return sendJson(res, 429, { error: 'too many requests' });
    }
    images.get(key, draw).then(
      (png) => {
        res.writeHead(200, {
          'content-type': 'image/png',
          'content-length': png.length,
          'cache-control': `public, max-age=${maxAge}`,
          'x-content-type-options': 'nosniff',
          'access-control-allow-origin': '*',
        });
        res.end(png);
      },
      () => sendJson(res, 500, { error: 'image failed' }),
    );
  };
  for (const [name, type] of [
    ['public.js', 'text/javascript; charset=utf-8'],
    ['public.css', 'text/css; charset=utf-8'],
  ] as const) {
    const content = readFileSync(path.join(settings.assetsDir, name), 'utf8');
    http.route(
      'GET',
      `${p}/assets/${name}`,
      serve(type, () => ({ key: name, body: () => content })),
    );
  }
}
