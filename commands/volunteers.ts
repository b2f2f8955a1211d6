import { z } from 'zod';
import { SKILLS } from '../src/domain/skills.ts';
import { type CommandContext, defineCommand } from '../src/engine/command.ts';
import { UserError } from '../src/engine/errors.ts';
import { reply } from '../src/engine/outcome.ts';
import type { Volunteer } from '../src/ledger/index.ts';
import { skillLabels, vref } from './lib/volunteers.ts';

/** Lines shown at once; a longer list asks for a narrower filter (the export has them all). */
const SHOWN = 30;

interface Filter {
  area?: string;
  skill?: string;
  available?: boolean;
}

/** `Bantul boat available`, `Kota Yogyakarta medis libur`: words in any order, the rest is the area. */
function parseFilter(ctx: CommandContext, text: string): Filter {
  const filter: Filter = {};
  const rest: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const w = word.toLowerCase();
    const skill = SKILLS.find(
      (s) => s === w || ctx.translator.languages.some((l) => ctx.translator.t(l, `skill-${s}`) === w),
    );
    if (skill) filter.skill = skill;
    else if (['available', 'siap'].includes(w)) filter.available = true;
    else if (['off', 'libur'].includes(w)) filter.available = false;
    else rest.push(word);
  }
  if (rest.length > 0) {
    const found = ctx.areas.lookup(rest.join(' '));
    if (!('area' in found))
      throw new UserError('volunteers-bad-filter', {
        word: rest.join(' ').slice(0, 80),
        skills: SKILLS.join(', '),
      });
    filter.area = found.area.path;
  }
  return filter;
}

function line(ctx: CommandContext, v: Volunteer): string {
  return [
    `${vref(v)} ${v.name ?? ''}`.trim(),
    skillLabels(ctx, v.skills),
    v.area ?? (v.lat !== null ? `${v.lat}, ${v.lon}` : '-'),
    ctx.t(v.available ? 'volunteers-available' : 'volunteers-off'),
    v.phone ?? ctx.t('volunteers-no-phone'),
  ].join(' · ');
}

/** /volunteers [area] [skill] [available|off]: the coordinators' view of who can help where. */
export default defineCommand({
  names: { en: ['volunteers'], id: ['daftarrelawan'] },
  role: 'coordinator',
  // Names and phone numbers: never in a group.
  where: 'private',
  args: z.string().trim().max(200),
  run(ctx, text) {
    const filter = parseFilter(ctx, text);
    const described = [
      filter.area,
      filter.skill && ctx.t(`skill-${filter.skill}`),
      filter.available === undefined
        ? undefined
        : ctx.t(filter.available ? 'volunteers-available' : 'volunteers-off'),
    ].filter(Boolean);
    const shown = described.length > 0 ? ` (${described.join(' · ')})` : '';
    const { volunteers, total } = ctx.ledger.volunteers.list({ ...filter, limit: SHOWN });
    if (total === 0) return reply('volunteers-none', { filter: shown });
    const lines = volunteers.map((v) => line(ctx, v));
    if (total > volunteers.length) lines.push(ctx.t('volunteers-more', { more: total - volunteers.length }));
    return reply('volunteers-list', { filter: shown, total, lines: lines.join('\n') });
  },
});
