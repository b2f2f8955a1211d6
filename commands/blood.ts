import { z } from 'zod';
import { readBloodGroup } from '../src/domain/blood.ts';
import { parseRef } from '../src/domain/refs.ts';
import { readUntil, splitUntil } from '../src/domain/until.ts';
import { askNextWave, bloodArgs } from '../src/engine/blood-drive.ts';
import { type CommandContext, defineCommand } from '../src/engine/command.ts';
import { UserError } from '../src/engine/errors.ts';
import { Outcome } from '../src/engine/outcome.ts';
import { textLocation } from './lib/supply/location.ts';

const MAX_BAGS = 50;
const DAY = 86_400_000;

/** `/blood O+ 3 @ RS Panembahan Senopati, Bantul [until tomorrow]`: asked at once, first wave of donors too. */
function request(ctx: CommandContext, text: string): Outcome {
  const m = /^(\S+(?:\s*(?:pos|neg)\S*)?)\s+(\d{1,2})\s*(?:bags?|kantong|kantung)?\s*@\s*(.+)$/i.exec(text);
  const group = m ? readBloodGroup(m[1]!) : undefined;
  const bags = Number(m?.[2]);
  if (!m || !group || !(bags >= 1 && bags <= MAX_BAGS))
    throw new UserError('error-usage', { usage: ctx.t('cmd-blood-usage') });
  const { before: hospital, until } = splitUntil(m[3]!);
  const deadline = until ? readUntil(until, ctx.config.TZ, ctx.now) : ctx.now + DAY;
  if (deadline === undefined) throw new UserError('offer-until-invalid');
  const place = textLocation(ctx, hospital);
  const r = ctx.ledger.blood.createRequest(ctx.actor, {
    requester: ctx.sender.id,
    group,
    bags,
    hospital: hospital.slice(0, 120),
    area: place.area ?? null,
    lat: place.lat ?? null,
    lon: place.lon ?? null,
    deadline,
  });
  const out = new Outcome();
  const asked = askNextWave(ctx, r, out);
  out.reply('blood-created', { ...bloodArgs(ctx, r), asked });
  out.announce('supply', r.area, 'blood-announce', bloodArgs(ctx, r), { subject: `T-${r.id}` });
  return out;
}

/** Open requests with their counts, for coordinators. */
function list(ctx: CommandContext): Outcome {
  const open = ctx.ledger.blood.openRequests();
  if (open.length === 0) return new Outcome().reply('blood-none');
  return new Outcome().replyLines(
    open.map((r) => ({
      key: 'blood-line',
      args: { ...bloodArgs(ctx, r), ...ctx.ledger.blood.counts(r.id) },
    })),
  );
}

/**
 * Blood requests, by coordinators (who vouch for them, so they are verified as they are made): the
 * group, the bags, the hospital and a deadline (default a day). `/blood T-n close` ends one with the
 * hospital's word; `/blood` lists those open with how many donors said yes.
 */
export default defineCommand({
  names: { en: ['blood'], id: ['darah'] },
  role: 'coordinator',
  args: z.string().trim(),
  run(ctx, text) {
    if (!text) return list(ctx);
    const [first = '', word = ''] = text.split(/\s+/);
    const ref = parseRef(first);
    if (ref?.kind !== 'T') return request(ctx, text);
    const r = ctx.ledger.blood.request(ref.id);
    if (!r) throw new UserError('blood-not-found', { ref: `T-${ref.id}` });
    if (!/^(close|tutup)$/i.test(word))
      throw new UserError('error-usage', { usage: ctx.t('cmd-blood-usage') });
    if (!ctx.ledger.blood.setStatus(ctx.actor, r.id, 'closed'))
      throw new UserError('blood-already-closed', { ref: `T-${r.id}` });
    const out = new Outcome().reply('blood-closed', bloodArgs(ctx, r));
    for (const p of ctx.ledger.blood.waiting(r.id))
      out.notify(p, 'blood-covered-donor', { ref: `T-${r.id}` });
    return out;
  },
});
