import { type GroupReading, readGroupMessage } from '../../../src/domain/group-reading.ts';
import { wordsFingerprint } from '../../../src/domain/words-fingerprint.ts';
import type { CommandContext } from '../../../src/engine/command.ts';
import { Outcome } from '../../../src/engine/outcome.ts';
import type { Group } from '../../../src/ledger/index.ts';
import { tellCoordinators } from './draft-message.ts';

/** Longer texts are kept to this many characters: a draft is a pointer for a coordinator, not an archive. */
const MAX_WORDS = 2000;

/** Forwards of what was first written this long ago are old requests, met or not, not new ones. */
const OLD_FORWARD_MS = 24 * 3_600_000;

function oldForward(ctx: CommandContext): boolean {
  const f = ctx.message.forwarded;
  return f !== undefined && (f.often === true || (f.at !== undefined && ctx.now - f.at > OLD_FORWARD_MS));
}

/** The area a draft is about: one named in the words, else the group's. */
function areaOf(ctx: CommandContext, reading: GroupReading, words: string, group: Group): string | null {
  const named = ctx.areas.mentionedIn(`${reading.place ?? ''} ${words}`)[0];
  return named?.path ?? group.area;
}

/**
 * A message in a listened group: danger alerts every coordinator at once; a need or an offer becomes a
 * draft sent to them privately; anything else is left alone, and nothing is kept of it beyond the inbox.
 * Nothing is ever said in the group. Returns undefined where the group does not listen.
 */
export function readInGroup(ctx: CommandContext, text: string): Outcome | undefined {
  const group = ctx.ledger.groups.byChat(ctx.chat);
  if (!group?.listening || !group.active) return undefined;
  const out = new Outcome();
  const reading = readGroupMessage(text);
  if (reading.kind === 'noise') return out;
  // A need or an offer forwarded from days ago, or round many groups, is old news; danger is never dropped.
  if (reading.kind !== 'danger' && oldForward(ctx)) return out;
  const words = text.slice(0, MAX_WORDS);
  const fingerprint = wordsFingerprint(words);
  const same = ctx.ledger.drafts.sameWords(fingerprint, ctx.now);
  if (same) {
    ctx.ledger.drafts.seenAgain(ctx.actor, same.id, group.id);
    return out;
  }
  const draft = ctx.ledger.drafts.create(ctx.actor, {
    kind: reading.kind,
    writer: ctx.sender.id,
    groupId: group.id,
    fingerprint,
    words,
    reading,
    area: areaOf(ctx, reading, words, group),
  });
  return tellCoordinators(ctx, draft, out);
}
