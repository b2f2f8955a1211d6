import { afterAll, describe, expect, it } from 'vitest';
import { type GroupLabel, groupMessages } from '../support/group-messages.ts';
import { Harness } from '../support/harness.ts';

/**
 * Listen mode's measure (issue 34): every message of test/data/group-messages.tsv is written into a
 * listened group by a person of its own, through the core, and what it became is read from the ledger:
 * a draft of a kind, a rescue case, or nothing. The shares are printed and kept in README (Listen mode).
 */

type Became = 'need' | 'offer' | 'danger' | 'rescue' | 'nothing';

const h = new Harness({ ADMINS: 'telegram:900' });
afterAll(() => h.close());
const GROUP = { transport: 'telegram' as const, chatId: '-500', kind: 'group' as const };
h.send({ id: 'telegram:900', chat: GROUP }, '/register rescue,supply Bantul');
h.send({ id: 'telegram:900', chat: GROUP }, '/listen on');

function became(text: string, writer: string): Became {
  const rescues = h.count('rescues');
  const drafts = h.count('drafts');
  h.send({ id: writer, chat: GROUP }, text);
  if (h.count('rescues') > rescues) return 'rescue';
  if (h.count('drafts') === drafts) return 'nothing';
  return h.db.prepare('SELECT kind FROM drafts ORDER BY id DESC LIMIT 1').pluck().get() as Became;
}

/** The floors the table must keep. */
const FLOORS = { needDrafted: 0.9, offerDrafted: 0.8, noiseDraftedAtMost: 0.05 };

describe('listen mode reads a group (measure over test/data/group-messages.tsv)', () => {
  const all = groupMessages();
  const results = all.map((r, i) => ({ ...r, got: became(r.text, `telegram:${20_000 + i}`) }));
  const share = (label: GroupLabel, ok: (g: Became) => boolean) => {
    const of = results.filter((r) => r.label === label);
    return { ok: of.filter((r) => ok(r.got)).length, of: of.length };
  };

  it('has at least 200 messages of every label, in Indonesian, English and both mixed', () => {
    expect(all.length).toBeGreaterThanOrEqual(200);
    for (const label of ['need', 'danger', 'offer', 'noise'])
      expect(all.some((r) => r.label === label)).toBe(true);
    for (const lang of ['id', 'en', 'mix']) expect(all.some((r) => r.lang === lang)).toBe(true);
    expect(all.some((r) => /\b(?:yg|utk|dgn|org|tlg)\b/.test(r.text))).toBe(true);
  });

  it('drafts needs and offers, alerts every danger, and leaves noise alone', () => {
    const needs = share('need', (g) => g === 'need');
    const offers = share('offer', (g) => g === 'offer');
    const danger = share('danger', (g) => g === 'danger' || g === 'rescue');
    const noise = share('noise', (g) => g !== 'nothing');
    const pct = (s: { ok: number; of: number }) => `${s.ok}/${s.of} (${((100 * s.ok) / s.of).toFixed(1)} %)`;
    const lines = [
      `needs drafted as needs: ${pct(needs)}`,
      `offers drafted as offers: ${pct(offers)}`,
      `danger alerted: ${pct(danger)}`,
      `noise drafted or alerted: ${pct(noise)}`,
      ...results
        .filter((r) =>
          r.label === 'danger'
            ? !['danger', 'rescue'].includes(r.got)
            : r.label === 'noise'
              ? r.got !== 'nothing'
              : r.got !== r.label,
        )
        .map((r) => `  ${r.label} ${r.lang} became ${r.got}: ${r.text}`),
    ];
    console.log(`listen measure\n${lines.join('\n')}`);
    expect(results.filter((r) => r.label === 'danger' && !['danger', 'rescue'].includes(r.got))).toEqual([]);
    expect(needs.ok / needs.of).toBeGreaterThanOrEqual(FLOORS.needDrafted);
    expect(offers.ok / offers.of).toBeGreaterThanOrEqual(FLOORS.offerDrafted);
    expect(noise.ok / noise.of).toBeLessThanOrEqual(FLOORS.noiseDraftedAtMost);
  });
});
