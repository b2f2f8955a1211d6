import { z } from 'zod';
import { BLOOD_GROUPS, formatBloodGroup, readBloodGroup } from '../../../src/domain/blood.ts';
import type { InboundContent } from '../../../src/domain/message.ts';
import { fromLocal } from '../../../src/domain/when.ts';
import type { CommandContext, DialogDef } from '../../../src/engine/command.ts';
import { UserError } from '../../../src/engine/errors.ts';
import type { Outcome } from '../../../src/engine/outcome.ts';
import { choiceStep, isSkip, SKIP, skipChoice } from '../dialog-answers.ts';
import { pointLocation, textLocation } from '../supply/location.ts';

const DonorData = z.object({
  abo: z.enum(['O', 'A', 'B', 'AB']).optional(),
  rh: z.enum(['+', '-']).optional(),
  last: z.number().nullable().optional(),
  lat: z.number().optional(),
  lon: z.number().optional(),
  area: z.string().nullable().optional(),
  placed: z.boolean().optional(),
  consent: z.boolean().optional(),
});
export type DonorData = z.infer<typeof DonorData>;

const textOf = (input: InboundContent) =>
  input.kind === 'text' ? input.text.trim() : input.kind === 'choice' ? input.value : '';

/** `2026-10-01` or `1/10/2026` (day first): the day of the last donation, not in the future. */
function lastDonation(ctx: CommandContext, text: string): number {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
  if (!y) throw new UserError('donor-last-invalid');
  const at = fromLocal(
    { year: Number(y), month: Number(m), day: Number(d), hour: 12, minute: 0 },
    ctx.config.TZ,
  );
  if (Number.isNaN(at) || at > ctx.now) throw new UserError('donor-last-invalid');
  return at;
}

function finish(ctx: CommandContext, d: DonorData, out: Outcome): void {
  // Without consent the blood group is health data we may not keep: nothing is stored.
  if (!d.consent) {
    out.reply('donor-no-consent');
    return;
  }
  const { last_lat: lat, last_lon: lon } = ctx.person;
  const point =
    d.lat !== undefined && d.lon !== undefined
      ? { lat: d.lat, lon: d.lon }
      : { lat: lat ?? null, lon: lon ?? null };
  ctx.ledger.blood.register(ctx.actor, {
    personId: ctx.sender.id,
    group: { abo: d.abo!, rh: d.rh! },
    lastDonation: d.last ?? null,
    ...point,
    area:
      d.area ??
      (point.lat !== null && point.lon !== null
        ? (ctx.areas.locate(point.lat, point.lon)?.path ?? null)
        : null),
  });
  out.reply('donor-registered', { group: formatBloodGroup({ abo: d.abo!, rh: d.rh! }) });
}

/** `/donor [GROUP]`: blood group, last donation, where, and consent to be asked; nothing else medical. */
export const donorDialog: DialogDef<DonorData> = {
  data: DonorData,
  start: (_ctx, text) => {
    const g = readBloodGroup(text);
    return g ? { abo: g.abo, rh: g.rh } : {};
  },
  finish,
  steps: [
    {
      id: 'group',
      skip: (d) => d.abo !== undefined,
      ask: () => ({
        key: 'donor-ask-group',
        choices: BLOOD_GROUPS.map((g) => ({ value: formatBloodGroup(g), label: formatBloodGroup(g) })),
      }),
      answer: (_ctx, input, d) => {
        const g = readBloodGroup(textOf(input));
        if (!g) throw new UserError('donor-group-invalid');
        return { ...d, abo: g.abo, rh: g.rh };
      },
    },
    {
      id: 'last',
      skip: (d) => d.last !== undefined,
      ask: () => ({ key: 'donor-ask-last', choices: [{ value: SKIP, key: 'donor-last-never' }] }),
      answer: (ctx, input, d) => ({
        ...d,
        last: isSkip(input) ? null : lastDonation(ctx, textOf(input)),
      }),
    },
    {
      id: 'place',
      skip: (d) => d.placed === true,
      ask: () => ({ key: 'donor-ask-place', ask: 'location', choices: [skipChoice] }),
      answer: (ctx, input, d) => {
        if (isSkip(input)) return { ...d, placed: true };
        if (input.kind === 'location')
          return { ...d, ...pointLocation(ctx, input.lat, input.lon), placed: true };
        const l = textLocation(ctx, textOf(input));
        return {
          ...d,
          ...(l.lat === undefined ? {} : { lat: l.lat, lon: l.lon }),
          area: l.area ?? null,
          placed: true,
        };
      },
    },
    choiceStep<DonorData, 'yes' | 'no'>({
      id: 'consent',
      askKey: 'donor-ask-consent',
      values: ['yes', 'no'],
      label: (v) => `donor-consent-${v}`,
      invalidKey: 'donor-consent-invalid',
      set: (d, v) => ({ ...d, consent: v === 'yes' }),
    }),
  ],
};
