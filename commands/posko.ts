import { z } from 'zod';
import { parseRef } from '../src/domain/refs.ts';
import { wordValue } from '../src/domain/until.ts';
import { type CommandContext, defineCommand, roleAllows } from '../src/engine/command.ts';
import { UserError } from '../src/engine/errors.ts';
import { itemsText } from '../src/engine/items-text.ts';
import { Outcome } from '../src/engine/outcome.ts';
import type { Posko } from '../src/ledger/index.ts';
import { findPosko, poskoNear, poskoRef } from './lib/offers/format.ts';
import { readPoskoFields } from './lib/offers/posko-text.ts';
import { textLocation } from './lib/supply/location.ts';

const ACTIONS: Record<string, 'add' | 'set' | 'near'> = {
  add: 'add',
  tambah: 'add',
  set: 'set',
  atur: 'set',
  ubah: 'set',
  near: 'near',
  dekat: 'near',
};

const MAX_NAME = 80;
const MAX_LISTED = 5;

function poskoArgs(ctx: CommandContext, p: Posko, km?: number) {
  return {
    ref: poskoRef(p),
    name: p.name,
    where: [p.address, p.area].filter(Boolean).join(' · ') || ctx.t('supply-area-none'),
    hours: p.hours ?? '-',
    accepts:
      p.accepts.length > 0
        ? itemsText(
            p.accepts.map((item) => ({ item })),
            ctx.t,
          )
        : '-',
    contact: p.contact ?? '-',
    distance: km === undefined ? '' : ` · ${km.toFixed(1)} km`,
  };
}

function requireCoordinator(ctx: CommandContext): void {
  if (!roleAllows(ctx.role, 'coordinator'))
    throw new UserError('error-forbidden', { command: 'posko', role: ctx.t('role-coordinator') });
}

/** `/posko add NAME @ PLACE [hours …] [accepts …] [contact …]`: registered at once, fields optional. */
function add(ctx: CommandContext, text: string): Outcome {
  requireCoordinator(ctx);
  const { head, fields } = readPoskoFields(text);
  const at = head.indexOf('@');
  const name = (at < 0 ? '' : head.slice(0, at)).trim();
  const place = at < 0 ? '' : head.slice(at + 1).trim();
  if (!name || !place) throw new UserError('error-usage', { usage: ctx.t('cmd-posko-usage') });
  const located = textLocation(ctx, place);
  if (located.needsArea) throw new UserError('posko-area-unknown', { text: place.slice(0, 60) });
  const p = ctx.ledger.posko.add(ctx.actor, { name: name.slice(0, MAX_NAME), ...located, ...fields });
  return new Outcome().reply('posko-added', poskoArgs(ctx, p));
}

function set(ctx: CommandContext, text: string): Outcome {
  requireCoordinator(ctx);
  const [target = '', ...rest] = text.split(/\s+/);
  const p = findPosko(ctx, target);
  const { fields } = readPoskoFields(` ${rest.join(' ')}`);
  if (Object.keys(fields).length === 0)
    throw new UserError('error-usage', { usage: ctx.t('cmd-posko-usage') });
  return new Outcome().reply('posko-updated', poskoArgs(ctx, ctx.ledger.posko.set(ctx.actor, p.id, fields)!));
}

/** The nearest posko to a place named, or to where the person last shared a location; else all by number. */
function near(ctx: CommandContext, text: string): Outcome {
  const all = ctx.ledger.posko.all();
  if (all.length === 0) return new Outcome().reply('posko-none');
  const { last_lat: lat, last_lon: lon } = ctx.person;
  const place = text
    ? { lat: null, lon: null, area: null, ...textLocation(ctx, text) }
    : lat !== null && lon !== null
      ? { lat, lon, area: null }
      : undefined;
  const listed = place
    ? poskoNear(ctx, place).slice(0, MAX_LISTED)
    : all.slice(0, MAX_LISTED).map((posko) => ({ posko, km: undefined }));
  if (listed.length === 0) return new Outcome().reply('posko-none-near', { place: text });
  return new Outcome().replyLines(
    listed.map((n) => ({ key: 'posko-line', args: poskoArgs(ctx, n.posko, n.km) })),
    { gap: true },
  );
}

/** Collection posts: anyone finds the nearest; coordinators register them and keep their details. */
export default defineCommand({
  names: { en: ['posko'], id: ['poskobantuan'] },
  role: 'anyone',
  args: z.string().trim(),
  run(ctx, text) {
    const [word = '', ...rest] = text.split(/\s+/);
    const action = wordValue(ACTIONS, word.toLowerCase());
    if (action === 'add') return add(ctx, rest.join(' '));
    if (action === 'set') return set(ctx, rest.join(' '));
    if (parseRef(word)?.kind === 'K') return single(ctx, word);
    return near(ctx, action === 'near' ? rest.join(' ') : text);
  },
});

function single(ctx: CommandContext, ref: string): Outcome {
  const p = findPosko(ctx, ref);
  const stock = ctx.ledger.posko.stock(p.id);
  return new Outcome().replyLines([
    { key: 'posko-line', args: poskoArgs(ctx, p) },
    { key: 'stock-line', args: { items: stock.length > 0 ? itemsText(stock, ctx.t) : ctx.t('stock-empty') } },
  ]);
}
