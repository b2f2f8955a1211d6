import { draftCommand } from '../domain/draft-commands.ts';
import { formatRef } from '../domain/refs.ts';
import type { MessageArgs } from '../i18n/catalog.ts';
import type { Draft, Ledger } from '../ledger/index.ts';
import { itemsAsWritten, type Tr } from './items-text.ts';
import type { ChoiceSpec } from './outcome.ts';

/**
 * What listen mode's messages about a draft (`D-n`) say, shared by the commands and the escalation job:
 * coordinators read everything, privately (the writer, the group, the words as written).
 */

export const draftRef = (d: Pick<Draft, 'id'>) => `D-${d.id}`;

/** The arguments of every coordinator's message about a draft. */
export function draftArgs(ledger: Ledger, d: Draft, t: Tr, now: number): MessageArgs {
  const group = ledger.groups.get(d.groupId);
  const writer = ledger.people.get(d.writer)?.display_name;
  const r = d.reading;
  return {
    ref: draftRef(d),
    kind: t(`draft-kind-${d.kind}`),
    group: `G-${d.groupId}${group?.title ? ` ${group.title}` : ''}`,
    area: d.area ?? t('supply-area-none'),
    items: r.items.length > 0 ? itemsAsWritten(r.items, t) : t('draft-none'),
    people: r.people ?? t('draft-none'),
    where: r.place ?? t('draft-none'),
    contact: r.phone ?? t('draft-none'),
    writer: writer ? `${writer} (${d.writer})` : d.writer,
    words: d.words,
    seen: d.seenIn,
    minutes: Math.max(0, Math.floor((now - d.createdAt) / 60_000)),
    level: d.escalationLevel,
  };
}

/** The likeliest record a draft repeats: a pending draft of the same kind, else a live request. */
export function likelyDuplicate(ledger: Ledger, d: Draft): string | undefined {
  const draft = ledger.drafts.likelyDuplicates(d)[0];
  if (draft) return draftRef(draft);
  if (d.kind !== 'need') return undefined;
  const request = ledger.requests.likelyDuplicates({
    id: 0,
    requester: d.writer,
    area: d.area,
    items: d.reading.items,
    createdAt: d.createdAt,
  })[0];
  return request && formatRef('R', request.request.id);
}

/** The one-tap answers to a danger alert: open a rescue case, or say it is no danger. */
export function dangerChoices(d: Draft): ChoiceSpec[] {
  return [
    { value: draftCommand(draftRef(d), 'rescue'), key: 'draft-choice-rescue' },
    { value: draftCommand(draftRef(d), 'discard'), key: 'draft-choice-not-danger' },
  ];
}
