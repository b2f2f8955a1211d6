import type { Draft, DraftKind, Ledger } from '../ledger/index.ts';
import { draftRef, likelyDuplicate } from './drafts.ts';
import { itemsAsWritten, type Tr } from './items-text.ts';

/**
 * A listen-mode draft (`D-n`) waiting for a coordinator: what was read in the group and the words as
 * written (personal data: the coordinators' view alone carries it). A danger draft is an alert nobody
 * has acted on yet.
 */
export interface DraftPin {
  ref: string;
  kind: DraftKind;
  /** `G-2 Posko Imogiri`: the group it was read in. */
  group: string;
  area: string | null;
  writer: string;
  words: string;
  items: string;
  people: number | null;
  place: string | null;
  contact: string | null;
  conditions: string[];
  /** How many listened groups the same words came from. */
  seenIn: number;
  escalation: number;
  createdAt: number;
  /** `D-2` or `R-5`: the record this draft likely repeats (the chat's "Same as" button). */
  duplicate: string | null;
}

function draftPin(ledger: Ledger, d: Draft, t: Tr): DraftPin {
  const group = ledger.groups.get(d.groupId);
  const writer = ledger.people.get(d.writer)?.display_name;
  const r = d.reading;
  return {
    ref: draftRef(d),
    kind: d.kind,
    group: `G-${d.groupId}${group?.title ? ` ${group.title}` : ''}`,
    area: d.area,
    writer: writer ? `${writer} (${d.writer})` : d.writer,
    words: d.words,
    items: itemsAsWritten(r.items, t),
    people: r.people ?? null,
    place: r.place ?? null,
    contact: r.phone ?? null,
    conditions: r.conditions.map((k) => t(`rescue-condition-${k}`)),
    seenIn: d.seenIn,
    escalation: d.escalationLevel,
    createdAt: d.createdAt,
    duplicate: likelyDuplicate(ledger, d) ?? null,
  };
}

/** The drafts waiting for a coordinator, newest first, at most `limit`. */
export const draftPins = (ledger: Ledger, t: Tr, limit: number): DraftPin[] =>
  ledger.drafts.pending(limit, 'newest').map((d) => draftPin(ledger, d, t));
