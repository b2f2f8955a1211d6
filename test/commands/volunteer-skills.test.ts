import { afterEach, describe, expect, it } from 'vitest';
import { Harness, type OutRow } from '../support/harness.ts';

/**
 * The skills question with buttons (issue 18): a pressed skill is toggled and the keyboard comes again
 * with ✓ on the chosen ones and "done"; typed answers ("1,3") still answer at once.
 */

let h: Harness;
afterEach(() => h.close());

const press = (value: string) => ({ kind: 'choice' as const, value });
const labels = (r: OutRow | undefined) =>
  (JSON.parse(r?.extra ?? '{}') as { choices?: { label: string }[] }).choices?.map((c) => c.label) ?? [];
const skillsOf = (personId: string) =>
  h.db.prepare('SELECT skills FROM volunteers WHERE person_id = ?').pluck().get(personId);

describe('/volunteer skills with buttons', () => {
  it('toggles several skills, marks them, and moves on at "done", across a restart', () => {
    h = new Harness();
    const ani = { id: 'telegram:11', name: 'Ani' };
    h.send(ani, '/volunteer');
    const [first] = h.send(ani, press('Ani'));
    expect(labels(first)).not.toContain('Done');

    const [afterBoat] = h.send(ani, press('boat'));
    expect(afterBoat!.text).toContain('Chosen so far: boat');
    expect(labels(afterBoat)).toContain('✓ boat');
    expect(labels(afterBoat).at(-1)).toBe('Done');

    // The sign-up is kept in the ledger with what was pressed: a deploy in between loses nothing.
    const at = h.clock.now;
    h = h.reopen();
    h.clock.now = at;
    const [afterMedical] = h.send(ani, press('medical'));
    expect(labels(afterMedical)).toEqual(expect.arrayContaining(['✓ medical', '✓ boat']));
    const [afterUnboat] = h.send(ani, press('boat'));
    expect(afterUnboat!.text).toContain('Chosen so far: medical.');
    expect(labels(afterUnboat)).toContain('boat');
    h.send(ani, press('sar'));

    expect(h.say(ani, press('done'))).toContain('Where can you help?');
    h.send(ani, 'Imogiri');
    h.send(ani, '1');
    h.send(ani, press('no'));
    expect(skillsOf(ani.id)).toBe('["medical","sar"]');
  });

  it('a typed list still answers at once, and typing a marked skill’s name works', () => {
    h = new Harness();
    const budi = { id: 'telegram:12', language: 'id', name: 'Budi' };
    h.send(budi, '/relawan');
    h.send(budi, 'Budi');
    expect(h.say(budi, press('boat'))).toContain('Sudah dipilih: perahu');
    // Typed, not pressed: the whole answer, even where a ✓ marks a label.
    expect(h.say(budi, 'perahu, 1')).toContain('Di mana Anda bisa membantu?');
    h.send(budi, 'Imogiri');
    h.send(budi, '1');
    h.send(budi, 'tidak');
    expect(skillsOf(budi.id)).toBe('["boat","medical"]');
  });

  it('a single typed number answers at once on WhatsApp', () => {
    h = new Harness();
    const wa = 'whatsapp:628111@c.us';
    h.send(wa, '/volunteer');
    h.send(wa, 'Citra');
    expect(h.say(wa, '3')).toContain('Where can you help?');
  });
});
