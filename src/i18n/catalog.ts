import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';

export type MessageArgs = Record<string, string | number>;

/** Translates a catalog key for one language. The core receives this, never the files. */
export interface Translator {
  readonly languages: readonly string[];
  has(language: string): boolean;
  t(language: string, key: string, args?: MessageArgs): string;
}

/**
 * Fluent catalogs under data/locales/<language>/*.ftl: one folder per language, one file per feature,
 * so a translator adds a language by adding a folder, and a command adds its own file.
 */
export class Catalog implements Translator {
  readonly languages: readonly string[];
  private readonly bundles = new Map<string, FluentBundle>();

  constructor(
    dir: string,
    private readonly fallback: string,
  ) {
    for (const lang of readdirSync(dir).sort()) {
      const langDir = path.join(dir, lang);
      if (!statSync(langDir).isDirectory()) continue;
      // useIsolating off: Unicode isolation marks would end up inside chat messages and commands.
      const bundle = new FluentBundle(lang, { useIsolating: false });
      for (const file of readdirSync(langDir)
        .filter((f) => f.endsWith('.ftl'))
        .sort()) {
        const errors = bundle.addResource(new FluentResource(readFileSync(path.join(langDir, file), 'utf8')));
        if (errors.length > 0) throw new Error(`${lang}/${file}: ${errors.map((e) => e.message).join('; ')}`);
      }
      this.bundles.set(lang, bundle);
    }
    this.languages = [...this.bundles.keys()];
    if (!this.bundles.has(fallback))
      throw new Error(`No catalog for the default language ${fallback} in ${dir}`);
  }

  has(language: string): boolean {
    return this.bundles.has(language);
  }

  keys(language: string): string[] {
    const bundle = this.bundles.get(language);
    if (!bundle) return [];
    // FluentBundle keeps its messages in a Map; iterating it is the only way to list them.
    return [...(bundle as unknown as { _messages: Map<string, unknown> })._messages.keys()];
  }

  t(language: string, key: string, args: MessageArgs = {}): string {
    for (const lang of [language, this.fallback, 'en']) {
      const bundle = this.bundles.get(lang);
      const message = bundle?.getMessage(key);
      if (bundle && message?.value) {
        // Without an errors array Fluent throws on a missing variable; a message with a `{$gap}` is
        // better than an apology for an internal error.
        const errors: Error[] = [];
        return bundle.formatPattern(message.value, args as Record<string, FluentVariable>, errors);
      }
    }
    return key;
  }
}
