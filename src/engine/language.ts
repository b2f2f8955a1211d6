import type { Person } from '../ledger/index.ts';

/**
 * The language a person reads: the one they chose (`/lang`), else their platform's language hint
 * (`id-ID` reads as `id`), else the configured default; only languages with a catalog count.
 */
export function languageOf(
  person: Pick<Person, 'language' | 'language_hint'> | undefined,
  available: (language: string) => boolean,
  fallback: string,
): string {
  for (const lang of [person?.language, person?.language_hint?.slice(0, 2).toLowerCase()])
    if (lang && available(lang)) return lang;
  return fallback;
}
