import type { CommandContext } from '../../../src/engine/command.ts';
import type { Hospital } from '../../../src/ledger/index.ts';
import { textLocation } from '../supply/location.ts';

/** The hospital a coordinator names: a registered one by its name, else registered now from the place typed. */
export function hospitalNamed(ctx: CommandContext, text: string): Hospital {
  const known = ctx.ledger.hospitals.named(text);
  if (known) return known;
  const place = textLocation(ctx, text);
  return ctx.ledger.hospitals.ensure(ctx.actor, {
    name: text,
    area: place.area ?? null,
    lat: place.lat ?? null,
    lon: place.lon ?? null,
  });
}
