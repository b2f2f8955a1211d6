import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { Logger } from 'pino';
import { DashboardActionSchema } from '../../domain/dashboard.ts';
import { HttpRefusal } from '../body.ts';
import type { HttpServer } from '../server.ts';
import type { DashboardBackend, DashboardSettings, SignedIn } from './backend.ts';
import { LiveUpdates } from './live.ts';
import { contentSecurityPolicy, dashboardPage, messagePage, signInPage } from './pages.ts';

const COOKIE = 'relief_dashboard';
/** The cookie's own lifetime, renewed on each page load; the server's 12-hour idle limit is what counts. */
const COOKIE_MAX_AGE_S = 12 * 60 * 60;
/** Sign-in forms and actions are small; anything bigger is not the page's. */
const MAX_FORM_BYTES = 4096;

/** Media types the page shows in the browser; anything else is downloaded, never rendered. */
const SHOWN_MEDIA =
  /^(image\/(jpeg|png|webp|gif|avif)|audio\/[\w.+-]+|video\/[\w.+-]+|application\/pdf)(;.*)?$/;

/** The CSRF token of a session: derived from its secret, so only a page of that session can know it. */
export const csrfOf = (session: string) => createHmac('sha256', session).update('csrf').digest('base64url');

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

function cookieOf(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE) return value.join('=');
  }
  return undefined;
}

/**
 * The coordinators' dashboard under DASHBOARD_PATH: the sign-in link's page, the dashboard, its view,
 * live updates and actions. Every page and call checks the session, and with it the role, on the server.
 */
export function serveDashboard(
  http: HttpServer,
  backend: DashboardBackend,
  settings: DashboardSettings,
  log: Logger,
): void {
  const p = settings.path;
  const csp = contentSecurityPolicy(settings);
  const live = new LiveUpdates(backend, (err) =>
    log.warn({ err }, 'dashboard live updates stopped; pages reconnect'),
  );
  const headers = (type: string, extra: Record<string, string> = {}) => ({
    'content-type': type,
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    // same-origin, not no-referrer: with no-referrer browsers send `Origin: null` on the page's own posts.
    'referrer-policy': 'same-origin',
    'cache-control': 'no-store',
    ...extra,
  });
  const cookie = (value: string, maxAge: number) =>
    `${COOKIE}=${value}; Path=${p}; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${settings.secure ? '; Secure' : ''}`;
  const langOf = (req: IncomingMessage) => {
    const asked = new URL(req.url ?? '/', 'http://x').searchParams.get('lang') ?? '';
    return backend.languages.includes(asked) ? asked : settings.defaultLanguage;
  };
  const html = (res: ServerResponse, status: number, body: string, extra: Record<string, string> = {}) => {
    res.writeHead(status, headers('text/html; charset=utf-8', extra));
    res.end(body);
  };
  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, headers('application/json; charset=utf-8'));
    res.end(JSON.stringify(body));
  };
  const signedIn = (req: IncomingMessage): (SignedIn & { token: string }) | undefined => {
    const token = cookieOf(req);
    const who = token ? backend.session(token) : undefined;
    return who && token ? { ...who, token } : undefined;
  };
  /** A state-changing request comes from the page itself: its own origin, and the session's CSRF token. */
  const fromPage = (req: IncomingMessage, session?: string) => {
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== settings.publicOrigin && hostOf(origin) !== req.headers.host)
      throw new HttpRefusal(403, 'cross-origin request');
    if (session === undefined) return;
    const sent = req.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !sameSecret(sent, csrfOf(session)))
      throw new HttpRefusal(403, 'missing or wrong CSRF token');
  };
  const readSmall = async (req: IncomingMessage) => {
    if (Number(req.headers['content-length'] ?? 0) > MAX_FORM_BYTES) throw new HttpRefusal(413, 'too large');
    const body = await http.bodies.read(req);
    if (body.length > MAX_FORM_BYTES) throw new HttpRefusal(413, 'too large');
    return body;
  };

  http.route('GET', `${p}/signin`, (req, res) => {
    const lang = langOf(req);
    html(res, 200, signInPage(settings, lang, backend.strings(lang)));
  });
  http.route('POST', `${p}/signin`, async (req, res) => {
    fromPage(req);
    const form = new URLSearchParams(await readSmall(req));
    const askedLang = form.get('lang') ?? '';
    const lang = backend.languages.includes(askedLang) ? askedLang : settings.defaultLanguage;
    const result = backend.signIn(form.get('token') ?? '');
    if (!result.ok) {
      const status = result.reason === 'role' ? 403 : result.reason === 'unknown' ? 404 : 410;
      return html(
        res,
        status,
        messagePage(settings, lang, backend.strings(lang), `dashboard-signin-${result.reason}`),
      );
    }
    res.writeHead(
      303,
      headers('text/plain', { location: p, 'set-cookie': cookie(result.session, COOKIE_MAX_AGE_S) }),
    );
    res.end();
  });
  http.route('GET', p, (req, res) => {
    const who = signedIn(req);
    if (!who) {
      const lang = langOf(req);
      return html(res, 401, messagePage(settings, lang, backend.strings(lang), 'dashboard-signed-out'));
    }
    html(res, 200, dashboardPage(settings, who.lang, backend.strings(who.lang), csrfOf(who.token)), {
      'set-cookie': cookie(who.token, COOKIE_MAX_AGE_S),
    });
  });
  http.route('GET', `${p}/view`, (req, res) => {
    const who = signedIn(req);
    if (!who) return json(res, 401, { error: 'signed out' });
    json(res, 200, backend.view(who.lang));
  });
  http.route('GET', `${p}/suggestions`, (req, res) => {
    const who = signedIn(req);
    if (!who) return json(res, 401, { error: 'signed out' });
    const ref = new URL(req.url ?? '/', 'http://x').searchParams.get('ref') ?? '';
    if (!/^[RS]-\d{1,9}$/.test(ref)) return json(res, 400, { error: 'not a task' });
    json(res, 200, backend.suggestions(ref));
  });
  // A photo or voice note of a case or request, for a signed-in coordinator only. Types a browser could
  // run (HTML, SVG) are never named: anything outside the list below is a download.
  http.route('GET', `${p}/media`, (req, res) => {
    const who = signedIn(req);
    if (!who) return json(res, 401, { error: 'signed out' });
    const id = new URL(req.url ?? '/', 'http://x').searchParams.get('id') ?? '';
    const found = /^[0-9a-f]{64}$/.test(id) ? backend.media(id) : undefined;
    let bytes: Buffer;
    try {
      if (!found) throw new Error('no such media');
      bytes = readFileSync(found.file);
    } catch {
      return json(res, 404, { error: 'no such media' });
    }
    const shown = SHOWN_MEDIA.test(found!.mime);
    res.writeHead(200, {
      'content-type': shown ? found!.mime : 'application/octet-stream',
      'content-disposition': shown ? 'inline' : `attachment; filename="${id.slice(0, 12)}"`,
      'content-security-policy': "default-src 'none'; img-src 'self'; media-src 'self'; sandbox",
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'same-origin',
      'cache-control': 'private, no-store',
    });
    res.end(bytes);
  });
  http.route('GET', `${p}/events`, (req, res) => {
    const who = signedIn(req);
    if (!who) return json(res, 401, { error: 'signed out' });
    res.writeHead(200, headers('text/event-stream; charset=utf-8', { 'x-accel-buffering': 'no' }));
    live.add(res, who.personId, who.token);
  });
  http.route('POST', `${p}/act`, async (req, res) => {
    const who = signedIn(req);
    if (!who) return json(res, 401, { error: 'signed out' });
    fromPage(req, who.token);
    let body: unknown;
    try {
      body = JSON.parse(await readSmall(req));
    } catch (err) {
      if (err instanceof HttpRefusal) throw err;
      return json(res, 400, { error: 'not JSON' });
    }
    const action = DashboardActionSchema.safeParse(body);
    if (!action.success) return json(res, 400, { error: 'not an action' });
    json(res, 200, backend.act(who.personId, action.data));
  });
  http.route('POST', `${p}/signout`, (req, res) => {
    const who = signedIn(req);
    if (who) {
      fromPage(req, who.token);
      backend.signOut(who.token);
    }
    res.writeHead(204, headers('text/plain', { 'set-cookie': cookie('', 0) }));
    res.end();
  });
  // Typed with a slash at the end, the address still opens the dashboard.
  http.route('GET', `${p}/`, (_req, res) => {
    res.writeHead(303, headers('text/plain', { location: p }));
    res.end();
  });
  serveAssets(http, settings, headers);
}

/** The page's own files and Leaflet's, read once: served from this project, never from a CDN. */
function serveAssets(
  http: HttpServer,
  settings: DashboardSettings,
  headers: (type: string, extra?: Record<string, string>) => Record<string, string>,
) {
  const files: [string, string, string][] = [
    ['dashboard.js', settings.assetsDir, 'text/javascript; charset=utf-8'],
    ['detail.js', settings.assetsDir, 'text/javascript; charset=utf-8'],
    ['kit.js', settings.assetsDir, 'text/javascript; charset=utf-8'],
    ['signin.js', settings.assetsDir, 'text/javascript; charset=utf-8'],
    ['dashboard.css', settings.assetsDir, 'text/css; charset=utf-8'],
    ['leaflet.js', settings.leafletDir, 'text/javascript; charset=utf-8'],
    ['leaflet.css', settings.leafletDir, 'text/css; charset=utf-8'],
  ];
  for (const [name, dir, type] of files) {
    const content = readFileSync(path.join(dir, name));
    http.route('GET', `${settings.path}/assets/${name}`, (_req, res) => {
      res.writeHead(200, headers(type, { 'cache-control': 'no-cache' }));
      res.end(content);
    });
  }
}
