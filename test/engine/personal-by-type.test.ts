import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { Outcome } from '../../src/engine/outcome.ts';
import { render } from '../../src/engine/render.ts';
import { group } from '../supply/support.ts';
import { Harness } from '../support/harness.ts';
import { addRequest, addVolunteer } from '../support/volunteers.ts';

let h: Harness;
afterEach(() => h.close());

const VOLUNTEER = 'telegram:701';
const GROUP_CHAT = { transport: 'telegram' as const, chatId: '-100', kind: 'group' as const };
const inGroup = (id: string) => ({ id, chat: GROUP_CHAT });

interface Row {
  chat_id: string;
  chat_kind: string;
  text: string;
  personal_for: string | null;
}
const rows = (h: Harness) =>
  h.db.prepare('SELECT chat_id, chat_kind, text, personal_for FROM outbox ORDER BY id').all() as Row[];

/** The logger a render writes to, kept as lines. */
function capturedLog() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: pino({ level: 'info' }, stream), lines };
}

describe('an answer with personal fields to a command typed in a group', () => {
  it('goes to the private chat of whoever asked, for a volunteer too; the group reads one neutral line', () => {
    h = new Harness({ AREAS: 'DIY/Bantul/Imogiri' });
    group(h, '-100', null, ['supply']);
    addVolunteer(h, VOLUNTEER, { area: 'DIY/Bantul/Imogiri' });
    const r = addRequest(h, { requester: 'telegram:500', area: 'DIY/Bantul/Imogiri' });
    h.db
      .prepare('UPDATE requests SET address = ? WHERE id = ?')
      .run('Jl. Mawar No. 5 RT 02, rumah Bu Siti', r);

    const sent = h.send(inGroup(VOLUNTEER), '/take R-1');
    const toGroup = sent.filter((r) => r.chat_id === '-100');
    expect(toGroup.filter((r) => r.kind === 'reply').map((r) => r.text)).toEqual([
      'Details sent to you privately.',
    ]);
    for (const row of toGroup) expect(row.text).not.toContain('Mawar');
    const mine = sent.find((r) => r.chat_id === '701')!;
    expect(mine.text).toContain('Jl. Mawar No. 5');
    expect(rows(h).find((r) => r.chat_id === '701')!.personal_for).toBe('self');
  });

  it('with no personal field, stays in the group (a dialog question, a refusal)', () => {
    h = new Harness();
    const sent = h.send(inGroup('telegram:5'), '/take R-99');
    expect(sent.map((r) => [r.chat_id, r.text])).toEqual([['-100', expect.stringContaining('/take')]]);
  });

  it('from a sender standing for the whole chat is refused and recorded; the group is told why', () => {
    h = new Harness({ ADMINS: 'telegram:1' });
    const anonymous = { id: 'telegram:chat:-100', chat: GROUP_CHAT, pseudo: true };
    const sent = h.send(anonymous, '/lang zz');
    expect(sent.map((r) => r.chat_id)).toEqual(['-100']);
    expect(sent[0]!.text).toContain('stands for the whole chat');
    expect(sent[0]!.text).not.toContain('zz');
    expect(h.db.prepare("SELECT COUNT(*) FROM events WHERE kind = 'outbound.refused'").pluck().get()).toBe(1);
  });
});

describe('every outbound row says for whom it is personal', () => {
  it('the asker, the assigned volunteer, coordinators; a group announcement and field-only notices none', () => {
    h = new Harness({ ADMINS: 'telegram:900', AREAS: 'DIY/Bantul/Imogiri' });
    group(h, '-100', null, ['supply']);
    addVolunteer(h, VOLUNTEER, { area: 'DIY/Bantul/Imogiri' });
    h.send('telegram:500', '/need 20 water for 4 people @ Imogiri');
    h.send('telegram:900', '/verify R-1');
    h.send('telegram:900', '/assign R-1 V-1');
    const byChat = (chat: string) => [
      ...new Set(
        rows(h)
          .filter((r) => r.chat_id === chat)
          .map((r) => r.personal_for),
      ),
    ];
    expect(byChat('701')).toEqual(['assignee']);
    // A notice with no personal field (R-1 is verified) carries none: its row says so (null).
    expect(byChat('500')).toEqual(['self', null]);
    expect(byChat('900')).toEqual(expect.arrayContaining(['coordinators', 'self']));
    expect(byChat('-100')).toEqual([null]);
  });
});

describe('the renderer and the outbox refuse a personal message for anything but a private chat', () => {
  const planted = 'Jl. Mawar No. 5 RT 02';

  it('whatever the command asked: a personal template announced to groups is refused, an event and a log line record it without the content', () => {
    h = new Harness();
    group(h, '-100', null, ['supply']);
    const { log, lines } = capturedLog();
    const out = new Outcome()
      .announce('supply', null, 'supply-closed-requester', { ref: 'R-1', reason: planted })
      .notify('telegram:chat:-100', 'rescue-relocated-reporter', {
        ref: 'S-1',
        exact: planted,
        address: planted,
      });
    const count = h.ledger.transaction(() =>
      render(
        { ledger: h.ledger, translator: h.catalog, defaultLanguage: 'en', admins: [], now: h.clock.now, log },
        out,
      ),
    );
    expect(count).toBe(0);
    expect(rows(h)).toEqual([]);
    const refused = h.db
      .prepare("SELECT payload FROM events WHERE kind = 'outbound.refused' ORDER BY id")
      .pluck()
      .all() as string[];
    expect(refused.map((p) => JSON.parse(p).key)).toEqual([
      'supply-closed-requester',
      'rescue-relocated-reporter',
    ]);
    expect(lines).toHaveLength(2);
    for (const text of [...refused, ...lines]) expect(text).not.toContain('Mawar');
  });

  it('what is personal for the assignee reaches only someone who volunteers', () => {
    h = new Harness();
    addVolunteer(h, VOLUNTEER);
    const out = new Outcome()
      .notifyAssignee(VOLUNTEER, 'supply-closed-requester', { ref: 'R-1', reason: planted })
      .notifyAssignee('telegram:555', 'supply-closed-requester', { ref: 'R-1', reason: planted });
    h.ledger.transaction(() =>
      render(
        { ledger: h.ledger, translator: h.catalog, defaultLanguage: 'en', admins: [], now: h.clock.now },
        out,
      ),
    );
    expect(rows(h).map((r) => [r.chat_id, r.personal_for])).toEqual([['701', 'assignee']]);
    const refused = h.db.prepare("SELECT payload FROM events WHERE kind = 'outbound.refused'").pluck().all();
    expect(refused.map((p) => JSON.parse(p as string).reason)).toEqual(['not-a-volunteer']);
  });

  it('a raw text that is not a broadcast never reaches a group', () => {
    h = new Harness();
    const g = group(h, '-100', null, ['supply']);
    const out = new Outcome()
      .toGroup(g, { raw: planted })
      .toGroup(g, { key: 'sitrep-requests', args: { total: 3 } });
    h.ledger.transaction(() =>
      render(
        { ledger: h.ledger, translator: h.catalog, defaultLanguage: 'en', admins: [], now: h.clock.now },
        out,
      ),
    );
    expect(rows(h).map((r) => r.text)).toEqual(['Supply requests open: 3']);
  });

  it('the outbox itself refuses a personal row for a group', () => {
    h = new Harness();
    expect(() =>
      h.ledger.outbox.enqueue(
        { chat: GROUP_CHAT, kind: 'group', text: planted, personalFor: 'coordinators' },
        h.clock.now,
      ),
    ).toThrow(/personal message/);
    expect(rows(h)).toEqual([]);
  });
});
