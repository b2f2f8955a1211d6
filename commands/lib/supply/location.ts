import { readCoordinates, withoutCoordinates } from '../../../src/domain/coordinates.ts';
import type { CommandContext } from '../../../src/engine/command.ts';
import { UserError } from '../../../src/engine/errors.ts';

/** Where a request is (SPEC 2): a shared point, `lat,lon` typed, or an address with an area. */
export interface RequestLocation {
  lat?: number;
  lon?: number;
  address?: string;
  area?: string | null;
  /** An address that names no known area: the person picks one next. */
  needsArea?: boolean;
}

export const MAX_ADDRESS = 300;

/** A point from a share or typed coordinates, with the area it falls in (null outside every known area). */
export function pointLocation(ctx: CommandContext, lat: number, lon: number): RequestLocation {
  return { lat, lon, area: ctx.areas.locate(lat, lon)?.path ?? null };
}

/**
 * Reads coordinates in any shape (a map link, `-7.80,110.36.`, DMS) or an address; refuses coordinates
 * out of range and empty or huge text. Words beside the coordinates (`Posko Sewon -7.8,110.3`) are kept
 * as the address.
 */
export function textLocation(ctx: CommandContext, text: string): RequestLocation {
  const trimmed = text.trim();
  const read = readCoordinates(trimmed);
  if (read?.kind === 'out-of-range')
    throw new UserError('coordinates-out-of-range', { written: read.written });
  if (read) {
    const words = withoutCoordinates(trimmed).replace(/\s+/g, ' ').trim();
    const address = /\p{L}{3}/u.test(words) ? { address: words.slice(0, MAX_ADDRESS) } : {};
    return { ...pointLocation(ctx, read.lat, read.lon), ...address };
  }
  if (trimmed.length < 3 || !/\p{L}/u.test(trimmed)) throw new UserError('need-location-invalid');
  if (trimmed.length > MAX_ADDRESS) throw new UserError('need-location-too-long', { max: MAX_ADDRESS });
  const named = ctx.areas.lookup(trimmed);
  // The whole text is an area name (`Bantul`): that is the area, and there is no street address.
  if ('area' in named) return { area: named.area.path };
  const mentioned = ctx.areas.mentionedIn(trimmed)[0];
  return mentioned ? { address: trimmed, area: mentioned.path } : { address: trimmed, needsArea: true };
}

/** Picks an area by its path, number or a unique last part; a refusal lists the candidates. */
export function pickArea(ctx: CommandContext, text: string): string {
  const found = ctx.areas.lookup(text);
  if ('area' in found) return found.area.path;
  if ('ambiguous' in found)
    throw new UserError('need-area-ambiguous', {
      options: found.ambiguous
        .slice(0, 6)
        .map((a) => a.path)
        .join(', '),
    });
  throw new UserError('need-area-unknown', { text: text.slice(0, 60) });
}

/** The areas offered as buttons: the level below a single root (the regencies of a province), else the roots. */
export function areaChoices(ctx: CommandContext): string[] {
  const roots = ctx.areas.children();
  const level = roots.length === 1 ? ctx.areas.children(roots[0]!.path) : roots;
  return level.slice(0, 12).map((a) => a.path);
}
