/**
 * Links in text a person wrote, for the redaction: any link can lead to a person (a short link to a
 * house on a map, a profile, a chat: `https://s.id/rumahbudi`, `t.me/budi`, `wa.me/62812...`), so every
 * link is removed unless its host is a public site on the allow-list below. Map links are read as
 * locations first (locations.ts) and never reach this; `file://` paths (a stack trace's) are not links.
 */
export interface LinkSpan {
  start: number;
  end: number;
}

/** Government, United Nations and Red Cross sites and Wikipedia: pages about everyone, never about one person. */
const PUBLIC_HOSTS =
  /(?:^|\.)(?:go\.id|gov|gov\.[a-z]{2}|int|un\.org|wikipedia\.org|pmi\.or\.id|ifrc\.org|icrc\.org|humdata\.org)$/i;

/**
 * With a scheme (also a mistyped one: `https//`, `http:/`), with `www.`, or a bare host (alphabetic
 * top-level domain; dots as any script writes them, `s。id`) followed by a path.
 */
const LINK =
  /(?:\b(?!file:)[a-z][a-z0-9+.-]*:\/\/|\bh(?:tt|xx)ps?:?\/\/?|\bwww\.)[^\s<>"]+|(?<![\p{L}\p{N}@/\\_-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?[.\u3002\uFF61])+[a-z]{2,}(?::\d+)?\/[^\s<>"]*/giu;
/** A link inside another one's path or query (`https://bnpb.go.id/r?u=https://s.id/x`): a redirect. */
const INNER_LINK =
  /[a-z][a-z0-9+.-]*(?::|%3a)(?:\/|%2f){2}|(?:[a-z0-9-]+[.\u3002\uFF61])+[a-z]{2,}(?:\/|%2f)/i;

function hostOf(link: string): string | undefined {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(link)
    ? link
    : `https://${link.replace(/^h(?:tt|xx)ps?:?\/\/?/i, '')}`;
  try {
    return new URL(withScheme).hostname;
  } catch {
    return undefined;
  }
}

/** Every link in `text` whose host is not an allow-listed public site, in order. */
export function findPrivateLinks(text: string): LinkSpan[] {
  const spans: LinkSpan[] = [];
  for (const m of text.matchAll(LINK)) {
    const link = m[0].replace(/[.,;:!?)\]]+$/, '');
    const host = hostOf(link);
    const rest = link.slice(link.toLowerCase().indexOf(host ?? '\0') + (host?.length ?? 0));
    if (host !== undefined && PUBLIC_HOSTS.test(host) && !INNER_LINK.test(rest)) continue;
    spans.push({ start: m.index, end: m.index + link.length });
  }
  return spans;
}
