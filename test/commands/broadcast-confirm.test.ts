import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { personalHints } from '../../src/domain/personal-hints.ts';
import { ledgerRuns } from '../support/engine.ts';
import { Harness } from '../support/harness.ts';

let h: Harness;
afterEach(() => h.close());

const COORDINATOR = 'telegram:9';
const GROUP = { transport: 'telegram' as const, chatId: '-1', kind: 'group' as const };

function setUp(): Harness {
  h = new Harness();
  h.grant(COORDINATOR, 'coordinator');
  h.ledger.groups.register({ id: 'test', at: h.clock.now }, GROUP, {
    topics: ['rescue'],
    area: null,
    registeredBy: COORDINATOR,
  });
  return h;
}

const groupRows = () => h.outbox().filter((r) => r.chat_kind === 'group');
const digits = (n: number) => fc.stringMatching(new RegExp(`^[0-9]{${n}}$`));

/** A phone number written with a separator of any kind between its digit groups. */
const phone = fc
  .tuple(digits(4), digits(4), digits(4), fc.constantFrom(' ', '-', '.', ' - ', '~', '*', '|', '/'))
  .map(([a, b, c, sep]) => `08${a.slice(1)}${sep}${b}${sep}${c}`);
/** Something personal that the redaction keeps but the author is asked about. */
const personal = fc.constantFrom(
  'antar ke rumah Bu Siti Jl. Mawar No. 5 RT 02',
  'hubungi Pak Darto di posko',
  'kirim ke budi.santoso@gmail.com',
  'Gg. Kenanga blok C3',
  'antar ke Jl. Kenanga 17',
  'keluarga Darto di Gang Buntu 12A',
);

describe('a broadcast that lost something to the redaction, or looks personal, waits for its author', () => {
  it('shows the cleaned text, sends nothing, and goes only after yes (ya, yes, the button)', () => {
    fc.assert(
      fc.property(fc.oneof(phone, personal), fc.constantFrom('ya', 'yes', 'Ya', '1'), (planted, yes) => {
        setUp();
        try {
          const preview = h.send(COORDINATOR, `/broadcast all Posko buka ${planted}`);
          expect(preview.map((r) => r.chat_id)).toEqual(['9']);
          expect(preview[0]!.text).toContain('Groups will read this');
          expect(JSON.parse(preview[0]!.extra!).choices.map((c: { value: string }) => c.value)).toEqual([
            'yes',
            'no',
          ]);
          expect(h.count('broadcasts')).toBe(0);
          expect(groupRows()).toEqual([]);
          // The question is a dialog in the ledger, holding the cleaned text only.
          const saved = h.db.prepare('SELECT data FROM dialogs').pluck().get() as string;
          expect(saved).toContain('Posko buka');
          if (planted.startsWith('08')) expect(saved).not.toContain(planted);
          h.send(COORDINATOR, yes);
          expect(groupRows()).toHaveLength(1);
          expect(h.count('broadcasts')).toBe(1);
        } finally {
          h.close();
        }
      }),
      { numRuns: ledgerRuns(30) },
    );
    h = new Harness();
  });

  it('drops it on no (tidak), and asks again on anything else', () => {
    setUp();
    h.send(COORDINATOR, '/siaran all Posko buka, hubungi 0812-3456-7890');
    expect(h.say(COORDINATOR, 'maybe')).toContain('Please answer yes');
    expect(h.say(COORDINATOR, 'tidak')).toContain('Nothing was sent');
    expect(h.count('broadcasts')).toBe(0);
    expect(groupRows()).toEqual([]);
  });

  it('survives a restart between the question and the answer', () => {
    setUp();
    h.send(COORDINATOR, '/broadcast all Posko buka, hubungi 0812-3456-7890');
    h = h.reopen();
    expect(h.say(COORDINATOR, 'yes')).toContain('is on its way to 1 groups');
    expect(groupRows().map((r) => r.text)).toEqual(['Posko buka, hubungi [...]']);
  });

  it('a scheduled one too', () => {
    setUp();
    expect(h.say(COORDINATOR, '/schedule 23:00 all Kumpul di rumah Pak Darto')).toContain('a person');
    expect(h.count('broadcasts')).toBe(0);
    expect(h.say(COORDINATOR, 'ya')).toContain('scheduled for');
    expect(h.ledger.broadcasts.get(1)?.text).toBe('Kumpul di rumah Pak Darto');
  });

  it('typed in a group, is refused there with the reason and sends nothing; a clean one goes at once', () => {
    setUp();
    const inGroup = { id: COORDINATOR, chat: GROUP };
    const refused = h.send(inGroup, '/broadcast all Posko buka, hubungi 0812-3456-7890');
    expect(refused.map((r) => r.text).join()).toContain('private chat');
    expect(refused.map((r) => r.text).join()).not.toContain('3456');
    expect(h.count('broadcasts')).toBe(0);
    expect(h.count('dialogs')).toBe(0);
    h.send(inGroup, '/broadcast all Posko buka jam 08.00');
    expect(
      groupRows()
        .filter((r) => r.broadcast_id !== null)
        .map((r) => r.text),
    ).toEqual(['Posko buka jam 08.00']);
  });
});

describe('personal hints', () => {
  it('find a house address, a name with an honorific and an e-mail address; leave public news alone', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Jl.', 'Jalan', 'Gg.', 'Perum'),
        fc.constantFrom('No. ', 'no ', 'RT ', 'rw.', 'Blok '),
        fc.integer({ min: 1, max: 99 }),
        (street, marker, n) => {
          expect(personalHints(`antar ke ${street} Mawar ${marker}${n}`)).toContain('address');
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.constantFrom('Bu', 'bu', 'Pak', 'pak', 'Ibu', 'Bapak', 'Mbak', 'Mas', 'Mrs'),
        fc.constantFrom('Siti', 'Darto', 'Wayan', 'Ahmad'),
        (honorific, name) => {
          expect(personalHints(`hubungi ${honorific} ${name} segera`)).toContain('name');
        },
      ),
    );
    for (const news of ['Road to Dlingo closed', 'Jl. Parangtritis ditutup', 'Posko buka 08.00-17.00'])
      expect(personalHints(news)).toEqual([]);
  });

  it('find a street or lane with a house number and no marker, and a household named after a person', () => {
    const streetWord = fc
      .constantFrom('Jl.', 'Jl', 'Jln.', 'Jalan', 'Gg.', 'Gang', 'Perum', 'Komplek', 'Lorong')
      .chain((w) => fc.constantFrom(w, w.toLowerCase(), w.toUpperCase()));
    const name = fc.array(
      fc.constantFrom('Mawar', 'Kenanga', 'Dr. Sutomo', 'Melati Putih', 'Brigjen Katamso'),
      {
        minLength: 1,
        maxLength: 2,
      },
    );
    const houseNumber = fc
      .tuple(
        fc.constantFrom('', '#', 'No.', 'nr ', 'C-', 'B/'),
        fc.integer({ min: 1, max: 250 }),
        fc.constantFrom('', 'A', 'b'),
      )
      .map(([m, n, x]) => `${m}${n}${x}`);
    fc.assert(
      fc.property(
        streetWord,
        name,
        houseNumber,
        fc.constantFrom('antar ke ', 'di ', ''),
        (s, n, no, lead) => {
          expect(personalHints(`${lead}${s} ${n.join(' ')} ${no}, Imogiri`)).toContain('address');
        },
      ),
      { numRuns: 500 },
    );
    // After an abbreviation (Jl., Gg.) the name may be in any case.
    fc.assert(
      fc.property(
        fc.constantFrom('jl.', 'Jl', 'JLN.', 'gg', 'Gg.'),
        name.map((n) => n.join(' ').toLowerCase()),
        houseNumber,
        (s, n, no) => {
          expect(personalHints(`antar ke ${s} ${n} ${no}`)).toContain('address');
        },
      ),
      { numRuns: 200 },
    );
    for (const household of ['antar ke rumah Siti', 'keluarga Darto mengungsi', 'Rumah Wayan roboh'])
      expect(personalHints(household)).toContain('address');
    for (const news of [
      'Jl. Parangtritis km 7 ditutup',
      'Jalan Parangtritis ditutup sampai 12 Desember',
      'jalan menuju posko 3 km',
      'Rumah Sakit Panembahan buka 24 jam',
      'Air bersih di Jl. Imogiri Timur km 10',
    ])
      expect(personalHints(news)).toEqual([]);
  });
});
