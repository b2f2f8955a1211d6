import type { PublicAlert } from '../../domain/cap.ts';
import type { PublicBroadcast, PublicSummary } from '../../domain/public-summary.ts';

/**
 * What the public page and feeds need from the rest of the bot, wired in main.ts. Everything here is
 * built from allow-listed fields (src/domain/public-summary.ts): the page cannot reach a person's data.
 */
export interface PublicBackend {
  summary(): PublicSummary;
  broadcasts(): PublicBroadcast[];
  /** Coordinators' public alerts (`/alert`), newest first, by their opaque ids. */
  alerts(): PublicAlert[];
  /** Registered public contacts (`/publiccontact`): numbers people may call, with their label. */
  contacts(): { label: string; number: string }[];
  /** Vetted fundraising campaigns (`/campaign`), each with who vetted it as a role, never a person. */
  campaigns(): PublicCampaign[];
  /** Changes when a campaign is vetted or withdrawn: the page is built again at once, not after cacheMs. */
  campaignsVersion(): string;
  /** Open verified blood requests (`/blood`): group, hospital, area and the live count, nobody's name. */
  blood(): PublicBlood[];
  /** Registered posko (`/posko add`): a public place, its area, hours, what it takes and its contact. */
  posko(): PublicPosko[];
  t(lang: string, key: string, args?: Record<string, string | number>): string;
  languages: readonly string[];
}

export interface PublicPosko {
  name: string;
  area: string | null;
  hours: string | null;
  accepts: string[];
  contact: string | null;
}

export interface PublicBlood {
  group: string;
  hospital: string | null;
  area: string | null;
  bags: number;
  found: number;
}

export interface PublicCampaign {
  url: string;
  label: string;
  area: string | null;
  vettedAt: number | null;
  vetter: 'admin' | 'coordinator';
}

export interface PublicSettings {
  /** `/public`: the page, and its feeds under it. */
  path: string;
  /** Leaflet is served by the dashboard under its path; the public page loads it from there. */
  dashboardPath: string;
  /** PUBLIC_URL's origin, for absolute links in feeds; else the request's Host. */
  publicOrigin?: string;
  tileUrl: string;
  tileAttribution: string;
  defaultLanguage: string;
  assetsDir: string;
  /** How long a built page or feed is served again before being built anew. */
  cacheMs: number;
  /** Requests a client address may make per minute. */
  perMinute: number;
  clock?: () => number;
}
