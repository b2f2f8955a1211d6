import { z } from 'zod';
import { readBloodGroup } from '../src/domain/blood.ts';
import { parseRef } from '../src/domain/refs.ts';
import { readUntil, splitUntil } from '../src/domain/until.ts';
import { askNextWave, bloodArgs } from '../src/engine/blood-drive.ts';
import { type CommandContext, defineCommand, roleAllows } from '../src/engine/command.ts';
import { UserError } from '../src/engine/errors.ts';
import { Outcome } from '../src/engine/outcome.ts';
import type { BloodRequest } from '../src/ledger/index.ts';
import { answerAppealInGroup, answerAppealInPrivate } from './lib/drives/appeal.ts';
import { hospitalNamed } from './lib/drives/hospital.ts';

const MAX_BAGS = 50;
const DAY = 86_400_000;

const isCoordinator = (ctx: CommandContext) => roleAllows(ctx.role, 'coordinator');

/** Asks the first wave of donors and tells the supply groups: once a coordinator vouches for the request. */
function goLive(ctx: CommandContext, r: BloodRequest, out: Outcome): number {
  const asked = askNextWave(ctx, r, out);
  out.announce('supply', r.area, 'blood-announce', bloodArgs(ctx, r), { subject: `T-${r.id}` });
  return asked;
}

/**
 * `/blood O+ 3 @ RS Panembahan Senopati, Bantul [until tomorrow]`. A coordinator's request is verified as
 * made and asks its first wave at once; a hospital or PMI staff member's (`@ HOSPITAL` may be left out:
 * it is their hospital) waits for a coordinator's `/blood T-n verify`.
 */
function request(ctx: CommandContext, text: string): Outcome {
  const staffOf = ctx.ledger.hospitals.staffOf(ctx.sender.id);
  if (!isCoordinator(ctx) && !staffOf) throw new UserError('blood-not-entitled');
  const m = /^(\S+(?:\s*(?:pos|neg)\S*)?)\s+(\d{1,2})\s*(?:bags?|kantong|kantung)?\s*(?:@\s*(.+))?$/i.exec(
    text,
  );
  const group = m ? readBloodGroup(m[1]!) : undefined;
  const bags = Number(m?.[2]);
  const named = splitUntil(m?.[3] ?? '');
  if (!m || !group || !(bags >= 1 && bags <= MAX_BAGS) || (!named.before.trim() && !staffOf))
    throw new UserError('error-usage', { usage: ctx.t('cmd-blood-usage') });
  const deadline = named.until ? readUntil(named.until, ctx.config.TZ, ctx.now) : ctx.now + DAY;
  if (deadline === undefined) throw new UserError('offer-until-invalid');
  // Staff ask for their own hospital only, whatever they typed after `@`.
  const hospital = isCoordinator(ctx) && named.before.trim() ? hospitalNamed(ctx, named.before) : staffOf!;
  const r = ctx.ledger.blood.createRequest(ctx.actor, {
    requester: ctx.sender.id,
    group,
    bags,
    hospital: hospital.name,
    hospitalId: hospital.id,
    area: hospital.area,
    lat: hospital.lat,
    lon: hospital.lon,
    deadline,
    verified: isCoordinator(ctx),
  });
  const out = new Outcome();
  if (!r.verified) {
    out.reply('blood-created-unverified', bloodArgs(ctx, r));
    out.toCoordinators('blood-verify-coordinators', bloodArgs(ctx, r));
    return out;
  }
  const asked = goLive(ctx, r, out);
  return out.reply('blood-created', { ...bloodArgs(ctx, r), asked });
}

/** `/blood T-n verify`: a coordinator vouches for a staff member's request; donors are asked from now. */
function verify(ctx: CommandContext, r: BloodRequest): Outcome {
  if (!isCoordinator(ctx)) throw new UserError('blood-not-entitled');
  if (!ctx.ledger.blood.verify(ctx.actor, r.id))
    throw new UserError('blood-not-waiting', { ref: `T-${r.id}` });
  const live = ctx.ledger.blood.request(r.id)!;
  const out = new Outcome();
  const asked = goLive(ctx, live, out);
  out.reply('blood-created', { ...bloodArgs(ctx, live), asked });
  return out.notify(r.requester, 'blood-verified-requester', { ...bloodArgs(ctx, live), asked });
}

/** Open requests with their counts: every one for coordinators, their hospital's for staff. */
function list(ctx: CommandContext): Outcome {
  const staffOf = isCoordinator(ctx) ? undefined : ctx.ledger.hospitals.staffOf(ctx.sender.id);
  if (!isCoordinator(ctx) && !staffOf) throw new UserError('blood-not-entitled');
  const open = ctx.ledger.blood
    .openRequests()
    .filter((r) => staffOf === undefined || r.hospitalId === staffOf.id);
  if (open.length === 0) return new Outcome().reply('blood-none');
  return new Outcome().replyLines(
    open.map((r) => ({
      key: 'blood-line',
      args: { ...bloodArgs(ctx, r), ...ctx.ledger.blood.counts(r.id) },
    })),
  );
}

/**
 * Blood requests, by coordinators and by the hospital or PMI staff they named (`/bloodstaff`): the
 * group, the bags, the hospital and a deadline (default a day). `/blood T-n verify` vouches for a
 * staff member's request, `/blood T-n close` ends one with the hospital's word; `/blood` lists those
 * open with how many donors said yes. Declared for anyone: who may ask is checked here, as staff hold
 * no role.
 */
export default defineCommand({
  names: { en: ['blood'], id: ['darah'] },
  role: 'anyone',
  args: z.string().trim(),
  onGroupText: answerAppealInGroup,
  onPrivateText: answerAppealInPrivate,
  run(ctx, text) {
    if (!text) return list(ctx);
    const [first = '', word = ''] = text.split(/\s+/);
    const ref = parseRef(first);
    if (ref?.kind !== 'T') return request(ctx, text);
    if (!isCoordinator(ctx)) throw new UserError('blood-not-entitled');
    const r = ctx.ledger.blood.request(ref.id);
    if (!r) throw new UserError('blood-not-found', { ref: `T-${ref.id}` });
    if (/^(verify|verifikasi)$/i.test(word)) return verify(ctx, r);
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
