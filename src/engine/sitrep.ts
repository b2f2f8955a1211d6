import { formatRef } from '../domain/refs.ts';
import { formatLocal } from '../domain/when.ts';
import type { MessageArgs } from '../i18n/catalog.ts';
import type { Ledger } from '../ledger/index.ts';
import type { KeySay } from './outcome.ts';

type T = (key: string, args?: MessageArgs) => string;

const delta = (now: number, before: number) => {
  const d = now - before;
  return d > 0 ? `${now} (+${d})` : d < 0 ? `${now} (${d})` : `${now} (±0)`;
};

/**
 * The situation report (SPEC 4): open rescue cases by waiting time, open and verified requests by area
 * and urgency, available volunteers by skill, and what changed since the last scheduled report.
 * Counts and references only, as catalog lines the renderer checks: it goes to groups. `t` names the
 * labels inside them (statuses, skills) in the reader's language.
 */
export function sitrepLines(ledger: Ledger, t: T, area: string | null, now: number, tz: string): KeySay[] {
  const s = ledger.sitrep.stats(area, now);
  const line = (key: string, args?: MessageArgs): KeySay => ({ key, ...(args ? { args } : {}) });
  const lines = [
    line('sitrep-header', { area: area ?? t('target-everywhere'), when: formatLocal(now, tz), tz }),
  ];
  if (s.totals.rescuesOpen === 0) lines.push(line('sitrep-rescues-none'));
  else {
    const [b0 = 0, b1 = 0, b2 = 0, b3 = 0] = s.rescueWaits;
    lines.push(
      line('sitrep-rescues', { open: s.totals.rescuesOpen, unack: s.unacknowledged, b0, b1, b2, b3 }),
    );
    if (s.oldestRescue)
      lines.push(
        line('sitrep-rescues-oldest', {
          ref: formatRef('S', s.oldestRescue.id),
          minutes: s.oldestRescue.minutes,
          area: s.oldestRescue.area ?? '?',
        }),
      );
  }
  if (s.requests.length === 0) lines.push(line('sitrep-requests-none'));
  else {
    lines.push(line('sitrep-requests', { total: s.totals.requestsOpen }));
    const byArea = new Map<string, string[]>();
    for (const r of s.requests) {
      const key = r.area ?? '?';
      byArea.set(key, [
        ...(byArea.get(key) ?? []),
        `${t(`sitrep-status-${r.status}`)} ${t(`sitrep-urgency-${r.urgency}`)} ${r.n}`,
      ]);
    }
    for (const [a, counts] of byArea)
      lines.push(line('sitrep-requests-area', { area: a, counts: counts.join(', ') }));
  }
  lines.push(
    line('sitrep-volunteers', {
      total: s.totals.volunteersAvailable,
      skills: s.skills.map((k) => `${t(`skill-${k.skill}`)} ${k.n}`).join(', ') || '-',
    }),
  );
  const last = ledger.sitrep.lastSnapshot();
  if (!last) lines.push(line('sitrep-changes-first'));
  else {
    const events = ledger.sitrep.changesSince(last.at);
    lines.push(
      line('sitrep-changes', {
        since: formatLocal(last.at, tz),
        rescues: delta(s.totals.rescuesOpen, last.totals.rescuesOpen),
        requests: delta(s.totals.requestsOpen, last.totals.requestsOpen),
        volunteers: delta(s.totals.volunteersAvailable, last.totals.volunteersAvailable),
        events: events.map((e) => `${e.kind} ${e.n}`).join(', ') || '-',
      }),
    );
  }
  return lines;
}
