import type { DashboardSettings } from './backend.ts';

export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** JSON inside a `<script type="application/json">`: nothing in it can close the element. */
export const jsonForHtml = (value: unknown): string =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

/** The origin the tiles come from, for the Content-Security-Policy (`{s}` subdomains as a wildcard). */
export function tileOrigin(tileUrl: string): string {
  const url = new URL(tileUrl.replace('{s}', 'tile-subdomain'));
  const host = url.host.replace('tile-subdomain', '*');
  return `${url.protocol}//${host}`;
}

/**
 * Only the dashboard's own scripts and styles run; images come from here and the tile host; the page
 * talks to this server only and cannot be framed.
 */
export function contentSecurityPolicy(settings: DashboardSettings): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: ${tileOrigin(settings.tileUrl)}`,
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function page(lang: string, title: string, head: string, body: string, bodyClass = ''): string {
  return `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="same-origin">
<title>${escapeHtml(title)}</title>${head}</head><body${bodyClass ? ` class="${bodyClass}"` : ''}>${body}</body></html>`;
}

/** A clear page for a link that cannot sign in, or for a visitor without a session. */
export function messagePage(
  settings: DashboardSettings,
  lang: string,
  strings: Record<string, string>,
  key: string,
) {
  const css = `<link rel="stylesheet" href="${settings.path}/assets/dashboard.css">`;
  return page(
    lang,
    strings['dashboard-title'] ?? 'Dashboard',
    css,
    `<main class="notice"><h1>${escapeHtml(strings['dashboard-title'] ?? '')}</h1><p id="notice">${escapeHtml(strings[key] ?? key)}</p></main>`,
  );
}

/**
 * The sign-in page a link opens. The token is in the link's fragment, which only the page's script
 * reads: it posts it once and the server answers with the session cookie, or with a page saying why not.
 */
export function signInPage(settings: DashboardSettings, lang: string, strings: Record<string, string>) {
  const t = (k: string) => escapeHtml(strings[k] ?? k);
  return page(
    lang,
    strings['dashboard-signin-title'] ?? 'Sign in',
    `<link rel="stylesheet" href="${settings.path}/assets/dashboard.css"><script src="${settings.path}/assets/signin.js" defer></script>`,
    `<main class="notice"><h1>${t('dashboard-signin-title')}</h1>
<form id="signin" method="post" action="${settings.path}/signin"><input type="hidden" name="token">
<input type="hidden" name="lang" value="${escapeHtml(lang)}">
<p>${t('dashboard-signin-wait')}</p><button type="submit">${t('dashboard-signin-button')}</button></form>
<noscript><p>${t('dashboard-signin-noscript')}</p></noscript></main>`,
  );
}

/** The dashboard itself: a frame the script fills from the view; what it needs to start is in `#boot`. */
export function dashboardPage(
  settings: DashboardSettings,
  lang: string,
  strings: Record<string, string>,
  csrf: string,
) {
  const t = (k: string) => escapeHtml(strings[k] ?? k);
  const p = settings.path;
  const boot = {
    path: p,
    csrf,
    lang,
    strings,
    tileUrl: settings.tileUrl,
    tileAttribution: settings.tileAttribution,
  };
  return page(
    lang,
    strings['dashboard-title'] ?? 'Dashboard',
    `<link rel="stylesheet" href="${p}/assets/leaflet.css"><link rel="stylesheet" href="${p}/assets/dashboard.css">
<script type="application/json" id="boot">${jsonForHtml(boot)}</script>
<script src="${p}/assets/leaflet.js" defer></script><script type="module" src="${p}/assets/dashboard.js"></script>`,
    `<header><h1>${t('dashboard-title')}</h1><span id="live" class="live off">${t('dashboard-reconnecting')}</span>
<button id="signout" type="button">${t('dashboard-sign-out')}</button></header>
<div id="alarm" hidden></div>
<nav id="filters"><label>${t('dashboard-filter-area')} <select id="area"><option value="">${t('dashboard-filter-all-areas')}</option></select></label>
<label><input type="checkbox" id="show-rescues" checked> ${t('dashboard-show-rescues')}</label>
<label><input type="checkbox" id="show-requests" checked> ${t('dashboard-show-requests')}</label>
<label><input type="checkbox" id="show-volunteers" checked> ${t('dashboard-show-volunteers')}</label>
<label><input type="checkbox" id="show-posko" checked> ${t('dashboard-show-posko')}</label>
<label><input type="checkbox" id="show-offers" checked> ${t('dashboard-show-offers')}</label>
<label><input type="checkbox" id="show-drafts" checked> ${t('dashboard-show-drafts')}</label>
<label>${t('dashboard-filter-skill')} <select id="skill"><option value="">${t('dashboard-filter-all-skills')}</option></select></label></nav>
<main id="work"><div id="map-wrap"><div id="map"></div><p id="tiles-failed" hidden>${t('dashboard-tiles-failed')}</p></div>
<aside id="side"><section id="detail"><p class="hint">${t('dashboard-select')}</p></section>
<section id="answers" hidden><h2>${t('dashboard-answers')}</h2><ol id="answer-list"></ol></section>
<section id="drafts" hidden><h2>${t('dashboard-drafts')}</h2><ul id="draft-list"></ul></section>
<section><ul id="list"></ul></section><section id="figures"></section></aside></main>`,
    'dashboard',
  );
}
