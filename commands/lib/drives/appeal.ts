import { appealFits, readBloodAppeal } from '../../../src/domain/blood-appeal.ts';
import { bloodArgs } from '../../../src/engine/blood-drive.ts';
import type { CommandContext } from '../../../src/engine/command.ts';
import { Outcome } from '../../../src/engine/outcome.ts';
import type { BloodRequest } from '../../../src/ledger/index.ts';

/** The most live counts one answer names: an appeal rarely fits more than one open request. */
const SHOWN = 3;

/** Open, verified requests an appeal may be a copy of; those whose hospital the text names first. */
function fitting(ctx: CommandContext, text: string): BloodRequest[] | undefined {
  const appeal = readBloodAppeal(text);
  if (!appeal) return undefined;
  const folded = text.toLowerCase();
  return ctx.ledger.blood
    .openRequests()
    .filter((r) => r.verified && appealFits(appeal, r.group))
    .map((r) => ({ r, named: folded.includes(r.hospital.toLowerCase()) ? 0 : 1 }))
    .sort((a, b) => a.named - b.named || b.r.id - a.r.id)
    .slice(0, SHOWN)
    .map(({ r }) => r);
}

const countLines = (ctx: CommandContext, found: readonly BloodRequest[]) =>
  found.map((r) => ({ key: 'blood-appeal-line', args: bloodArgs(ctx, r) }));

/**
 * A forwarded blood appeal in a registered group: the live count of the request it belongs to, so
 * people pass on that instead of the old message with the family's number. Silent when no open request
 * fits (listen mode, when on, may still draft it).
 */
export function answerAppealInGroup(ctx: CommandContext, text: string): Outcome | undefined {
  // Every message in every group comes here: the pure reader first, the ledger only for an appeal.
  const found = fitting(ctx, text);
  if (!found?.length) return undefined;
  const group = ctx.ledger.groups.byChat(ctx.chat);
  if (!group?.active) return undefined;
  return new Outcome().toGroup(group.id, {
    lines: [{ key: 'blood-appeal-title' }, ...countLines(ctx, found), { key: 'blood-appeal-forward' }],
  });
}

/** The same in a private chat; an appeal that fits nothing open is told how blood requests work here. */
export function answerAppealInPrivate(ctx: CommandContext, text: string): Outcome | undefined {
  const found = fitting(ctx, text);
  if (found === undefined) return undefined;
  if (found.length === 0) return new Outcome().reply('blood-appeal-unknown');
  return new Outcome().replyLines([
    { key: 'blood-appeal-title' },
    ...countLines(ctx, found),
    { key: 'blood-appeal-forward' },
  ]);
}
