/**
 * Fundraising platforms whose links a coordinator may vet alone (issue 32): Indonesia's Kitabisa and
 * BenihBaik, GoFundMe, Facebook fundraisers. A link to any other domain (a bank's page, a personal site)
 * needs an admin's confirmation too: scams come as look-alike links.
 */
const KNOWN = [
  'kitabisa.com',
  'benihbaik.com',
  'gofundme.com',
  'facebook.com',
  'fb.me',
  'sharinghappiness.org',
];

export type CampaignLink = { ok: true; url: string; known: boolean } | { ok: false };

/** An https link as given, and whether its host is a known platform or one of its subdomains. */
export function readCampaignLink(text: string): CampaignLink {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false };
  }
  if (url.protocol !== 'https:' || url.username || url.password) return { ok: false };
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  const known = KNOWN.some((k) => host === k || host.endsWith(`.${k}`));
  return { ok: true, url: url.toString(), known };
}
