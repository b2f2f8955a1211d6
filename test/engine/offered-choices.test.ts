import { afterEach, describe, expect, it } from 'vitest';
import { askStillNeeded } from '../../src/schedule/rules/still-needed.ts';
import { Harness } from '../support/harness.ts';

/**
 * Choices that are commands, offered outside a dialog in a reply or a notice, are answered by number
 * or label where there are no buttons (WhatsApp, console), after a restart too (issue 18).
 */

let h: Harness;
afterEach(() => h.close());

const HOUR = 3_600_000;
const WA = 'whatsapp:6281234567@c.us';
const offered = (extra: string | null) =>
  (JSON.parse(extra ?? '{}') as { choices?: { value: string }[] }).choices?.map((c) => c.value);

describe('a numbered answer out of range, outside a dialog', () => {
  it('is asked again with the same choices, and a number in range then picks one', () => {
    h = new Harness();
    h.send(WA, '/lang');
    const [again] = h.send(WA, '7');
    expect(again!.text).toContain('Please answer with a number from 1 to 2');
    expect(offered(again!.extra)).toEqual(['/lang en', '/lang id']);
    expect(h.say(WA, '2')).toContain('Bahasa Indonesia');
    // Answered: a later number means nothing.
    expect(h.say(WA, '1')).toContain('Saya tidak mengerti');
  });
});

describe('the "still needed?" notice', () => {
  function askRequester(requester: string, language?: string): void {
    h = new Harness({ DEFAULT_LANGUAGE: 'en' });
    if (language) h.send(requester, `/lang ${language}`);
    h.ledger.requests.create({ id: 'system', at: h.clock.now }, { requester, items: [], area: 'DIY/Bantul' });
    h.clock.advance(49 * HOUR);
    h.core.runJob('still-needed', askStillNeeded);
    const [ask] = h.newRows();
    expect(offered(ask!.extra)).toEqual(['/stillneeded R-1 yes', '/stillneeded R-1 no']);
  }

  it('takes "1" hours later and after a restart', () => {
    askRequester(WA);
    const at = h.clock.now;
    h = h.reopen();
    h.clock.now = at + 5 * HOUR;
    expect(h.say(WA, '1')).toContain('R-1 stays open');
    expect(h.ledger.requests.get(1)!.status).toBe('new');
  });

  it('takes the first word of a label, in the person’s language ("tidak")', () => {
    askRequester(WA, 'id');
    expect(h.say(WA, 'tidak')).toContain('R-1 ditutup');
    expect(h.ledger.requests.get(1)!.status).toBe('cancelled');
  });

  it('takes "yes" in English', () => {
    askRequester(WA);
    expect(h.say(WA, 'yes')).toContain('R-1 stays open');
  });

  it('leaves the numbers to a dialog in progress', () => {
    h = new Harness();
    h.ledger.requests.create(
      { id: 'system', at: h.clock.now },
      { requester: WA, items: [], area: 'DIY/Bantul' },
    );
    h.clock.advance(49 * HOUR);
    h.send(WA, '/volunteer');
    h.send(WA, 'Sari');
    h.core.runJob('still-needed', askStillNeeded);
    h.newRows();
    // The skills question was asked before the notice came: "1" is its first skill.
    expect(h.say(WA, '1')).toContain('Where can you help?');
    expect(h.ledger.requests.get(1)!.status).toBe('new');
  });
});

describe('other notices with command choices', () => {
  it('a coordinator’s duplicate choices, sent privately from a group, are answered by number', () => {
    h = new Harness();
    const coordinator = 'telegram:900';
    h.grant(coordinator, 'coordinator');
    const near = { lat: -7.93512, lon: 110.40123 };
    for (const requester of ['telegram:1', 'telegram:2'])
      h.ledger.requests.create(
        { id: 'system', at: h.clock.now },
        { requester, items: [{ item: 'water', qty: 10 }] as never, area: 'DIY/Bantul', ...near },
      );
    const inGroup = {
      id: coordinator,
      chat: { transport: 'telegram' as const, chatId: '-5', kind: 'group' as const },
    };
    const rows = h.send(inGroup, '/verify R-2');
    const privately = rows.find((r) => r.chat_id === '900');
    expect(offered(privately!.extra)).toEqual(['/dup R-2 R-1', '/verify R-2 ok']);
    expect(h.say(coordinator, '2')).toContain('R-2 is verified');
  });
});
