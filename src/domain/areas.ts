import { z } from 'zod';

/**
 * The area hierarchy of SPEC 4: `DIY/Bantul/Imogiri` (province › regency › district › village).
 * A person may name any level by its full path or by a unique last part (`Imogiri`).
 */
export const AreaDefSchema = z.object({
  path: z
    .string()
    .trim()
    .regex(/^[^/\s][^/]*(\/[^/\s][^/]*)*$/, 'expected a path like DIY/Bantul/Imogiri'),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
  /** How far from its point a location still counts as inside this area. */
  radiusKm: z.number().positive().optional(),
});
export type AreaDef = z.infer<typeof AreaDefSchema>;

export interface Area {
  path: string;
  name: string;
  depth: number;
  lat?: number;
  lon?: number;
  radiusKm: number;
}

export type AreaLookup = { area: Area } | { ambiguous: Area[] } | { unknown: true };

const DEFAULT_RADIUS_KM = [60, 25, 8, 3];

export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}

/** True when `path` is `ancestor` itself or lies below it. */
export function isWithin(path: string, ancestor: string): boolean {
  const p = path.toLowerCase();
  const a = ancestor.toLowerCase();
  return p === a || p.startsWith(`${a}/`);
}

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

export class Areas {
  private readonly byPath = new Map<string, Area>();

  constructor(defs: readonly AreaDef[]) {
    for (const def of defs) {
      const parts = def.path.split('/').map((p) => p.trim());
      // Ancestors named only through their children still exist as areas.
      for (let i = 1; i < parts.length; i++) this.add(parts.slice(0, i).join('/'), {});
      this.add(parts.join('/'), def);
    }
  }

  private add(path: string, def: Partial<AreaDef>): void {
    const existing = this.byPath.get(fold(path));
    const depth = path.split('/').length - 1;
    const area: Area = {
      path,
      name: path.split('/').at(-1)!,
      depth,
      radiusKm: def.radiusKm ?? existing?.radiusKm ?? DEFAULT_RADIUS_KM[Math.min(depth, 3)]!,
      ...(def.lat !== undefined && def.lon !== undefined ? { lat: def.lat, lon: def.lon } : {}),
    };
    if (existing && area.lat === undefined && existing.lat !== undefined) {
      area.lat = existing.lat;
      area.lon = existing.lon;
    }
    this.byPath.set(fold(path), area);
  }

  all(): Area[] {
    return [...this.byPath.values()].sort((a, b) => a.path.localeCompare(b.path));
  }

  get size(): number {
    return this.byPath.size;
  }

  get(path: string): Area | undefined {
    return this.byPath.get(fold(path));
  }

  children(path?: string): Area[] {
    const depth = path === undefined ? 0 : path.split('/').length;
    return this.all().filter((a) => a.depth === depth && (path === undefined || isWithin(a.path, path)));
  }

  /** Finds an area by full path, or by a last part (or trailing parts) that only one area has. */
  lookup(text: string): AreaLookup {
    const q = fold(text).replace(/\s*\/\s*/g, '/');
    if (!q) return { unknown: true };
    const exact = this.byPath.get(q);
    if (exact) return { area: exact };
    const matches = this.all().filter((a) => fold(a.path).endsWith(`/${q}`));
    if (matches.length === 1) return { area: matches[0]! };
    // `Bantul` is a regency and also a district inside it: a name shared by an area and areas below it
    // means the one above, which includes the others. Every command and the command line read it so.
    const outer = matches.find((a) => matches.every((b) => isWithin(b.path, a.path)));
    if (outer) return { area: outer };
    if (matches.length > 1) return { ambiguous: matches };
    return { unknown: true };
  }

  /** Finds the names of known areas mentioned in free text (`Jl. Imogiri Timur km 8`), deepest first. */
  mentionedIn(text: string): Area[] {
    const t = ` ${fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
    const names = new Map<string, Area[]>();
    for (const a of this.all()) {
      const n = fold(a.name);
      names.set(n, [...(names.get(n) ?? []), a]);
    }
    const found: Area[] = [];
    for (const [name, areas] of names) {
      if (areas.length === 1 && t.includes(` ${name.replace(/[^\p{L}\p{N}]+/gu, ' ')} `))
        found.push(areas[0]!);
    }
    return found.sort((a, b) => b.depth - a.depth);
  }

  /**
   * The deepest area whose point lies within its radius of the location; nearest first among equals.
   * Undefined when the point is outside every known area (flagged for a coordinator).
   */
  locate(lat: number, lon: number): Area | undefined {
    let best: { area: Area; km: number } | undefined;
    for (const area of this.byPath.values()) {
      if (area.lat === undefined || area.lon === undefined) continue;
      const km = haversineKm(lat, lon, area.lat, area.lon);
      if (km > area.radiusKm) continue;
      if (!best || area.depth > best.area.depth || (area.depth === best.area.depth && km < best.km)) {
        best = { area, km };
      }
    }
    return best?.area;
  }
}
