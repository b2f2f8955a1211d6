import type { Translator } from '../i18n/catalog.ts';
import type { KeySay, Say } from './outcome.ts';

/**
 * The placeholders a public-safe message may hold: structured fields that name no one. References,
 * areas and coarse points (about 1 km), catalog items and quantities (`items`, built by the group
 * builder: items outside the catalog read "other items (2)"), counts, urgency, status, times and
 * durations, skills and conditions from their catalogs, and the names of commands and roles.
 *
 * A catalog message whose every placeholder (in every language) is one of these is public-safe and may
 * reach a group; any other placeholder (a name, a contact, an address, a note, a reason, text a person
 * typed) makes the message personal. Adding a name here is a privacy decision: every message that uses
 * it may then reach a group, so its value must come from a structured field wherever it is passed.
 */
export const PUBLIC_FIELDS: ReadonlySet<string> = new Set([
  // references: R-1, S-2, V-3, B-4, G-5, and lists of them
  'ref',
  'original',
  'volunteer',
  'tasks',
  'safe',
  // where, never finer than an area or a point rounded to about 1 km
  'area',
  'place',
  'check',
  // what and how many
  'items',
  'qty',
  'people',
  'count',
  'total',
  'n',
  'groups',
  'open',
  'unack',
  'b0',
  'b1',
  'b2',
  'b3',
  'rescues',
  'requests',
  'volunteers',
  'events',
  'sent',
  'failed',
  'pending',
  'counts',
  'changes',
  // state, urgency, catalog labels
  'status',
  'urgency',
  'level',
  'conditions',
  'conditions_en',
  'conditions_id',
  'checkReason',
  'needs',
  'skills',
  'topics',
  'topic',
  'role',
  'language',
  'current',
  // blood drives: a group from its catalog, the hospital (a place a coordinator named, never a
  // patient or a family), bags asked and donors found (counts only, never who)
  'bloodGroup',
  'hospital',
  'bags',
  'found',
  // times
  'when',
  'at',
  'since',
  'tz',
  'minutes',
  'seconds',
  'age',
  // commands (`commands`: /help's list of names and their catalog descriptions) and paging
  'command',
  'commands',
  'usage',
  'first',
  'max',
  'page',
  'pages',
  'more',
]);

/** Memoised per translator: a template's placeholders do not change while the process runs. */
const verdicts = new WeakMap<Translator, Map<string, boolean>>();

/** Whether a catalog message may carry personal data: a placeholder outside PUBLIC_FIELDS, or an unknown key. */
export function keyIsPersonal(translator: Translator, key: string): boolean {
  let known = verdicts.get(translator);
  if (!known) {
    known = new Map();
    verdicts.set(translator, known);
  }
  let personal = known.get(key);
  if (personal === undefined) {
    const placeholders = translator.placeholders(key);
    personal = placeholders === undefined || placeholders.some((p) => !PUBLIC_FIELDS.has(p));
    known.set(key, personal);
  }
  return personal;
}

const keySayIsPersonal = (translator: Translator, s: KeySay) => keyIsPersonal(translator, s.key);

/**
 * Whether what is said may carry personal data. Text a person wrote always may: only a broadcast, which
 * passed the redaction and its author's confirmation, is let into groups (the renderer checks that).
 */
export function sayIsPersonal(translator: Translator, say: Say): boolean {
  if ('raw' in say) return true;
  if ('lines' in say) return say.lines.some((l) => keySayIsPersonal(translator, l));
  return keySayIsPersonal(translator, say);
}
