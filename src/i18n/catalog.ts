import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import type { Expression, NamedArgument, Pattern } from '@fluent/bundle/esm/ast.js';

export type MessageArgs = Record<string, string | number>;

/** Translates a catalog key for one language. The core receives this, never the files. */
export interface Translator {
  readonly languages: readonly string[];
  has(language: string): boolean;
  /** Every message id of a language's catalog. */
  keys(language: string): string[];
  t(language: string, key: string, args?: MessageArgs): string;
  /** The variables a message uses in any language (`ref`, `address`); undefined for an unknown key. */
  placeholders(key: string): string[] | undefined;
}

/**
 * The variables a pattern reads, in select expressions, function arguments and the messages it
 * includes (`{ rescue-summary-full }`) too.
 */
function variablesOf(
  bundle: FluentBundle,
  pattern: Pattern | null,
  into: Set<string>,
  seen = new Set<string>(),
): void {
  if (pattern === null || typeof pattern === 'string') return;
  const visit = (e: Expression | NamedArgument): void => {
    switch (e.type) {
      case 'var':
        into.add(e.name);
        return;
      case 'select':
        visit(e.selector);
        for (const v of e.variants) variablesOf(bundle, v.value, into, seen);
        return;
      case 'mesg': {
        const included = bundle.getMessage(e.name);
        if (!included || seen.has(e.name)) return;
        seen.add(e.name);
        variablesOf(bundle, e.attr ? (included.attributes[e.attr] ?? null) : included.value, into, seen);
        return;
      }
      case 'func':
      case 'term':
        for (const a of e.args) visit(a);
        return;
      default:
        return;
    }
  };
  for (const element of pattern) if (typeof element !== 'string') visit(element);
}

/** Told when a message formats with errors (a variable the code did not pass): the text still goes out. */
export type FormatErrorListener = (details: { language: string; key: string; errors: string[] }) => void;

/**
 * Fluent catalogs under data/locales/<language>/*.ftl: one folder per language, one file per feature,
 * so a translator adds a language by adding a folder, and a command adds its own file.
 */
export class Catalog implements Translator {
  readonly languages: readonly string[];
  private readonly bundles = new Map<string, FluentBundle>();
  private readonly messageIds = new Map<string, string[]>();

  constructor(
    dir: string,
    private readonly fallback: string,
    private readonly onFormatError: FormatErrorListener = () => {},
  ) {
    for (const lang of readdirSync(dir).sort()) {
      const langDir = path.join(dir, lang);
      if (!statSync(langDir).isDirectory()) continue;
      // useIsolating off: Unicode isolation marks would end up inside chat messages and commands.
      const bundle = new FluentBundle(lang, { useIsolating: false });
      const ids: string[] = [];
      for (const file of readdirSync(langDir)
        .filter((f) => f.endsWith('.ftl'))
        .sort()) {
        const resource = new FluentResource(readFileSync(path.join(langDir, file), 'utf8'));
        const errors = bundle.addResource(resource);
        if (errors.length > 0) throw new Error(`${lang}/${file}: ${errors.map((e) => e.message).join('; ')}`);
        // Terms (`-brand`) are not messages the code can name.
        ids.push(...resource.body.map((entry) => entry.id).filter((id) => !id.startsWith('-')));
      }
      this.bundles.set(lang, bundle);
      this.messageIds.set(lang, ids);
    }
    this.languages = [...this.bundles.keys()];
    if (!this.bundles.has(fallback))
      throw new Error(`No catalog for the default language ${fallback} in ${dir}`);
  }

  has(language: string): boolean {
    return this.bundles.has(language);
  }

  keys(language: string): string[] {
    return [...(this.messageIds.get(language) ?? [])];
  }

  placeholders(key: string): string[] | undefined {
    const found = new Set<string>();
    let known = false;
    for (const bundle of this.bundles.values()) {
      const message = bundle.getMessage(key);
      if (!message) continue;
      known = true;
      variablesOf(bundle, message.value, found);
    }
    return known ? [...found] : undefined;
  }

  t(language: string, key: string, args: MessageArgs = {}): string {
    for (const lang of [language, this.fallback, 'en']) {
      const bundle = this.bundles.get(lang);
      const message = bundle?.getMessage(key);
      if (bundle && message?.value) {
        // Without an errors array Fluent throws on a missing variable; a message with a `{$gap}` is
        // better than an apology for an internal error.
        const errors: Error[] = [];
        const text = bundle.formatPattern(message.value, args as Record<string, FluentVariable>, errors);
        if (errors.length > 0)
          this.onFormatError({ language: lang, key, errors: errors.map((e) => e.message) });
        return text;
      }
    }
    return key;
  }
}
