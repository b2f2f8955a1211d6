import { afterEach, describe, expect, it } from 'vitest';
import { Desk } from '../../src/engine/dashboard.ts';
import type { DashboardView } from '../../src/engine/dashboard-view.ts';
import { Harness } from '../support/harness.ts';

/**
 * What the dashboard shows, read from the ledger on either engine (this file runs in both vitest
 * projects): live records, the volunteers suggested for a task, and the figures of the last 24 hours.
 */

const KOOR = 'telegram:900';
let h: Harness;
afterEach(() => h?.close());

function desk(): Desk {
  return new Desk({
    ledger: h.ledger,
    areas: h.areas,
    translator: h.catalog,
    config: h.config,
    roleOf: (id) => (id === KOOR ? 'coordinator' : 'anyone'),
    languageOf: () => 'en',
    clock: h.clock.fn,
  });
}

describe('the dashboard view', () => {
  it('holds the live records, the nearest volunteers with the wanted skill first, and the day’s figures', () => {
    h = new Harness({ DEFAULT_LANGUAGE: 'en' });
    h.grant(KOOR, 'coordinator');
    h.say({ id: KOOR, chat: { transport: 'telegram', chatId: '-100', kind: 'group' } }, '/register all');
    h.say(
      'telegram:500',
      '/need 20 water, 2 karung beras for 12 people @ -7.80,110.36 hubungi 0812-3456-7000',
    );
    h.say('telegram:600', '/sos -7.85,110.40, 3 people, water rising');
    for (const [id, name, skills, lon] of [
      ['telegram:301', 'Rina', ['boat'], 110.45],
      ['telegram:302', 'Agus', ['driver'], 110.401],
    ] as const)
      h.ledger.transaction(() =>
        h.ledger.volunteers.signUp({ id, at: h.clock.now }, id, {
          name,
          skills: [...skills],
          area: null,
          lat: -7.85,
          lon,
          areaLat: null,
          areaLon: null,
          languages: ['id'],
          phone: null,
        }),
      );
    h.say(KOOR, '/posko add Posko Imogiri @ -7.93,110.39 hours 08-17 accepts water, rice');
    h.say(KOOR, '/stock in K-1 40 water');
    h.clock.advance(4 * 60_000);
    h.say(KOOR, '/ack S-1');
    h.say(KOOR, '/verify R-1 ok');
    h.clock.advance(6 * 60_000);
    h.say(KOOR, '/assign R-1 V-2');
    h.say(KOOR, '/broadcast all Water arrives at noon');
    h.say('telegram:700', '/offer a boat, 10 blanket @ -7.90,110.40 HP 0812 7000 1111');
    h.say('telegram:701', '/offer 2 truk @ Sleman');
    h.say('telegram:702', '/offer 5 tarp @ Sleman');
    h.say('telegram:702', '/cancel O-3');

    const d = desk();
    const view = d.view('en') as DashboardView;
    expect(view.requests).toMatchObject([
      { ref: 'R-1', status: 'assigned', people: 12, volunteer: 'V-2', contact: '081234567000' },
    ]);
    expect(view.requests[0]!.items).toContain('20 water');
    expect(view.rescues).toMatchObject([{ ref: 'S-1', status: 'acknowledged', people: 3, lat: -7.85 }]);
    // Agus is nearer, but rising water wants a boat: Rina comes first, marked as fitting.
    expect(d.suggestions('S-1').map((s) => [s.ref, s.fits])).toEqual([
      ['V-1', true],
      ['V-2', false],
    ]);
    // An assigned request may change hands: the nearest first, none marked, as it wants no skill.
    expect(d.suggestions('R-1').map((s) => [s.ref, s.fits])).toEqual([
      ['V-2', false],
      ['V-1', false],
    ]);
    expect(d.suggestions('R-9')).toEqual([]);
    expect(view.volunteers.map((v) => v.ref).sort()).toEqual(['V-1', 'V-2']);
    expect(view.posko).toMatchObject([
      {
        ref: 'K-1',
        name: 'Posko Imogiri',
        lat: -7.93,
        hours: '08-17',
        accepts: 'water, rice',
        stock: '40 water',
      },
    ]);
    // Standing offers, newest first; one named only by its area stands at the area's point, marked so.
    const sleman = h.areas.get('DIY/Sleman')!;
    expect(view.offers).toMatchObject([
      {
        ref: 'O-2',
        lat: sleman.lat,
        lon: sleman.lon,
        approximate: true,
        services: ['2 × vehicle (truck, car)'],
      },
      {
        ref: 'O-1',
        lat: -7.9,
        approximate: false,
        left: '10 blankets',
        services: ['boat'],
        skillIds: ['boat'],
        contact: '081270001111',
      },
    ]);
    expect(view.figures).toMatchObject({
      rescuesByStatus: { acknowledged: 1 },
      medianAcknowledgeMs: 4 * 60_000,
      medianAssignMs: 10 * 60_000,
      broadcasts: [{ ref: 'B-1', target: 'all', total: 1, sent: 0, failed: 0, pending: 1 }],
    });
    expect(view.figures.requestsByUrgency).toEqual({});
  });

  it('is built again when the ledger moves, and dated afresh when it does not', () => {
    h = new Harness({ DEFAULT_LANGUAGE: 'en' });
    const d = desk();
    const first = d.view('en') as DashboardView;
    h.clock.advance(60_000);
    expect(d.view('en')).toMatchObject({ version: first.version, now: first.now + 60_000 });
    h.say('telegram:500', '/need 5 water for 2 people @ -7.80,110.36');
    const next = d.view('en') as DashboardView;
    expect(next.version).toBeGreaterThan(first.version);
    expect(next.requests.map((r) => r.ref)).toEqual(['R-1']);
    expect(next.figures.requestsByUrgency).toEqual({ normal: 1 });
  });

  it('gives the page its words in the reader’s language, and none of the chat’s messages with placeholders', () => {
    h = new Harness({ DEFAULT_LANGUAGE: 'en' });
    const strings = desk().strings('id');
    expect(strings['dashboard-sign-out']).toBe('Keluar');
    expect(strings['dashboard-link']).toBeUndefined();
    expect(Object.keys(strings).every((k) => k.startsWith('dashboard-'))).toBe(true);
  });

  it('lists the drafts waiting in listened groups, newest first, until a coordinator decides them; only coordinators read them', () => {
    h = new Harness({ DEFAULT_LANGUAGE: 'en' });
    h.grant(KOOR, 'coordinator');
    const group = (id: string, name?: string) => ({
      id,
      ...(name ? { name } : {}),
      chat: { transport: 'telegram' as const, chatId: '-100', kind: 'group' as const },
    });
    h.core.receive([
      { ...h.message(group(KOOR), '/register rescue,supply Imogiri'), chatTitle: 'Posko Imogiri' },
    ]);
    h.say(group(KOOR), '/listen on');
    const need = 'butuh air 20 galon buat 30 orang di Masjid Al-Falah Imogiri, hubungi 0812-3344-5566';
    const danger = 'ada lansia terjebak di Jl. Parangtritis km 9 Imogiri, air sudah sedada';
    h.say(group('telegram:51', 'Bu Sri'), need);
    h.clock.advance(60_000);
    h.say(group('telegram:52'), danger);
    h.clock.advance(60_000);
    h.say(group('telegram:53'), 'tolong kirim air mineral 10 dus ke Imogiri');
    const d = desk();
    const view = d.view('en') as DashboardView;
    expect(view.drafts.map((x) => [x.ref, x.kind])).toEqual([
      ['D-3', 'need'],
      ['D-2', 'danger'],
      ['D-1', 'need'],
    ]);
    expect(view.drafts[2]).toMatchObject({
      group: 'G-1 Posko Imogiri',
      area: 'DIY/Bantul/Imogiri',
      writer: 'Bu Sri (telegram:51)',
      words: need,
      people: 30,
      contact: '081233445566',
      escalation: 0,
      // Likely duplicates go both ways while both wait: the chat offers "Same as D-3" under D-1 too.
      duplicate: 'D-3',
    });
    expect(view.drafts[2]!.items).toContain('20 gallons of water');
    expect(view.drafts[1]).toMatchObject({ words: danger, duplicate: null });
    expect(view.drafts[1]!.conditions.length).toBeGreaterThan(0);
    // The same area and water in common within a day: the chat's "Same as D-1".
    expect(view.drafts[0]!.duplicate).toBe('D-1');

    h.say(KOOR, '/draft D-1 confirm');
    h.say(KOOR, '/draft D-2 discard');
    const after = d.view('en') as DashboardView;
    expect(after.version).toBeGreaterThan(view.version);
    // D-1 is now the request R-1, which D-3 likely repeats.
    expect(after.drafts.map((x) => [x.ref, x.duplicate])).toEqual([['D-3', 'R-1']]);
    expect(after.requests.map((r) => r.ref)).toEqual(['R-1']);

    // Nothing of a draft leaves the coordinators' private chats and view: not the group, not the public page.
    const everywhere = h
      .outbox()
      .filter((r) => r.text.includes('Parangtritis') || r.text.includes('Al-Falah'));
    expect(everywhere.length).toBeGreaterThan(0);
    expect(everywhere.every((r) => r.chat_id === '900' && r.chat_kind === 'private')).toBe(true);
    const published = JSON.stringify(h.ledger.publicView.records());
    for (const written of ['Parangtritis', 'Al-Falah', 'lansia', '3344', 'Bu Sri', 'telegram:5'])
      expect(published).not.toContain(written);
  });
});
