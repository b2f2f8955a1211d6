import { formatRef } from '../src/domain/refs.ts';
import { formatLocal } from '../src/domain/when.ts';
import { defineCommand } from '../src/engine/command.ts';
import { reply } from '../src/engine/outcome.ts';
import { topicList } from './lib/targets.ts';

/** Registered groups with their topics, area and how the last message to each went. */
export default defineCommand({
  names: { en: ['groups'], id: ['grup'] },
  role: 'coordinator',
  run(ctx) {
    const groups = ctx.ledger.groups.all();
    if (groups.length === 0) return reply('groups-none');
    const last = ctx.ledger.broadcasts.lastDeliveries();
    const lines = groups.map((g) => {
      const d = last.get(g.id);
      const state = !g.active
        ? ctx.t('groups-state-left')
        : !g.reachable
          ? ctx.t('groups-state-unreachable')
          : d === undefined
            ? ctx.t('groups-state-none')
            : ctx.t(`groups-delivery-${d.state}`, {
                at: formatLocal(d.at, ctx.config.TZ),
                error: (d.error ?? '').slice(0, 80),
              });
      return ctx.t('groups-line', {
        ref: formatRef('G', g.id),
        title: g.title ?? g.transport,
        topics: topicList(ctx, g.topics),
        area: g.area ?? ctx.t('target-everywhere'),
        state,
      });
    });
    return reply('groups-list', { count: groups.length, lines: lines.join('\n') });
  },
});
