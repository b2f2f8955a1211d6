import { formatRef, parseRef } from '../domain/refs.ts';
import { skillsWanted } from '../domain/skills.ts';
import type { Ledger } from '../ledger/index.ts';

/** A volunteer offered for a task: nearest first, those with a skill the task wants before the rest. */
export interface Suggestion {
  ref: string;
  name: string | null;
  km: number;
  /** Has a skill the task's conditions want (a boat for rising water); false when it wants none. */
  fits: boolean;
}

const SUGGESTIONS = 3;

/**
 * Nearest available volunteers for a task still without one; those whose skills it wants come first
 * (the chat's `/tasks` order, from the other side).
 */
function nearestFor(
  ledger: Ledger,
  at: { lat: number | null; lon: number | null },
  wanted: readonly string[],
): Suggestion[] {
  if (at.lat === null || at.lon === null) return [];
  const { lat, lon } = at;
  const fitting = wanted.flatMap((skill) =>
    ledger.volunteers.nearest(lat, lon, { skill, limit: SUGGESTIONS }),
  );
  const any = ledger.volunteers.nearest(lat, lon, { limit: SUGGESTIONS });
  const seen = new Set<number>();
  const picked: Suggestion[] = [];
  for (const n of [...fitting.sort((a, b) => a.km - b.km), ...any]) {
    if (seen.has(n.volunteer.id) || picked.length >= SUGGESTIONS) continue;
    seen.add(n.volunteer.id);
    const fits = wanted.some((s) => n.volunteer.skills.includes(s));
    picked.push({
      ref: formatRef('V', n.volunteer.id),
      name: n.volunteer.name,
      km: Math.round(n.km * 10) / 10,
      fits,
    });
  }
  return picked;
}

/**
 * The volunteers offered for `ref` (`R-3`, `S-2`) in the page, asked for when the coordinator opens it
 * rather than built for every record at each change: a verified or assigned request, a rescue case
 * still without its team. None for anything else.
 */
export function suggestionsFor(ledger: Ledger, ref: string): Suggestion[] {
  const parsed = parseRef(ref);
  if (parsed?.kind === 'R') {
    const r = ledger.requests.get(parsed.id);
    return r && (r.status === 'verified' || r.status === 'assigned') ? nearestFor(ledger, r, []) : [];
  }
  if (parsed?.kind === 'S') {
    const c = ledger.rescues.get(parsed.id);
    const waiting = c && (c.status === 'open' || c.status === 'acknowledged');
    return waiting ? nearestFor(ledger, c, skillsWanted(c.conditions)) : [];
  }
  return [];
}
