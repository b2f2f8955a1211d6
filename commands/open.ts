import { z } from 'zod';
import { defineCommand } from '../src/engine/command.ts';
import { Outcome } from '../src/engine/outcome.ts';
import { requestArgs } from './lib/supply/format.ts';
import { pickArea } from './lib/supply/location.ts';

const PAGE = 10;

/** `/open`, `/open 2`, `/open Imogiri`, `/open Bantul 2`: an optional area, then an optional page. */
const OpenArgs = z
  .string()
  .trim()
  .max(200)
  .transform((s) => {
    const m = /^(.*?)\s*(\d{1,6})?$/s.exec(s)!;
    return { area: m[1] ?? '', page: Math.max(1, Number(m[2] ?? 1)) };
  });

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
  args: OpenArgs,
  run(ctx, { area: areaText, page }) {
    const area = areaText ? pickArea(ctx, areaText) : undefined;
    const { requests, total } = ctx.ledger.requests.open(PAGE, (page - 1) * PAGE, area);
    const where = area ?? ctx.t('open-everywhere');
    if (total === 0) return new Outcome().reply('open-none', { area: where });
    const pages = Math.ceil(total / PAGE);
    if (requests.length === 0) return new Outcome().reply('open-page-empty', { page, pages });
    const lines = requests.map((r) =>
      ctx.t('open-line', { ...requestArgs(r, ctx.t), age: age(ctx.now - r.createdAt, ctx.t) }),
    );
    const next = `/open ${area ? `${area} ` : ''}${page + 1}`;
    return new Outcome().reply(
      'open-list',
      { lines: lines.join('\n'), page, pages, total, area: where },
      page < pages ? { choices: [{ value: next, key: 'open-next', args: { page: page + 1 } }] } : {},
    );
  },
});
