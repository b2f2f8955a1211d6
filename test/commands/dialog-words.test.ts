import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { answerWord } from '../../src/domain/answer-words.ts';
import { volunteer_ } from '../supply/support.ts';
import { ledgerRuns } from '../support/engine.ts';
import { Harness } from '../support/harness.ts';

let h: Harness;
afterEach(() => h?.close());

const anyCase = (s: string) =>
  fc.constantFrom(s, s.toUpperCase(), s[0]!.toUpperCase() + s.slice(1), `${s}.`, `${s}!`, ` ${s} `);
const YES = ['ya', 'y', 'iya', 'yes'];
const NO = ['tidak', 't', 'tdk', 'no', 'n', 'gak'];
const SKIP = ['lewati', 'skip', 'lewat', 'nanti'];

describe('short answers (property)', () => {
  it('yes, no and skip in either language and any letter case read as themselves', () => {
    for (const [words, meaning] of [
      [YES, 'yes'],
      [NO, 'no'],
      [SKIP, 'skip'],
    ] as const)
      fc.assert(
        fc.property(fc.constantFrom(...words).chain(anyCase), (typed) => {
          expect(answerWord(typed), typed).toBe(meaning);
        }),
      );
  });

  it('/forget (/lupakan) takes ya, y, yes and their no, in either language', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('en', 'id'),
        fc.boolean(),
        fc.constantFrom(...YES).chain(anyCase),
        fc.constantFrom(...NO).chain(anyCase),
        (lang, confirm, yes, no) => {
          h = new Harness();
          const person = { id: 'telegram:5', language: lang };
          h.say(person, lang === 'id' ? '/lupakan' : '/forget');
          const answer = h.say(person, confirm ? yes : no);
          expect(answer, `${lang} ${confirm ? yes : no}`).toMatch(
            confirm ? /erased|dihapus/i : /Nothing was erased|Tidak ada yang dihapus/,
          );
          h.close();
        },
      ),
      { numRuns: ledgerRuns(30) },
    );
  });
});

describe('every skippable question takes lewati and skip', () => {
  it('the SOS questions, people, conditions and contact, in both languages', () => {
    for (const [lang, word] of [
      ['id', 'lewati'],
      ['en', 'lewati'],
      ['id', 'skip'],
      ['en', 'skip'],
    ] as const) {
      h = new Harness();
      const person = { id: 'telegram:7', language: lang };
      h.say(person, 'SOS -7.93512,110.40123');
      expect(h.say(person, word)).toMatch(/apply|berlaku/);
      expect(h.say(person, word)).toMatch(/phone number|Nomor HP/);
      expect(h.say(person, word)).toMatch(/Thank you|Terima kasih/);
      expect(h.ledger.dialogs.get(person.id, { transport: 'telegram', chatId: '7', kind: 'private' })).toBe(
        undefined,
      );
      h.close();
    }
  });

  it('no, "none" and "I don\'t know" to the people and phone questions move on, in any case (property)', () => {
    const nothing = fc.constantFrom(...NO, 'tidak tahu', 'gak tau', 'tidak punya', "don't know", 'tidak ada');
    fc.assert(
      fc.property(nothing.chain(anyCase), nothing.chain(anyCase), (atPeople, atContact) => {
        h = new Harness();
        const person = { id: 'telegram:7', language: 'id' };
        h.say(person, 'SOS -7.93512,110.40123');
        expect(h.say(person, atPeople), atPeople).toMatch(/berlaku/);
        expect(h.say(person, '7')).toMatch(/Nomor HP/);
        expect(h.say(person, atContact), atContact).toMatch(/Terima kasih/);
        expect(h.count('rescues')).toBe(1);
        h.close();
      }),
      { numRuns: ledgerRuns(15) },
    );
  });

  it('batal / cancel typed to any SOS or supply question leaves the dialog; the case stays (property)', () => {
    // As typed in a hurry: with a full stop, exclamation marks or an emoji after it.
    const word = fc
      .tuple(
        fc.constantFrom('batal', 'Batal', 'BATAL', 'cancel', 'Cancel'),
        fc.constantFrom('', '.', '!', '!!', ' !', '...', ' 🙏', '?!'),
      )
      .map(([w, end]) => w + end);
    fc.assert(
      fc.property(word, fc.nat(2), fc.boolean(), (w, answered, sos) => {
        h = new Harness();
        const person = { id: 'telegram:9', language: 'id' };
        const chat = { transport: 'telegram', chatId: '9', kind: 'private' } as const;
        h.say(person, sos ? 'SOS Imogiri' : '/butuh beras');
        for (const a of ['3', 'lewati'].slice(0, answered)) h.say(person, a);
        if (!h.ledger.dialogs.get(person.id, chat)) return h.close();
        expect(h.say(person, w), w).toMatch(/Dibatalkan/);
        expect(h.ledger.dialogs.get(person.id, chat)).toBeUndefined();
        expect(h.count('rescues')).toBe(sos ? 1 : 0);
        h.close();
      }),
      { numRuns: ledgerRuns(15) },
    );
  });

  it('the supply questions, contact and note', () => {
    h = new Harness();
    const person = { id: 'telegram:8', language: 'en' };
    h.say(person, '/need 20 water for 5 people');
    h.say(person, 'Imogiri');
    h.say(person, '2');
    expect(h.say(person, 'lewati')).toContain('Anything else');
    expect(h.say(person, 'skip')).toContain('R-1');
  });
});

describe('"none" is recorded and shown as none; an unknown count is said in words', () => {
  it('tidak ada at the conditions question reads "tidak ada", not "belum disebutkan"', () => {
    h = new Harness({ ADMINS: 'telegram:900' });
    const person = { id: 'telegram:9', language: 'id' };
    h.say(person, 'SOS -7.93512,110.40123');
    h.say(person, '3');
    h.say(person, 'tidak ada');
    const done = h.say(person, 'lewati');
    expect(done).toContain('3 orang; tidak ada.');
    expect(done).not.toContain('belum disebutkan');
    expect(h.ledger.rescues.get(1)).toMatchObject({ conditions: [], conditionsNone: true });
  });

  it('a task never says "?" for a count nobody gave', () => {
    h = new Harness({ ADMINS: 'telegram:900', DEFAULT_LANGUAGE: 'id' });
    h.say({ id: 'telegram:9', language: 'id' }, 'SOS -7.93512,110.40123');
    volunteer_(h, 'telegram:701');
    h.db.prepare("UPDATE volunteers SET area = 'DIY/Bantul', lat = -7.93, lon = 110.4").run();
    const tasks = h.say({ id: 'telegram:701', language: 'id' }, '/tugas');
    expect(tasks).toContain('S-1');
    expect(tasks).not.toMatch(/\?\s*orang/);
    expect(tasks).toContain('jumlahnya belum diketahui');
    const taken = h.say({ id: 'telegram:701', language: 'id' }, '/ambil S-1');
    expect(taken).not.toMatch(/Selamatkan \? orang/);
    const group = h.say('telegram:900', '/sitrep');
    expect(group).not.toMatch(/Jumlah orang: \?/);
  });
});
