import { z } from 'zod';
import type { ItemId } from '../src/domain/items.ts';
import { parseRef } from '../src/domain/refs.ts';
import { wordValue } from '../src/domain/until.ts';
import { type CommandContext, defineCommand } from '../src/engine/command.ts';
import { UserError } from '../src/engine/errors.ts';
import { itemsText } from '../src/engine/items-text.ts';
import { Outcome } from '../src/engine/outcome.ts';
import type { Posko, StockLine } from '../src/ledger/index.ts';
import { findPosko, poskoRef } from './lib/offers/format.ts';
import { itemsFrom } from './lib/supply/need-dialog.ts';

const DIRECTIONS: Record<string, 'in' | 'out'> = { in: 'in', masuk: 'in', out: 'out', keluar: 'out' };

/** The posko a text starts with: `K-2 …`, or the longest registered name (`Posko Imogiri 20 air`). */
function leadingPosko(ctx: CommandContext, text: string): { posko: Posko; rest: string } {
  const [first = '', ...after] = text.split(/\s+/);
  if (parseRef(first)?.kind === 'K') return { posko: findPosko(ctx, first), rest: after.join(' ') };
  const named = ctx.ledger.posko
    .all()
    .filter((p) => text.toLowerCase().startsWith(`${p.name.toLowerCase()} `))
    .sort((a, b) => b.name.length - a.name.length)[0];
  if (!named) throw new UserError('posko-not-found', { text: first });
  return { posko: named, rest: text.slice(named.name.length).trim() };
}

/** Goods lines with a quantity, catalog items only (a stock of "other things" tells nobody anything). */
function stockLines(text: string): StockLine[] {
  return itemsFrom(text).map((i) => {
    if (i.item === 'other') throw new UserError('stock-item-unknown', { text: i.text ?? '' });
    if (i.qty === undefined) throw new UserError('stock-qty-needed', { item: i.text ?? i.item });
    return { item: i.item as ItemId, qty: i.qty, ...(i.unit ? { unit: i.unit } : {}) };
  });
}

const stockText = (ctx: CommandContext, p: Posko) => {
  const stock = ctx.ledger.posko.stock(p.id);
  return stock.length > 0 ? itemsText(stock, ctx.t) : ctx.t('stock-empty');
};

/**
 * `/stock in K-1 20 water, 5 kg rice` records goods received; `/stock out …` goods handed out, never
 * more than the posko holds; `/stock K-1` shows what it holds. Each movement is an event.
 */
export default defineCommand({
  names: { en: ['stock'], id: ['stok'] },
  role: 'coordinator',
  args: z.string().trim().min(1),
  run(ctx, text) {
    const [word = '', ...rest] = text.split(/\s+/);
    const direction = wordValue(DIRECTIONS, word.toLowerCase());
    if (!direction) {
      const p = findPosko(ctx, text);
      return new Outcome().reply('stock-show', { ref: poskoRef(p), name: p.name, items: stockText(ctx, p) });
    }
    const { posko, rest: goods } = leadingPosko(ctx, rest.join(' '));
    const lines = stockLines(goods);
    const result = ctx.ledger.posko.move(ctx.actor, posko.id, direction, lines);
    if (!result.ok)
      throw new UserError('stock-short', {
        ref: poskoRef(posko),
        asked: itemsText([result.short], ctx.t),
        have: itemsText([{ ...result.short, qty: result.have }], ctx.t),
      });
    return new Outcome().reply(`stock-${direction}-done`, {
      ref: poskoRef(posko),
      name: posko.name,
      moved: itemsText(lines, ctx.t),
      items: stockText(ctx, posko),
    });
  },
});
