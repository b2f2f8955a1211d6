import { z } from 'zod';
import { AGE_RANGES } from '../../../src/domain/age-ranges.ts';
import { isWithin } from '../../../src/domain/areas.ts';
import type { InboundContent } from '../../../src/domain/message.ts';
import { similarNames } from '../../../src/domain/person-names.ts';
import { formatRef } from '../../../src/domain/refs.ts';
import { formatLocal } from '../../../src/domain/when.ts';
import type { CommandContext, DialogDef } from '../../../src/engine/command.ts';
import { UserError } from '../../../src/engine/errors.ts';
import type { Tr } from '../../../src/engine/items-text.ts';
import type { Outcome } from '../../../src/engine/outcome.ts';
import type { MissingReport } from '../../../src/ledger/index.ts';
import { choiceStep, isSkip, skipChoice } from '../dialog-answers.ts';
import { defaultTranslator } from '../supply/format.ts';
import { pointLocation, textLocation } from '../supply/location.ts';
import { phoneFrom } from '../supply/need-dialog.ts';

const MissingData = z.object({
  name: z.string().optional(),
  ageRange: z.enum(AGE_RANGES).optional(),
  lastPlace: z.string().nullable().optional(),
  area: z.string().nullable().optional(),
  placed: z.boolean().optional(),
  lastSeen: z.string().nullable().optional(),
  contact: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
});
export type MissingData = z.infer<typeof MissingData>;

const MAX_TEXT = 200;
const MATCH_WINDOW_MS = 14 * 86_400_000;
const shortText = (input: InboundContent, max = MAX_TEXT) => {
  const text = input.kind === 'text' ? input.text.trim() : '';
  if (!text || text.length > max) throw new UserError('missing-text-invalid', { max });
  return text;
};

const near = (a: string | null, b: string | null) => !a || !b || isWithin(a, b) || isWithin(b, a);

/**
 * Possible matches for a report, for a coordinator to check: check-ins under a similar name in a
 * related area, and rescue cases in that area since shortly before the report. Hints, never conclusions.
 */
export function possibleMatches(ctx: CommandContext, m: MissingReport, t: Tr): string[] {
  const checkins = ctx.ledger.checkins
    .since(m.createdAt - MATCH_WINDOW_MS)
    .filter((c) => c.name !== null && similarNames(m.name, c.name) && near(m.area, c.area))
    .slice(0, 5)
    .map((c) =>
      t('missing-match-checkin', {
        ref: formatRef('C', c.id),
        name: c.name ?? '-',
        area: c.area ?? '-',
        at: formatLocal(c.createdAt, ctx.config.TZ),
        command: `/found ${formatRef('M', m.id)} ${formatRef('C', c.id)}`,
      }),
    );
  const rescues = m.area
    ? ctx.ledger.rescues
        .recentInArea(m.area, m.createdAt - MATCH_WINDOW_MS)
        .slice(0, 5)
        .map((s) =>
          t('missing-match-rescue', {
            ref: formatRef('S', s.id),
            area: s.area ?? '-',
            command: `/found ${formatRef('M', m.id)} ${formatRef('S', s.id)}`,
          }),
        )
    : [];
  return [...checkins, ...rescues];
}

/** The report as coordinators read it, with its possible matches. */
export function reportArgs(ctx: CommandContext, m: MissingReport, t: Tr) {
  const matches = possibleMatches(ctx, m, t);
  return {
    ref: formatRef('M', m.id),
    name: m.name,
    age: t(`missing-age-${m.ageRange}`),
    place: [m.lastPlace, m.area].filter(Boolean).join(' · ') || '-',
    when: m.lastSeen ?? '-',
    description: m.description ?? '-',
    matches: matches.length > 0 ? matches.join('\n') : t('missing-no-matches'),
  };
}

function finish(ctx: CommandContext, d: MissingData, out: Outcome): void {
  const m = ctx.ledger.missing.create(ctx.actor, {
    reporter: ctx.sender.id,
    name: d.name!,
    ageRange: d.ageRange ?? 'unknown',
    lastPlace: d.lastPlace ?? null,
    area: d.area ?? null,
    lastSeen: d.lastSeen ?? null,
    contact: d.contact ?? null,
    description: d.description ?? null,
  });
  out.reply('missing-created', { ref: formatRef('M', m.id), name: m.name });
  out.toCoordinators('missing-new-coordinators', reportArgs(ctx, m, defaultTranslator(ctx)));
}

export const missingDialog: DialogDef<MissingData> = {
  data: MissingData,
  start: (_ctx, text) => (text.trim() ? { name: text.trim().slice(0, 80) } : {}),
  finish,
  steps: [
    {
      id: 'name',
      skip: (d) => d.name !== undefined,
      ask: () => ({ key: 'missing-ask-name' }),
      answer: (_ctx, input, d) => ({ ...d, name: shortText(input, 80) }),
    },
    choiceStep<MissingData, (typeof AGE_RANGES)[number]>({
      id: 'age',
      skip: (d) => d.ageRange !== undefined,
      askKey: 'missing-ask-age',
      values: AGE_RANGES,
      label: (a) => `missing-age-${a}`,
      invalidKey: 'missing-age-invalid',
      set: (d, ageRange) => ({ ...d, ageRange }),
    }),
    {
      id: 'place',
      skip: (d) => d.placed === true,
      ask: () => ({ key: 'missing-ask-place', ask: 'location', choices: [skipChoice] }),
      answer: (ctx, input, d) => {
        if (isSkip(input)) return { ...d, placed: true };
        if (input.kind === 'location')
          return { ...d, area: pointLocation(ctx, input.lat, input.lon).area ?? null, placed: true };
        const text = shortText(input);
        const l = textLocation(ctx, text);
        return { ...d, lastPlace: text, area: l.area ?? null, placed: true };
      },
    },
    {
      id: 'when',
      skip: (d) => d.lastSeen !== undefined,
      ask: () => ({ key: 'missing-ask-when', choices: [skipChoice] }),
      answer: (_ctx, input, d) => ({ ...d, lastSeen: isSkip(input) ? null : shortText(input, 80) }),
    },
    {
      id: 'contact',
      skip: (d) => d.contact !== undefined,
      ask: () => ({ key: 'missing-ask-contact', ask: 'contact', choices: [skipChoice] }),
      answer: (_ctx, input, d) => {
        if (isSkip(input)) return { ...d, contact: null };
        if (input.kind === 'contact') return { ...d, contact: phoneFrom(input.phone) };
        return { ...d, contact: phoneFrom(input.kind === 'text' ? input.text : '') };
      },
    },
    {
      id: 'description',
      skip: (d) => d.description !== undefined,
      ask: () => ({ key: 'missing-ask-description', choices: [skipChoice] }),
      answer: (_ctx, input, d) => ({ ...d, description: isSkip(input) ? null : shortText(input) }),
    },
  ],
};
