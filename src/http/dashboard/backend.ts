import type { DashboardAction } from '../../domain/dashboard.ts';
import type { Choice } from '../../domain/message.ts';

export interface SignedIn {
  personId: string;
  lang: string;
}

/**
 * What the dashboard's pages need from the rest of the bot, wired in main.ts: sessions and the view
 * from the core's desk (src/engine/dashboard.ts), actions through the `web` transport, its answers from
 * the outbox.
 */
export interface DashboardBackend {
  signIn(
    token: string,
  ):
    | ({ ok: true; session: string } & SignedIn)
    | { ok: false; reason: 'unknown' | 'used' | 'expired' | 'role' };
  session(token: string): SignedIn | undefined;
  signOut(token: string): void;
  /** Anything recorded moves it; the page fetches the view again when it does. */
  version(): number;
  view(lang: string): unknown;
  strings(lang: string): Record<string, string>;
  /** A file of a case or request, by its SHA-256 name: where it is and its type; undefined if none. */
  media(sha256: string): { file: string; mime: string } | undefined;
  /** Volunteers to offer for a task (`R-3`, `S-2`), asked for when the coordinator opens it. */
  suggestions(ref: string): unknown;
  languages: readonly string[];
  act(personId: string, action: DashboardAction): { recorded: boolean };
  /** The newest answer's id, and the answers after one: what the bot said to coordinators' actions. */
  lastAnswer(): number;
  answersAfter(id: number): { id: number; personId: string; text: string; choices?: Choice[] }[];
}

export interface DashboardSettings {
  /** `/dashboard`: every page and call lives under it. */
  path: string;
  /** Cookies are marked Secure when people reach the server over HTTPS (PUBLIC_URL). */
  secure: boolean;
  /** PUBLIC_URL's origin: behind a reverse proxy, the address the browser's requests come from. */
  publicOrigin?: string;
  tileUrl: string;
  tileAttribution: string;
  defaultLanguage: string;
  /** The page's scripts and styles (src/http/dashboard/assets) and Leaflet's dist folder in node_modules. */
  assetsDir: string;
  leafletDir: string;
}
