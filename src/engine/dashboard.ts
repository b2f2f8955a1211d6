import path from 'node:path';
import type { Config } from '../config.ts';
import type { Areas } from '../domain/areas.ts';
import { LINK_TTL_MS } from '../domain/dashboard.ts';
import type { PersonId } from '../domain/message.ts';
import type { Translator } from '../i18n/catalog.ts';
import type { DashboardAnswer, Ledger, SignInRefusal } from '../ledger/index.ts';
import { type Role, roleAllows } from './command.ts';
import { type Suggestion, suggestionsFor } from './dashboard-suggestions.ts';
import { type DashboardView, dashboardView } from './dashboard-view.ts';

/**
 * Whether the bot runs its HTTP server, and so the dashboard: every deployment (a platform transport
 * configured), and the console demo only when HTTP_PORT is set.
 */
export const httpServed = (config: Config): boolean =>
  config.HTTP_PORT !== undefined ||
  Boolean(config.TELEGRAM_BOT_TOKEN || config.WHATSAPP_ENABLED || config.WHATSAPP_CLOUD_TOKEN);

/** The dashboard's address as people reach it: PUBLIC_URL (default http://localhost:HTTP_PORT) and the path. */
export const dashboardUrl = (config: Config): string =>
  `${config.PUBLIC_URL ?? `http://localhost:${config.HTTP_PORT ?? 8080}`}${config.DASHBOARD_PATH}`;

export const LINK_MINUTES = LINK_TTL_MS / 60_000;

/**
 * A single-use sign-in link for a coordinator. The token rides in the fragment (`#...`), which browsers
 * never send to a server: it reaches no proxy log, and a chat app's link preview cannot use it up.
 */
export function signInLink(ledger: Ledger, config: Config, personId: PersonId, lang: string, now: number) {
  const token = ledger.dashboard.createLink(personId, now);
  return `${dashboardUrl(config)}/signin?lang=${encodeURIComponent(lang)}#${token}`;
}

export interface DeskDeps {
  ledger: Ledger;
  areas: Areas;
  translator: Translator;
  config: Config;
  /** The role the person holds now (ADMINS included); a session lasts only while it is coordinator or above. */
  roleOf(personId: PersonId): Role;
  languageOf(personId: PersonId): string;
  clock?: () => number;
}

export interface SignedIn {
  personId: PersonId;
  lang: string;
}

/**
 * The dashboard's side of the core: sign-in, sessions and what the page shows. Every call checks the
 * role again, so a coordinator whose role was taken back (or who left ADMINS) is out at the next request.
 */
export class Desk {
  private readonly clock: () => number;
  /** The last view built in each language, with the ledger's version it was built at. */
  private readonly cached = new Map<string, { version: number; view: DashboardView }>();

  constructor(private readonly deps: DeskDeps) {
    this.clock = deps.clock ?? Date.now;
  }

  private entitled(personId: PersonId): boolean {
    return roleAllows(this.deps.roleOf(personId), 'coordinator');
  }

  signIn(
    token: string,
  ): ({ ok: true; session: string } & SignedIn) | { ok: false; reason: SignInRefusal | 'role' } {
    const { ledger } = this.deps;
    return ledger.transaction(() => {
      const used = ledger.dashboard.redeem(token, this.clock());
      if (!used.ok) return used;
      if (!this.entitled(used.personId)) {
        ledger.dashboard.endAll(used.personId);
        return { ok: false as const, reason: 'role' as const };
      }
      return { ok: true as const, session: used.session, ...this.who(used.personId) };
    });
  }

  /** The coordinator a session token signs in, or undefined (unknown, idle too long, role gone). */
  session(token: string): SignedIn | undefined {
    const { ledger } = this.deps;
    return ledger.transaction(() => {
      const personId = ledger.dashboard.session(token, this.clock());
      if (personId === undefined) return undefined;
      if (!this.entitled(personId)) {
        ledger.dashboard.endAll(personId);
        return undefined;
      }
      return this.who(personId);
    });
  }

  signOut(token: string): void {
    this.deps.ledger.transaction(() => this.deps.ledger.dashboard.end(token));
  }

  private who(personId: PersonId): SignedIn {
    return { personId, lang: this.deps.languageOf(personId) };
  }

  /** Moves whenever anything is recorded, by this process or another on the same ledger. */
  version(): number {
    return this.deps.ledger.dashboardFigures.version();
  }

  /** What the page shows, in `lang`; built once per change of the ledger and language. */
  view(lang: string): DashboardView {
    const version = this.version();
    const now = this.clock();
    // The page counts waiting times from `now`, so a view kept from an earlier change is dated afresh.
    const kept = this.cached.get(lang);
    if (kept?.version === version) return { ...kept.view, now };
    const { ledger, areas, translator } = this.deps;
    const view = dashboardView(ledger, areas, (key, args) => translator.t(lang, key, args), now, version);
    this.cached.set(lang, { version, view });
    return view;
  }

  /**
   * A file the page may show: one attached to a case or request (never one a row does not name, nor one
   * kept unattached), read from the ledger's media folder.
   */
  media(sha256: string): { file: string; mime: string } | undefined {
    const { ledger } = this.deps;
    const a = ledger.attachments.servable(sha256);
    return a && { file: path.join(ledger.mediaFiles.dir, a.sha256), mime: a.mime };
  }

  /** The nearest available volunteers for a task the coordinator opened, those with wanted skills first. */
  suggestions(ref: string): Suggestion[] {
    return suggestionsFor(this.deps.ledger, ref);
  }

  lastAnswer(): number {
    return this.deps.ledger.dashboardAnswers.last();
  }

  answersAfter(id: number): DashboardAnswer[] {
    return this.deps.ledger.dashboardAnswers.after(id);
  }

  /**
   * The page's own words (catalog `dashboard-*` messages without placeholders: those with one, like
   * the sign-in link's, are chat messages) in `lang`.
   */
  strings(lang: string): Record<string, string> {
    const { translator } = this.deps;
    return Object.fromEntries(
      translator
        .keys(translator.has(lang) ? lang : this.deps.config.DEFAULT_LANGUAGE)
        .filter((key) => key.startsWith('dashboard-') && translator.placeholders(key)?.length === 0)
        .map((key) => [key, translator.t(lang, key)]),
    );
  }
}
