import type { PublicAlert } from '../../domain/cap.ts';
import type {
  Figures,
  PublicBroadcast,
  PublicCount,
  PublicSummary,
  Stat,
  WindowName,
} from '../../domain/public-summary.ts';
import { escapeHtml as h, jsonForHtml, tileOrigin } from '../dashboard/pages.ts';
import type { PublicBlood, PublicCampaign, PublicPosko, PublicSettings } from './backend.ts';
import { CARD_IMAGE } from './card-image.ts';
import { itemLabel, neededLine, type Translate } from './feeds.ts';

/** Only this page's script and Leaflet run; images from here and the tile host; nothing is sent anywhere. */
export function publicCsp(settings: PublicSettings): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: ${tileOrigin(settings.tileUrl)}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const WINDOW_NAMES: WindowName[] = ['day', 'week', 'all'];

const unitFormats = new Map<string, Intl.NumberFormat>();
function duration(ms: number, lang: string): string {
  const minutes = Math.round(ms / 60_000);
  const unit = (value: number, u: 'minute' | 'hour' | 'day') => {
    const key = `${lang}:${u}`;
    let f = unitFormats.get(key);
    if (!f) {
      f = new Intl.NumberFormat(lang, { style: 'unit', unit: u, unitDisplay: 'short' });
      unitFormats.set(key, f);
    }
    return f.format(value);
  };
  if (minutes < 120) return unit(minutes, 'minute');
  if (minutes < 48 * 60) return unit(Math.round(minutes / 60), 'hour');
  return unit(Math.round(minutes / 1440), 'day');
}

export interface PageData {
  summary: PublicSummary;
  broadcasts: readonly PublicBroadcast[];
  alerts: readonly PublicAlert[];
  campaigns: readonly PublicCampaign[];
  blood: readonly PublicBlood[];
  contacts: readonly { label: string; number: string }[];
  posko: readonly PublicPosko[];
}

/** Blood needed now, each with its live count ("2 of 3 donors found"), and how donors register. */
function bloodSection(blood: readonly PublicBlood[], t: Translate): string {
  if (blood.length === 0) return '';
  const line = (b: PublicBlood) =>
    t('public-blood-line', {
      group: b.group,
      hospital: b.hospital ?? '-',
      area: b.area ?? '-',
      found: b.found,
      bags: b.bags,
    });
  return `<section id="blood"><h2>${h(t('public-blood'))}</h2><ul>${blood
    .map((b) => `<li>${h(line(b))}</li>`)
    .join('')}</ul><p>${h(t('public-blood-donor'))}</p></section>`;
}

/** Vetted campaigns by area, each with who vetted it (a role) and when; the bot never handles money. */
function campaignSection(campaigns: readonly PublicCampaign[], t: Translate): string {
  if (campaigns.length === 0) return '';
  const byArea = new Map<string, PublicCampaign[]>();
  for (const c of campaigns) {
    const area = c.area ?? t('public-campaigns-everywhere');
    byArea.set(area, [...(byArea.get(area) ?? []), c]);
  }
  const vetted = (c: PublicCampaign) =>
    t('public-campaign-vetted', {
      role: t(`public-vetter-${c.vetter}`),
      when: c.vettedAt === null ? '-' : new Date(c.vettedAt).toISOString().slice(0, 10),
    });
  return `<section id="campaigns"><h2>${h(t('public-campaigns'))}</h2><p>${h(t('public-campaigns-intro'))}</p>${[
    ...byArea,
  ]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([area, cs]) =>
        `<h3>${h(area)}</h3><ul>${cs
          .map(
            (c) =>
              `<li><a href="${h(c.url)}" rel="noopener noreferrer nofollow">${h(c.label)}</a> (${h(vetted(c))})</li>`,
          )
          .join('')}</ul>`,
    )
    .join('')}</section>`;
}

/** The public page, built on the server: readable without JavaScript; the map is drawn by public.js. */
export function publicPage(
  settings: PublicSettings,
  lang: string,
  otherLang: string,
  t: Translate,
  data: PageData,
): string {
  const { summary } = data;
  const count = (c: PublicCount) => (c === 'fewer-than-3' ? t('public-fewer-than-3') : String(c));
  const timeStat = (s: Stat) =>
    s.median === null || s.p90 === null
      ? t('public-not-enough')
      : `${duration(s.median, lang)} / ${duration(s.p90, lang)}`;
  const share = (x: number | null) =>
    x === null ? t('public-not-enough') : new Intl.NumberFormat(lang, { style: 'percent' }).format(x);
  const figureRows = (f: Record<WindowName, Figures>) =>
    (
      [
        ['public-received', (x: Figures) => count(x.received)],
        ['public-verified', (x: Figures) => count(x.verified)],
        ['public-delivered', (x: Figures) => count(x.delivered)],
        ['public-to-verify', (x: Figures) => timeStat(x.toVerify)],
        ['public-to-assign', (x: Figures) => timeStat(x.toAssign)],
        ['public-to-deliver', (x: Figures) => timeStat(x.toDeliver)],
        ['public-ack-in-time', (x: Figures) => share(x.acknowledgedInTime)],
      ] as const
    )
      .map(
        ([key, cell]) =>
          `<tr><th scope="row">${h(t(key))}</th>${WINDOW_NAMES.map((w) => `<td>${h(cell(f[w]))}</td>`).join('')}</tr>`,
      )
      .join('');
  const windowHead = `<tr><th></th>${WINDOW_NAMES.map((w) => `<th scope="col">${h(t(`public-window-${w}`))}</th>`).join('')}</tr>`;
  const p = settings.path;
  const feed = (file: string, key: string) =>
    `<li><a href="${p}/${file}${file.endsWith('.atom') ? `?lang=${lang}` : ''}">${h(t(key))}</a></li>`;
  const needs = summary.areas.filter((a) => a.openNeeds !== 0 || a.activeRescues !== 0);
  const maxDaily = Math.max(1, ...summary.daily.flatMap((d) => [d.opened, d.closed]));
  const bar = (n: number, cls: string) =>
    // A height class in tenths: the page's CSP allows no inline style.
    `<span class="bar ${cls} h${Math.round((n / maxDaily) * 10)}" title="${n}"></span>`;
  const body = `
<header><h1>${h(t('public-title'))}</h1>
<p><a id="language" href="${p}?lang=${h(otherLang)}" hreflang="${h(otherLang)}">${h(t('public-language'))}</a></p>
<p>${h(t('public-intro'))}</p>
<p class="updated">${h(t('public-updated'))}: <time datetime="${new Date(summary.now).toISOString()}">${h(new Date(summary.now).toISOString().slice(0, 16).replace('T', ' '))} UTC</time></p></header>
<main>
<section><h2>${h(t('public-map'))}</h2><div id="map" aria-label="${h(t('public-map'))}"></div></section>
<section id="needs"><h2>${h(t('public-needs'))}</h2>
${
  needs.length === 0
    ? `<p>${h(t('public-needs-none'))}</p>`
    : `<table class="needs"><thead><tr><th scope="col">${h(t('public-area'))}</th><th scope="col">${h(t('public-open-needs'))}</th><th scope="col">${h(t('public-active-rescues'))}</th><th scope="col">${h(t('public-items'))}</th></tr></thead><tbody>${needs
        .map(
          (a) =>
            `<tr data-area="${h(a.area)}"><td>${h(a.area)}</td><td>${h(count(a.openNeeds))}</td><td>${h(count(a.activeRescues))}</td><td>${h(
              a.items.map((i) => neededLine(t, i)).join(', '),
            )}</td></tr>`,
        )
        .join('')}</tbody></table>`
}</section>
<section id="figures"><h2>${h(t('public-figures'))}</h2>
<table class="figures"><thead>${windowHead}</thead><tbody>${figureRows(summary.figures)}</tbody></table>
<p class="how">${h(t('public-how'))}</p>
${summary.areas
  .map(
    (a) =>
      `<details><summary>${h(t('public-by-area'))}: ${h(a.area)}</summary><table class="figures"><thead>${windowHead}</thead><tbody>${figureRows(a.figures)}</tbody></table></details>`,
  )
  .join('')}
<h3>${h(t('public-daily'))}</h3>
<div class="chart" role="img" aria-label="${h(t('public-daily'))}">${summary.daily
    .map(
      (d) =>
        `<div class="day" title="${h(d.day)}: ${d.opened} ${h(t('public-opened'))}, ${d.closed} ${h(t('public-closed'))}">${bar(d.opened, 'opened')}${bar(d.closed, 'closed')}<span class="label">${h(d.day.slice(5))}</span></div>`,
    )
    .join('')}</div>
<p class="legend"><span class="bar opened"></span> ${h(t('public-opened'))} <span class="bar closed"></span> ${h(t('public-closed'))}</p>
<h3>${h(t('public-waiting'))}</h3>
${
  summary.waiting.length === 0
    ? `<p>${h(t('public-waiting-none'))}</p>`
    : `<ol class="waiting">${summary.waiting.map((w) => `<li>${h(duration(w.ageMs, lang))}: ${h(t(`public-kind-${w.kind}`))}</li>`).join('')}</ol>`
}</section>
${
  data.posko.length === 0
    ? ''
    : `<section id="posko"><h2>${h(t('public-posko'))}</h2><ul>${data.posko
        .map(
          (k) =>
            `<li><strong>${h(k.name)}</strong>${k.area ? ` (${h(k.area)})` : ''}${k.hours ? `; ${h(t('public-posko-hours'))}: ${h(k.hours)}` : ''}${
              k.accepts.length
                ? `; ${h(t('public-posko-accepts'))}: ${h(k.accepts.map((i) => itemLabel(t, i)).join(', '))}`
                : ''
            }${k.contact ? `; ${h(t('public-posko-contact'))}: ${h(k.contact)}` : ''}</li>`,
        )
        .join('')}</ul></section>`
}
${
  data.alerts.length === 0
    ? ''
    : `<section id="alerts"><h2>${h(t('public-alerts'))}</h2><ul>${data.alerts
        .slice(0, 10)
        .map(
          (a) =>
            `<li lang="${h(a.language)}"><time datetime="${new Date(a.at).toISOString()}">${h(new Date(a.at).toISOString().slice(0, 16).replace('T', ' '))}</time> <strong>${h(a.area)}</strong> (${h(
              [a.urgency, a.severity, a.certainty].map((l) => t(`cap-${l.toLowerCase()}`)).join(', '),
            )}): ${h(a.text)} <a href="${p}/alerts/${h(a.id)}.xml" type="application/cap+xml">CAP</a></li>`,
        )
        .join('')}</ul></section>`
}
<section id="broadcasts"><h2>${h(t('public-broadcasts'))}</h2>
${
  data.broadcasts.length === 0
    ? `<p>${h(t('public-broadcasts-none'))}</p>`
    : `<ul>${data.broadcasts.map((b) => `<li><time datetime="${new Date(b.at).toISOString()}">${h(new Date(b.at).toISOString().slice(0, 16).replace('T', ' '))}</time> ${h(b.text)}</li>`).join('')}</ul>`
}</section>
${bloodSection(data.blood, t)}
${campaignSection(data.campaigns, t)}
${
  data.contacts.length === 0
    ? ''
    : `<section id="contacts"><h2>${h(t('public-contacts'))}</h2><ul>${data.contacts.map((c) => `<li>${h(c.label)}: <a href="tel:${h(c.number.replace(/[^\d+]/g, ''))}">${h(c.number)}</a></li>`).join('')}</ul></section>`
}
<section id="feeds"><h2>${h(t('public-feeds'))}</h2><ul>
${feed('needs.geojson', 'public-feed-geojson')}${feed('needs.csv', 'public-feed-hxl')}${feed('feed.atom', 'public-feed-atom')}${feed('alerts.atom', 'public-feed-alerts')}
</ul></section>
</main>
<script type="application/json" id="public-data">${jsonForHtml({
    tileUrl: settings.tileUrl,
    attribution: settings.tileAttribution,
    areas: summary.areas
      .filter((a) => a.lat !== null && a.lon !== null)
      .map((a) => ({
        area: a.area,
        lat: a.lat,
        lon: a.lon,
        needs: count(a.openNeeds),
        rescues: count(a.activeRescues),
        big: a.openNeeds === 'fewer-than-3' ? 1 : a.openNeeds,
      })),
    labels: { needs: t('public-open-needs'), rescues: t('public-active-rescues') },
  })}</script>
<script src="${settings.dashboardPath}/assets/leaflet.js"></script>
<script src="${p}/assets/public.js"></script>`;
  return `<!doctype html><html lang="${h(lang)}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(t('public-title'))}</title>
<link rel="alternate" type="application/atom+xml" href="${p}/feed.atom?lang=${h(lang)}" title="${h(t('public-feed-atom'))}">
<link rel="alternate" type="application/atom+xml" href="${p}/alerts.atom?lang=${h(lang)}" title="${h(t('public-feed-alerts'))}">
<link rel="alternate" type="application/geo+json" href="${p}/needs.geojson" title="${h(t('public-feed-geojson'))}">
<link rel="alternate" hreflang="${h(otherLang)}" href="${p}?lang=${h(otherLang)}">
<link rel="stylesheet" href="${settings.dashboardPath}/assets/leaflet.css">
<link rel="stylesheet" href="${p}/assets/public.css">
</head><body>${body}</body></html>`;
}

/**
 * A shareable card for one verified need (`/public/r/<opaque id>`): the area, catalog items and when it
 * was verified, and the posko of that area to bring goods to, with Open Graph tags so that a link
 * shared on WhatsApp, Facebook or X shows a title, a summary and its preview image (`image`).
 */
export function needCard(
  settings: PublicSettings,
  lang: string,
  t: Translate,
  need: PublicSummary['verified'][number],
  posko: readonly PublicPosko[],
  url: string,
  image: string,
): string {
  const items = need.items.map((i) => itemLabel(t, i.item, i.qty) + (i.qty ? ` (${i.qty})` : '')).join(', ');
  const title = t('public-verified-need', { area: need.area ?? '?', items });
  const where = posko
    .map(
      (k) =>
        `<li><strong>${h(k.name)}</strong>${k.area ? ` (${h(k.area)})` : ''}${k.hours ? `; ${h(t('public-posko-hours'))}: ${h(k.hours)}` : ''}${k.contact ? `; ${h(t('public-posko-contact'))}: ${h(k.contact)}` : ''}</li>`,
    )
    .join('');
  return `<!doctype html><html lang="${h(lang)}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(title)}</title>
<meta property="og:type" content="article">
<meta property="og:title" content="${h(title)}">
<meta property="og:description" content="${h(t('public-card-description'))}">
<meta property="og:url" content="${h(url)}">
<meta property="og:locale" content="${lang === 'id' ? 'id_ID' : 'en_US'}">
<meta property="og:image" content="${h(image)}">
<meta property="og:image:type" content="image/png">
<meta property="og:image:width" content="${CARD_IMAGE.width}">
<meta property="og:image:height" content="${CARD_IMAGE.height}">
<meta property="og:image:alt" content="${h(title)}">
<meta name="twitter:card" content="summary_large_image">
<link rel="stylesheet" href="${settings.path}/assets/public.css">
</head><body><main>
<h1>${h(title)}</h1>
<p>${h(t('public-card-verified'))}: <time datetime="${new Date(need.at).toISOString()}">${h(new Date(need.at).toISOString().slice(0, 16).replace('T', ' '))} UTC</time></p>
${where ? `<h2>${h(t('public-card-bring'))}</h2><ul>${where}</ul>` : ''}
<p><a href="${settings.path}?lang=${h(lang)}">${h(t('public-title'))}</a></p>
</main></body></html>`;
}
