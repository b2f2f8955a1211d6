import { z } from 'zod';
import { isWithin } from '../src/domain/areas.ts';
import { serviceOf } from '../src/domain/services.ts';
import { SKILLS, type Skill } from '../src/domain/skills.ts';
import { type CommandContext, defineCommand } from '../src/engine/command.ts';
import { UserError } from '../src/engine/errors.ts';
import { type KeySay, Outcome } from '../src/engine/outcome.ts';
import type { Offer } from '../src/ledger/index.ts';
import { offerArgs } from './lib/offers/format.ts';

/** Lines shown at once; a longer list asks for a narrower filter (the export has them all). */
const SHOWN = 30;

/** A skill as typed: its id, its label in any language, or a service word (`truk`, `perahu`). */
function skillOf(ctx: CommandContext, word: string): Skill | undefined {
  const w = word.toLowerCase();
  return (
    SKILLS.find(
      (s) => s === w || ctx.translator.languages.some((l) => ctx.translator.t(l, `skill-${s}`) === w),
    ) ?? serviceOf(w)
  );
}

/** `boat Bantul`, `truk`, `Sleman`: a service and an area, in any order. */
function parseFilter(ctx: CommandContext, text: string): { skill?: Skill; area?: string } {
  const rest: string[] = [];
  let skill: Skill | undefined;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const s = skillOf(ctx, word);
    if (s && !skill) skill = s;
    else rest.push(word);
  }
  if (rest.length === 0) return skill ? { skill } : {};
  const found = ctx.areas.lookup(rest.join(' '));
  if (!('area' in found))
    throw new UserError('offers-bad-filter', {
      word: rest.join(' ').slice(0, 80),
      skills: SKILLS.join(', '),
    });
  return { ...(skill ? { skill } : {}), area: found.area.path };
}

const fits = (o: Offer, f: { skill?: Skill; area?: string }) =>
  (f.skill === undefined || o.services.some((s) => s.skill === f.skill)) &&
  (f.area === undefined || (o.area !== null && isWithin(o.area, f.area)));

/**
 * `/offers [SERVICE] [AREA]`: the offers standing now, for coordinators, with the donor's contact: who
 * has a truck or a boat near Bantul. Donors' contacts: never in a group.
 */
export default defineCommand({
  names: { en: ['offers'], id: ['daftartawaran'] },
  role: 'coordinator',
  where: 'private',
  args: z.string().trim().max(200),
  run(ctx, text) {
    const filter = parseFilter(ctx, text);
    const all = ctx.ledger.offers.standing(ctx.now).filter((o) => fits(o, filter));
    const described = [filter.skill && ctx.t(`service-${filter.skill}`), filter.area]
      .filter(Boolean)
      .join(' · ');
    if (all.length === 0) return new Outcome().reply('offers-none', { filter: described || '-' });
    const lines: KeySay[] = all.slice(0, SHOWN).map((o) => ({
      key: 'offers-line',
      args: { ...offerArgs(o, ctx, ctx.t), contact: o.contact ?? ctx.t('volunteers-no-phone') },
    }));
    if (all.length > SHOWN) lines.push({ key: 'offers-more', args: { more: all.length - SHOWN } });
    return new Outcome().replyLines([
      { key: 'offers-title', args: { count: all.length, filter: described || '-' } },
      ...lines,
    ]);
  },
});
