import { z } from 'zod';
import { type PersonId, phoneOfPersonId } from '../../../src/domain/message.ts';
import type { CommandContext, DialogDef } from '../../../src/engine/command.ts';
import type { Outcome } from '../../../src/engine/outcome.ts';
import { choiceStep, textOf } from '../dialog-answers.ts';
import { textLocation } from '../supply/location.ts';
import { locationStep } from '../supply/location-steps.ts';
import { phoneFrom } from '../supply/need-dialog.ts';

/** What the /safe dialog has gathered. */
const SafeData = z.object({
  message: z.string().nullable().optional(),
  phone: z.string().optional(),
  lat: z.number().optional(),
  lon: z.number().optional(),
  address: z.string().optional(),
  area: z.string().nullable().optional(),
  needsArea: z.boolean().optional(),
  located: z.boolean().optional(),
  visibility: z.enum(['phone', 'coordinators']).optional(),
  quick: z.boolean().optional(),
});
export type SafeData = z.infer<typeof SafeData>;

const MAX_MESSAGE = 200;
const PRIVATE_WORDS = /^(private|pribadi|rahasia|coordinators|koordinator)\b\s*/i;

/** The number a check-in is found by: WhatsApp's own, else the one this person gave last time. */
export function knownPhone(ctx: CommandContext): string | undefined {
  return phoneOfPersonId(ctx.sender.id as PersonId) ?? ctx.ledger.checkins.latestOf(ctx.sender.id)?.phone;
}

/** `/safe [private] [message] [@ place]`: with any words, recorded at once (asking only for a number if unknown). */
function start(ctx: CommandContext, text: string, _out: Outcome): SafeData {
  const priv = PRIVATE_WORDS.exec(text);
  const rest = priv ? text.slice(priv[0].length) : text;
  const at = rest.lastIndexOf('@');
  const message = (at < 0 ? rest : rest.slice(0, at)).trim().slice(0, MAX_MESSAGE);
  const place = at < 0 ? '' : rest.slice(at + 1).trim();
  const phone = knownPhone(ctx);
  return {
    ...(message ? { message } : {}),
    ...(phone ? { phone } : {}),
    ...(place ? { ...textLocation(ctx, place), located: true } : {}),
    ...(priv ? { visibility: 'coordinators' as const } : {}),
    quick: text.trim() !== '',
  };
}

function finish(ctx: CommandContext, d: SafeData, out: Outcome): void {
  const { last_lat: lastLat, last_lon: lastLon } = ctx.person;
  const point =
    d.lat !== undefined && d.lon !== undefined
      ? { lat: d.lat, lon: d.lon }
      : lastLat !== null && lastLon !== null && !d.located
        ? { lat: lastLat, lon: lastLon }
        : { lat: null, lon: null };
  const area =
    d.area ??
    (point.lat !== null && point.lon !== null
      ? (ctx.areas.locate(point.lat, point.lon)?.path ?? null)
      : null);
  const c = ctx.ledger.checkins.create(ctx.actor, {
    personId: ctx.sender.id,
    name: ctx.person.display_name,
    phone: d.phone!,
    message: d.message ?? null,
    area,
    ...point,
    visibility: d.visibility ?? 'phone',
  });
  out.reply(c.visibility === 'phone' ? 'safe-recorded' : 'safe-recorded-private', {
    ref: `C-${c.id}`,
    area: c.area ?? ctx.t('supply-area-none'),
  });
}

export const safeDialog: DialogDef<SafeData> = {
  data: SafeData,
  start,
  finish,
  steps: [
    {
      id: 'phone',
      skip: (d) => d.phone !== undefined,
      ask: () => ({ key: 'safe-ask-phone', ask: 'contact' }),
      answer: (_ctx, input, d) => {
        if (input.kind === 'contact') return { ...d, phone: phoneFrom(input.phone) };
        return { ...d, phone: phoneFrom(textOf(input) ?? '') };
      },
    },
    locationStep<SafeData>('safe-ask-place', { skippable: true, skip: (d) => d.quick === true }),
    choiceStep<SafeData, 'phone' | 'coordinators'>({
      id: 'visibility',
      skip: (d) => d.visibility !== undefined || d.quick === true,
      askKey: 'safe-ask-visibility',
      values: ['phone', 'coordinators'],
      label: (v) => `safe-visibility-${v}`,
      invalidKey: 'safe-visibility-invalid',
      set: (d, visibility) => ({ ...d, visibility }),
    }),
  ],
};
