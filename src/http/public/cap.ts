import { Feed } from 'feed';
import { create } from 'xmlbuilder2';
import type { PublicAlert } from '../../domain/cap.ts';
import type { Translate } from './feeds.ts';

const CAP_NS = 'urn:oasis:names:tc:emergency:cap:1.2';

/** XML 1.0's characters (its `Char` production): a typed control character or lone surrogate must not break the feed. */
const isXmlChar = (c: string) => {
  const n = c.codePointAt(0)!;
  return (
    n === 9 ||
    n === 10 ||
    n === 13 ||
    (n >= 0x20 && n <= 0xd7ff) ||
    (n >= 0xe000 && n <= 0xfffd) ||
    n >= 0x10000
  );
};
const xmlText = (s: string) => Array.from(s).filter(isXmlChar).join('');

/** CAP's dateTime: seconds and an explicit offset, never `Z` or milliseconds (CAP 1.2, 3.3.2). */
export const capTime = (at: number) => `${new Date(at).toISOString().slice(0, 19)}+00:00`;

/** The alert's own address under the public page: its opaque id, stable across restarts. */
export const alertUrl = (pageUrl: string, id: string) => `${pageUrl}/alerts/${id}.xml`;

/** The CAP headline: short (CAP asks for under 160 characters), the area and the first words. */
function headline(t: Translate, a: PublicAlert): string {
  const first = a.text.split('\n')[0]!.trim();
  const head = t('alert-cap-headline', { area: a.area, text: first });
  return head.length <= 160 ? head : `${head.slice(0, 159)}…`;
}

/**
 * One alert as an OASIS CAP 1.2 message (validated against the official schema in the tests): status
 * Actual, scope Public, one `info` in the language it was written in, the area by its name. `t` is
 * in that language. The sender is the page's host, so a reader can tell deployments apart.
 */
export function capAlert(a: PublicAlert, t: Translate, pageUrl: string): string {
  const host = new URL(pageUrl).host.replace(/[^\w.-]/g, '-');
  const alert = create({ version: '1.0', encoding: 'UTF-8' }).ele(CAP_NS, 'alert');
  const add = (parent: typeof alert, name: string, value: string) =>
    parent.ele(name).txt(xmlText(value)).up();
  add(alert, 'identifier', a.id);
  add(alert, 'sender', `relief-bot@${host}`);
  add(alert, 'sent', capTime(a.at));
  add(alert, 'status', 'Actual');
  add(alert, 'msgType', 'Alert');
  add(alert, 'scope', 'Public');
  const info = alert.ele('info');
  add(info, 'language', a.language);
  add(info, 'category', 'Safety');
  add(info, 'event', t('alert-cap-event'));
  add(info, 'urgency', a.urgency);
  add(info, 'severity', a.severity);
  add(info, 'certainty', a.certainty);
  add(info, 'senderName', t('public-title'));
  add(info, 'headline', headline(t, a));
  add(info, 'description', a.text);
  add(info, 'web', `${pageUrl}?lang=${a.language}#alerts`);
  add(info.ele('area'), 'areaDesc', a.area);
  return alert.end({ prettyPrint: true });
}

/** The index of alerts (Atom, built by `feed`): one entry per alert, linking its CAP message. */
export function alertsAtom(
  alerts: readonly PublicAlert[],
  t: Translate,
  tIn: (lang: string) => Translate,
  lang: string,
  pageUrl: string,
  now: number,
): string {
  const feed = new Feed({
    id: `${pageUrl}/alerts.atom`,
    title: t('public-alerts'),
    link: `${pageUrl}?lang=${lang}#alerts`,
    language: lang,
    updated: new Date(alerts[0]?.at ?? now),
    feedLinks: { atom: `${pageUrl}/alerts.atom?lang=${lang}` },
    generator: false,
  });
  for (const a of alerts)
    feed.addItem({
      title: xmlText(headline(tIn(a.language), a)),
      id: alertUrl(pageUrl, a.id),
      link: alertUrl(pageUrl, a.id),
      date: new Date(a.at),
      content: xmlText(a.text),
    });
  return feed.atom1();
}
