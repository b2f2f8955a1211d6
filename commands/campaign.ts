import { z } from 'zod';
import { readCampaignLink } from '../src/domain/campaign-links.ts';
import { formatRef, parseRef } from '../src/domain/refs.ts';
import { type CommandContext, defineCommand, roleAllows } from '../src/engine/command.ts';
import { UserError } from '../src/engine/errors.ts';
import { Outcome } from '../src/engine/outcome.ts';
import { pickArea } from './lib/supply/location.ts';

const MAX_LABEL = 120;

/** What a campaign is for: a posko `K-n`, a request `R-n`, or an area; and the area it shows under. */
function target(ctx: CommandContext, text: string): { forRef: string; area: string | null } {
  const ref = parseRef(text);
  if (ref?.kind === 'K') {
    const p = ctx.ledger.posko.get(ref.id);
    if (!p) throw new UserError('posko-not-found', { text });
    return { forRef: formatRef('K', p.id), area: p.area };
  }
  if (ref?.kind === 'R') {
    const r = ctx.ledger.requests.get(ref.id);
    if (!r || !['verified', 'assigned'].includes(r.status))
      throw new UserError('campaign-request-not-verified', { ref: text });
    return { forRef: formatRef('R', r.id), area: r.area };
  }
  const area = pickArea(ctx, text);
  return { forRef: area, area };
}

function add(ctx: CommandContext, rest: string): Outcome {
  const [link = '', forText = '', ...label] = rest.split(/\s+/);
  const read = readCampaignLink(link);
  if (!read.ok) throw new UserError('campaign-link-invalid');
  if (!forText || label.length === 0)
    throw new UserError('error-usage', { usage: ctx.t('cmd-campaign-usage') });
  const admin = roleAllows(ctx.role, 'admin');
  const c = ctx.ledger.campaigns.add(
    ctx.actor,
    { url: read.url, label: label.join(' ').slice(0, MAX_LABEL), ...target(ctx, forText) },
    !read.known && !admin,
  );
  const out = new Outcome().reply(c.status === 'active' ? 'campaign-added' : 'campaign-pending', {
    ref: formatRef('F', c.id),
    url: c.url,
    label: c.label,
  });
  if (c.status === 'pending')
    out.toCoordinators('campaign-pending-admins', { ref: formatRef('F', c.id), url: c.url, label: c.label });
  return out;
}

/**
 * Coordinators attach a fundraising link to an area, a posko or a verified request, vetted by them;
 * links outside the known platforms wait for an admin (`/campaign confirm F-n`); `/campaign withdraw
 * F-n` takes one down everywhere at once. The bot never takes, holds or counts money.
 */
export default defineCommand({
  names: { en: ['campaign'], id: ['kampanye'] },
  role: 'coordinator',
  args: z.string().trim(),
  run(ctx, text) {
    const [word = '', ...rest] = text.split(/\s+/);
    const action = word.toLowerCase();
    if (['add', 'tambah'].includes(action)) return add(ctx, rest.join(' '));
    const ref = parseRef(rest[0] ?? '');
    if (['confirm', 'setujui', 'withdraw', 'tarik'].includes(action)) {
      if (ref?.kind !== 'F') throw new UserError('error-usage', { usage: ctx.t('cmd-campaign-usage') });
      const confirm = ['confirm', 'setujui'].includes(action);
      if (confirm && !roleAllows(ctx.role, 'admin'))
        throw new UserError('error-forbidden', { command: 'campaign confirm', role: ctx.t('role-admin') });
      const done = confirm
        ? ctx.ledger.campaigns.confirm(ctx.actor, ref.id)
        : ctx.ledger.campaigns.withdraw(ctx.actor, ref.id);
      if (!done) throw new UserError('campaign-unchanged', { ref: formatRef('F', ref.id) });
      return new Outcome().reply(confirm ? 'campaign-confirmed' : 'campaign-withdrawn', {
        ref: formatRef('F', ref.id),
      });
    }
    const pending = ctx.ledger.campaigns.pending();
    return new Outcome().replyLines([
      {
        key: 'campaign-list-title',
        args: { count: ctx.ledger.campaigns.active().length, pending: pending.length },
      },
      ...pending.map((c) => ({
        key: 'campaign-pending-line',
        args: { ref: formatRef('F', c.id), url: c.url, label: c.label },
      })),
    ]);
  },
});
