import { z } from 'zod';
import { wordValue } from '../src/domain/until.ts';
import { defineCommand } from '../src/engine/command.ts';
import { draftRef } from '../src/engine/drafts.ts';
import { itemsText } from '../src/engine/items-text.ts';
import { Outcome } from '../src/engine/outcome.ts';
import { showDraft } from './lib/listen/draft-message.ts';
import {
  confirmDraft,
  discardDraft,
  editDraft,
  findDraft,
  mergeDraft,
  openRescue,
  pendingOrRefuse,
} from './lib/listen/draft-moves.ts';
import { defaultTranslator } from './lib/supply/format.ts';

/** `D-3 merge R-5` → the draft, what to do with it, and the rest. */
const DraftArgs = z
  .string()
  .trim()
  .transform((s) => {
    const m = /^(\S+)(?:\s+(\p{L}+))?\s*([\s\S]*)$/u.exec(s);
    return { target: m?.[1] ?? '', action: (m?.[2] ?? 'show').toLowerCase(), rest: m?.[3]?.trim() ?? '' };
  });

const ACTIONS = {
  show: 'show',
  lihat: 'show',
  confirm: 'confirm',
  ok: 'confirm',
  konfirmasi: 'confirm',
  edit: 'edit',
  ubah: 'edit',
  merge: 'merge',
  gabung: 'merge',
  discard: 'discard',
  buang: 'discard',
  rescue: 'rescue',
  evakuasi: 'rescue',
} as const;

/**
 * What listen mode read in the groups (`D-n`), for coordinators, privately: `/draft` lists what waits;
 * `/draft D-3 confirm|edit|merge R-5|discard|rescue` decides, as the buttons under each draft do.
 */
export default defineCommand({
  names: { en: ['draft', 'drafts'], id: ['draf'] },
  role: 'coordinator',
  where: 'private',
  args: DraftArgs,
  run(ctx, { target, action, rest }) {
    const out = new Outcome();
    const t = defaultTranslator(ctx);
    if (target === '') {
      const pending = ctx.ledger.drafts.pending();
      if (pending.length === 0) return out.reply('draft-list-empty');
      return out.replyLines([
        { key: 'draft-list-title', args: { count: pending.length } },
        ...pending.map((d) => ({
          key: 'draft-list-line',
          args: {
            ref: draftRef(d),
            kind: t(`draft-kind-${d.kind}`),
            area: d.area ?? t('supply-area-none'),
            items: itemsText(d.reading.items, t) || '-',
          },
        })),
      ]);
    }
    const d = findDraft(ctx, target);
    const act = wordValue(ACTIONS, action);
    if (act === 'show') return showDraft(ctx, d, out);
    pendingOrRefuse(ctx, d);
    if (act === 'confirm') confirmDraft(ctx, d, out);
    else if (act === 'rescue') openRescue(ctx, d, out);
    else if (act === 'edit') editDraft(ctx, d, rest, out);
    else if (act === 'merge') mergeDraft(ctx, d, rest, out);
    else if (act === 'discard') discardDraft(ctx, d, out);
    else return out.reply('error-usage', { usage: ctx.t('cmd-draft-usage') });
    return out;
  },
});
