import { z } from 'zod';
import { defineCommand } from '../src/core/command.ts';
import { Outcome } from '../src/core/outcome.ts';
import { requestArgs } from './supply/format.ts';

const PAGE = 10;

/** `5 min`, `3 h`, `2 d`: how long a request has waited. */
function age(ms: number, t: (key: string, args: Record<string, number>) => string): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return t('supply-age-minutes', { n: minutes });
  if (minutes < 48 * 60) return t('supply-age-hours', { n: Math.floor(minutes / 60) });
  return t('supply-age-days', { n: Math.floor(minutes / 1440) });
}

/** Requests still needing action, most urgent first, then the most people, then the oldest; paged. */
export default defineCommand({
  names: { en: ['open'], id: ['terbuka'] },
  role: 'coordinator',
  args: z
    .string()
    .trim()
    .regex(/^\d{0,6}$/, 'open-page-invalid')
    .transform((s) => Math.max(1, Number(s) || 1)),
  run(ctx, page) {
    const { requests, total } = ctx.ledger.requests.open(PAGE, (page - 1) * PAGE);
    if (total === 0) return new Outcome().reply('open-none');
    const pages = Math.ceil(total / PAGE);
    if (requests.length === 0) return new Outcome().reply('open-page-empty', { page, pages });
    const lines = requests.map((r) =>
      ctx.t('open-line', { ...requestArgs(r, ctx.t), age: age(ctx.now - r.createdAt, ctx.t) }),
    );
    return new Outcome().reply(
      'open-list',
      { lines: lines.join('\n'), page, pages, total },
      page < pages
        ? { choices: [{ value: `/open ${page + 1}`, key: 'open-next', args: { page: page + 1 } }] }
        : {},
    );
  },
});
