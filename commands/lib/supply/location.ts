import { type Area, type AreaLookup, isWithin } from '../../../src/domain/areas.ts';
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

const LAT_LON = /^\s*(-?\d{1,3}(?:\.\d+)?)\s*[,;\s]\s*(-?\d{1,3}(?:\.\d+)?)\s*$/;
export const MAX_ADDRESS = 300;

/**
 * An area name, where a name shared by an area and places inside it (`Bantul`, the regency, and
 * `Bantul/Bantul`, its district) means the larger one.
 */
function lookupArea(ctx: CommandContext, text: string): AreaLookup {
  const found = ctx.areas.lookup(text);
  if (!('ambiguous' in found)) return found;
  const outer = found.ambiguous.find((a: Area) => found.ambiguous.every((b) => isWithin(b.path, a.path)));
  return outer ? { area: outer } : found;
}

/** A point from a share or typed coordinates, with the area it falls in (null outside every known area). */
export function pointLocation(ctx: CommandContext, lat: number, lon: number): RequestLocation {
  return { lat, lon, area: ctx.areas.locate(lat, lon)?.path ?? null };
}

/** Reads typed coordinates or an address; refuses coordinates out of range and empty or huge text. */
export function textLocation(ctx: CommandContext, text: string): RequestLocation {
  const trimmed = text.trim();
  const point = LAT_LON.exec(trimmed);
  if (point) {
    const lat = Number(point[1]);
    const lon = Number(point[2]);
    if (Math.abs(lat) > 90 || Math.abs(lon) > 180) throw new UserError('need-location-range');
    return pointLocation(ctx, lat, lon);
  }
  if (trimmed.length < 3 || !/\p{L}/u.test(trimmed)) throw new UserError('need-location-invalid');
  if (trimmed.length > MAX_ADDRESS) throw new UserError('need-location-too-long', { max: MAX_ADDRESS });
  const named = lookupArea(ctx, trimmed);
  // The whole text is an area name (`Bantul`): that is the area, and there is no street address.
  if ('area' in named) return { area: named.area.path };
  const mentioned = ctx.areas.mentionedIn(trimmed)[0];
  return mentioned ? { address: trimmed, area: mentioned.path } : { address: trimmed, needsArea: true };
}

/** Picks an area by its path, number or a unique last part; a refusal lists the candidates. */
export function pickArea(ctx: CommandContext, text: string): string {
  const found = lookupArea(ctx, text);
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
