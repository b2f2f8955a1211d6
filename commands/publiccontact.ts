import { z } from 'zod';
import { normalise } from '../src/domain/redaction.ts';
import { defineCommand } from '../src/engine/command.ts';
import { UserError } from '../src/engine/errors.ts';
import { Outcome } from '../src/engine/outcome.ts';

const ACTIONS = {
  add: 'add',
  tambah: 'add',
  list: 'list',
  daftar: 'list',
  remove: 'remove',
  hapus: 'remove',
} as const;

/** A number as people write it (`0812-1111-2222`, `+62 274 123456`), then the label. */
const NUMBER_THEN_LABEL = /^(\+*\s*\d[\d\s\-.()/]*\d)\s*(.*)$/s;

const digitCount = (number: string) => number.replace(/\D/g, '').length;

const PublicContactArgs = z
  .string()
  .trim()
  .transform((text, ctx) => {
    const [word = '', ...rest] = normalise(text).split(/\s+/);
    const action = ACTIONS[word.toLowerCase() as keyof typeof ACTIONS];
    const m = NUMBER_THEN_LABEL.exec(rest.join(' '));
    const number = m?.[1]?.trim() ?? '';
    const label = (m?.[2] ?? '').trim().slice(0, 100);
    if (
      !action ||
      (action !== 'list' && (digitCount(number) < 6 || digitCount(number) > 16)) ||
      (action === 'add' && label === '')
    ) {
      ctx.addIssue({ code: 'custom', message: 'error-usage' });
      return z.NEVER;
    }
    return { action, number, label };
  });

/**
 * Relief posts publish their hotlines. A coordinator registers such a number as public, and the
 * redaction lets it reach groups; every other number is removed. Each change is an event.
 */
export default defineCommand({
  names: { en: ['publiccontact'], id: ['kontakpublik'] },
  role: 'coordinator',
  args: PublicContactArgs,
  run(ctx, { action, number, label }) {
    const contacts = ctx.ledger.publicContacts;
    if (action === 'list') {
      const all = contacts.list();
      if (all.length === 0) return new Outcome().reply('publiccontact-none');
      const lines = all.map((c) => `${c.number} — ${c.label}`).join('\n');
      return new Outcome().reply('publiccontact-list', { count: all.length, lines });
    }
    if (action === 'remove') {
      const removed = contacts.remove(ctx.actor, number);
      if (!removed) throw new UserError('publiccontact-unknown', { number });
      return new Outcome().reply('publiccontact-removed', { number: removed.number, label: removed.label });
    }
    if (!contacts.add(ctx.actor, number, label))
      return new Outcome().reply('publiccontact-already', { number, label });
    return new Outcome().reply('publiccontact-added', { number, label });
  },
});
