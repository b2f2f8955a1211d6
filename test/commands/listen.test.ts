import { afterEach, describe, expect, it } from 'vitest';
import { escalateOverdue } from '../../src/schedule/escalation.ts';
import { tableNames } from '../support/engine.ts';
import { Harness, type OutRow } from '../support/harness.ts';

/**
 * Listen mode (issue 34): in a group a coordinator turned it on, what people write becomes drafts
 * (`D-n`) for coordinators, privately; danger alerts at once and escalates; nothing goes back to the group.
 */

let h: Harness;
let open = false;
afterEach(() => {
  h.close();
  open = false;
});
const fresh = (env: Record<string, string> = {}) => {
  h = new Harness({ DEFAULT_LANGUAGE: 'en', ...env });
  open = true;
  return h;
};

const COORD = 'telegram:9';
const WRITER = 'telegram:51';
const OTHER = 'telegram:52';
const inGroup = (id: string, chatId = '-100') => ({
  id,
  chat: { transport: 'telegram' as const, chatId, kind: 'group' as const },
});
const to = (rows: OutRow[], chat: string) => rows.filter((r) => r.chat_id === chat);
const buttons = (r: OutRow | undefined) =>
  (JSON.parse(r?.extra ?? '{}').choices ?? []).map((c: { value: string }) => c.value) as string[];

/** A registered group (Imogiri, rescue and supply), listening unless told otherwise. */
function setUp(listen = true, chatId = '-100'): Harness {
  if (!open) fresh();
  h.grant(COORD, 'coordinator');
  h.send(inGroup(COORD, chatId), '/register rescue,supply Imogiri');
  if (listen) h.send(inGroup(COORD, chatId), '/listen on');
  h.newRows();
  return h;
}

const NEED =
  'butuh air 20 galon buat 30 orang di pengungsian Masjid Al-Falah Imogiri, hubungi pak RT 0812-3344-5566';

describe('/listen', () => {
  it('is off by default; a coordinator turns it on in a registered group, which is told once in its language', () => {
    fresh({ DEFAULT_LANGUAGE: 'id' });
    setUp(false);
    expect(h.ledger.groups.get(1)?.listening).toBe(false);
    expect(h.send(inGroup(WRITER), NEED)).toEqual([]);
    expect(h.say(inGroup(WRITER), '/listen on')).toMatch(/coordinator|koordinator/);
    expect(h.say(inGroup(COORD), '/dengar')).toContain('Mode dengar mati di G-1');
    const on = h.send(inGroup(COORD), '/dengar on');
    expect(on).toHaveLength(1);
    expect(on[0]).toMatchObject({ chat_id: '-100', kind: 'group' });
    expect(on[0]!.text).toContain('membaca pesan di sini untuk membantu koordinator');
    expect(on[0]!.text).toContain('/dengar off');
    expect(h.ledger.groups.get(1)?.listening).toBe(true);
    expect(h.say(inGroup(COORD), '/listen on')).toContain('sudah menyala');
    expect(h.say(inGroup(COORD), '/listen off')).toContain('tidak lagi membaca');
    expect(h.ledger.groups.get(1)?.listening).toBe(false);
    expect(h.ledger.events.forSubject('G-1').map((e) => e.kind)).toEqual([
      'group.registered',
      'group.listening',
      'group.not-listening',
    ]);
  });

  it('needs a registered group, and a group', () => {
    fresh();
    h.grant(COORD, 'coordinator');
    expect(h.say(inGroup(COORD, '-300'), '/listen on')).toContain('Register this group first');
    expect(h.say(COORD, '/listen on')).toContain('only works inside a group');
  });

  it('on Telegram in privacy mode (no admin) says it cannot see the messages and how to fix it', () => {
    setUp(false);
    h.core.receive([{ ...h.message(inGroup(COORD), '/listen on'), groupView: 'commands' }]);
    const rows = h.newRows();
    expect(rows.map((r) => r.text).join('\n')).toContain('/setprivacy');
    expect(h.ledger.groups.get(1)?.listening).toBe(false);
    h.core.receive([{ ...h.message(inGroup(COORD), '/listen on'), groupView: 'all' }]);
    expect(h.ledger.groups.get(1)?.listening).toBe(true);
  });
});

describe('drafts from a listened group', () => {
  it('a need becomes a draft sent privately to coordinators with the words, and nothing goes to the group', () => {
    setUp();
    const rows = h.send({ ...inGroup(WRITER), name: 'Bu Sri' }, NEED);
    expect(rows.filter((r) => r.chat_kind === 'group')).toEqual([]);
    const alert = to(rows, '9')[0]!;
    expect(alert.text).toContain('Draft D-1 (need) read in group G-1');
    expect(alert.text).toContain('20 gallons of water');
    expect(alert.text).toContain('People: 30');
    expect(alert.text).toContain('081233445566');
    expect(alert.text).toContain('Bu Sri (telegram:51)');
    expect(alert.text).toContain(NEED);
    expect(alert.text).toContain('DIY/Bantul/Imogiri');
    expect(buttons(alert)).toEqual(['/draft D-1 confirm', '/draft D-1 edit', '/draft D-1 discard']);
    expect(h.ledger.drafts.get(1)).toMatchObject({ kind: 'need', status: 'pending', writer: WRITER });
  });

  it('confirm makes the request through /need with the writer as requester; the writer hears only with a private chat', () => {
    setUp();
    h.send(inGroup(WRITER), NEED);
    const confirmed = h.send(COORD, { kind: 'choice', value: '/draft D-1 confirm' });
    expect(
      to(confirmed, '9')
        .map((r) => r.text)
        .join('\n'),
    ).toContain('D-1 confirmed: R-1 is recorded');
    expect(to(confirmed, '51')).toEqual([]);
    expect(h.ledger.requests.get(1)).toMatchObject({
      requester: WRITER,
      peopleCount: 30,
      area: 'DIY/Bantul/Imogiri',
      contact: '081233445566',
      status: 'new',
    });
    expect(h.ledger.requests.get(1)?.items).toEqual([{ item: 'water', qty: 20, unit: 'gallon' }]);
    expect(h.say(COORD, '/draft D-1 confirm')).toContain('D-1 was already handled: confirmed (R-1)');
    expect(h.count('requests')).toBe(1);

    h.send(OTHER, '/start');
    h.send(inGroup(OTHER), 'kami butuh selimut 40 lembar untuk 25 orang di balai desa Imogiri');
    const told = h.send(COORD, '/draft D-2 confirm');
    expect(
      to(told, '52')
        .map((r) => r.text)
        .join(),
    ).toContain('as request R-2');
  });

  it('the same text forwarded into several listened groups makes one draft', () => {
    setUp();
    setUp(true, '-200');
    const first = h.send(inGroup(WRITER, '-100'), NEED);
    const again = h.send(inGroup(OTHER, '-200'), `${NEED} `);
    expect(to(first, '9')).toHaveLength(1);
    expect(again).toEqual([]);
    expect(h.count('drafts')).toBe(1);
    expect(h.ledger.drafts.get(1)?.seenIn).toBe(2);
  });

  it('a need forwarded from days ago or round many groups is old news; danger forwarded still alerts', () => {
    setUp();
    const forward = (text: string, forwarded: { at?: number; often?: boolean }) => {
      h.core.receive([{ ...h.message(inGroup(WRITER), text), forwarded }]);
      return h.newRows();
    };
    expect(forward(NEED, { at: h.clock.now - 3 * 86_400_000 })).toEqual([]);
    expect(forward('butuh beras 10 karung di posko Imogiri', { often: true })).toEqual([]);
    expect(h.count('drafts')).toBe(0);
    expect(
      to(forward('butuh terpal 5 lembar di posko Imogiri', { at: h.clock.now - 3_600_000 }), '9'),
    ).toHaveLength(1);
    const danger = forward('ada lansia terjebak di rumah, air naik', { at: h.clock.now - 3 * 86_400_000 });
    expect(to(danger, '9')[0]!.text).toContain('People may be in danger');
  });

  it('offers a merge with a likely duplicate: the same need posted again, or already a request', () => {
    setUp();
    h.send(inGroup(WRITER), 'butuh selimut 30 lembar di posko Imogiri');
    const second = h.send(inGroup(WRITER), 'tolong kirim selimut ke posko Imogiri, 30 orang kedinginan');
    const alert = to(second, '9')[0]!;
    expect(alert.text).toContain('may be the same as D-1');
    expect(buttons(alert)).toContain('/draft D-2 merge D-1');
    expect(h.say(COORD, '/draft D-2 merge D-1')).toContain('D-2 merged into D-1');
    expect(h.ledger.drafts.get(2)).toMatchObject({ status: 'merged', result: 'D-1' });

    h.send(OTHER, '/need 10 rice for 20 people @ Imogiri');
    const third = to(h.send(inGroup(OTHER), 'butuh beras 10 kg untuk posko Imogiri, 20 orang'), '9')[0]!;
    expect(buttons(third)).toContain('/draft D-3 merge R-1');
    expect(h.say(COORD, '/draft D-3 merge R-9')).toContain('no draft or request to merge with');
  });

  it('edit shows how, corrects the reading in /need words, and shows the draft again', () => {
    setUp();
    h.send(inGroup(WRITER), NEED);
    expect(h.say(COORD, { kind: 'choice', value: '/draft D-1 edit' })).toContain(
      '/draft D-1 edit 20 gallons of water, 30 people @ pengungsian Masjid Al-Falah Imogiri',
    );
    const edited = h.send(COORD, '/draft D-1 edit 25 water, 5 rice for 40 people @ Imogiri');
    expect(edited[0]!.text).toContain('25 water, 5 rice');
    expect(edited[0]!.text).toContain('People: 40');
    expect(buttons(edited[0])).toContain('/draft D-1 confirm');
    h.send(COORD, '/draft D-1 confirm');
    expect(h.ledger.requests.get(1)).toMatchObject({ peopleCount: 40, area: 'DIY/Bantul/Imogiri' });
  });

  it('an offer becomes an offer draft; confirmed, the writer is the donor', () => {
    setUp();
    const rows = h.send(inGroup(WRITER), 'kami punya 50 selimut, yg butuh silakan japri');
    expect(to(rows, '9')[0]!.text).toContain('Draft D-1 (offer)');
    h.send(COORD, '/draft D-1 confirm');
    expect(h.ledger.offers.get(1)).toMatchObject({ donor: WRITER, status: 'open' });
  });

  it('noise and groups that do not listen make nothing; discard ends a draft', () => {
    setUp();
    for (const text of ['selamat pagi semua 🙏', 'semoga banjir cepat surut, aamiin', 'rapat jam 4 sore'])
      expect(h.send(inGroup(WRITER), text)).toEqual([]);
    setUp(false, '-300');
    expect(h.send(inGroup(WRITER, '-300'), NEED)).toEqual([]);
    expect(h.count('drafts')).toBe(0);
    h.send(inGroup(WRITER), NEED);
    expect(h.say(COORD, '/draft')).toContain('D-1 need · DIY/Bantul/Imogiri');
    expect(h.say(COORD, '/draf D-1 buang')).toContain('D-1 discarded');
    expect(h.say(COORD, '/draft')).toContain('No drafts are waiting');
    expect(h.say(WRITER, '/draft')).toMatch(/coordinator/);
  });
});

describe('danger read in a listened group', () => {
  const DANGER = 'ada lansia terjebak di Jl. Parangtritis km 9 Imogiri, air sudah sedada';

  it('alerts coordinators at once, naming the writer and the group; one tap opens a rescue case', () => {
    setUp();
    const rows = h.send({ ...inGroup(WRITER), name: 'Pak Budi' }, DANGER);
    expect(rows.filter((r) => r.chat_kind === 'group')).toEqual([]);
    const alert = to(rows, '9')[0]!;
    expect(alert.text).toContain('People may be in danger: read in group G-1');
    expect(alert.text).toContain('Pak Budi (telegram:51)');
    expect(alert.text).toContain(DANGER);
    expect(buttons(alert)).toEqual(['/draft D-1 rescue', '/draft D-1 discard']);
    const opened = h.send(COORD, { kind: 'choice', value: '/draft D-1 rescue' });
    expect(opened.map((r) => r.text).join('\n')).toContain('rescue case S-1 is open');
    expect(h.ledger.rescues.get(1)).toMatchObject({ reporter: WRITER, area: 'DIY/Bantul/Imogiri' });
    expect(h.ledger.drafts.get(1)).toMatchObject({ status: 'rescue', result: 'S-1' });
  });

  it('escalates like an unacknowledged SOS until a coordinator answers, never into the group it came from', () => {
    setUp();
    setUp(false, '-200');
    h.send(inGroup(WRITER), DANGER);
    h.clock.advance(11 * 60_000);
    h.core.runJob('escalation', escalateOverdue);
    const rows = h.newRows();
    expect(to(rows, '9')[0]!.text).toContain('ESCALATION 1');
    expect(buttons(to(rows, '9')[0])).toContain('/draft D-1 rescue');
    expect(to(rows, '-200')[0]!.text).toContain('People may be in danger in DIY/Bantul/Imogiri');
    expect(to(rows, '-100')).toEqual([]);
    h.core.runJob('escalation', escalateOverdue);
    expect(h.newRows()).toEqual([]);
    h.send(COORD, '/draft D-1 discard');
    h.clock.advance(11 * 60_000);
    h.core.runJob('escalation', escalateOverdue);
    expect(h.newRows()).toEqual([]);
  });
});

describe('drafts are personal data', () => {
  const WORDS = 'butuh selimut 12 lembar untuk keluarga Sukirah Wiryono di posko Imogiri';

  it('no default export holds a draft: not its words, its writer or what was read', () => {
    setUp();
    h.send(inGroup(WRITER), WORDS);
    h.send(inGroup(OTHER), 'ada lansia terjebak di rumah Sukirah Wiryono, air naik');
    h.send(COORD, '/draft D-1 edit 12 blankets @ posko Imogiri Sukirah Wiryono');
    h.send(COORD, '/draft D-1 discard');
    h.newRows();
    // The danger and the need, confirmed: a request and a rescue case made from drafts, exported too.
    h.send(COORD, '/draft D-2 rescue');
    for (const what of ['requests', 'rescues', 'volunteers', 'events'])
      for (const format of ['csv', 'json']) {
        const [row] = h.send(COORD, `/export ${what} ${format}`);
        const file = JSON.parse(row?.extra ?? '{}').file as { content: string } | undefined;
        if (what === 'events' || what === 'rescues') expect(file, `${what} ${format}`).toBeDefined();
        const content = file?.content ?? row?.text ?? '';
        expect(content, `${what} ${format}`).not.toContain('Sukirah');
        expect(content).not.toContain('lansia');
        expect(content).not.toContain(WRITER);
      }
  });

  it('a message not drafted leaves nothing beyond what every message leaves (its inbox row, its writer)', () => {
    setUp();
    const counts = () =>
      Object.fromEntries(tableNames(h.db).map((t) => [t, h.count(`"${t}"`)])) as Record<string, number>;
    h.send(inGroup(WRITER), 'selamat pagi'); // the writer's first message: their row, as in any group
    const before = counts();
    for (const text of ['semoga cepat surut', 'rapat jam 4 sore', 'Fwd: butuh air (sudah terpenuhi)'])
      h.send(inGroup(WRITER), text);
    const after = counts();
    const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
    expect(changed).toEqual(['inbox']);
    expect(after.inbox! - before.inbox!).toBe(3);
  });

  it('/forget erases the drafts of the writer and every copy of their words', () => {
    setUp();
    h.send(inGroup(WRITER), WORDS);
    h.send(WRITER, '/forget');
    h.send(WRITER, '1');
    for (const table of tableNames(h.db))
      for (const row of h.db.prepare(`SELECT * FROM "${table}"`).all())
        expect(JSON.stringify(row), table).not.toContain('Sukirah Wiryono');
    expect(h.count('drafts')).toBe(0);
    expect(h.ledger.events.verify()).toMatchObject({ ok: true });
  });

  it('the retention purge erases drafts past retention, decided or not', () => {
    setUp();
    h.send(inGroup(WRITER), WORDS);
    h.send(inGroup(OTHER), 'ada lansia terjebak di rumah, air naik');
    h.clock.advance(31 * 86_400_000);
    const counts = h.ledger.housekeeping.purge(
      { id: 'test', at: h.clock.now },
      h.clock.now - 30 * 86_400_000,
    );
    expect(counts.drafts).toBe(2);
    expect(h.count('drafts')).toBe(0);
    expect(h.ledger.events.verify()).toMatchObject({ ok: true });
  });
});
