import { afterEach, describe, expect, it } from 'vitest';
import { PHONE, seed } from '../export/seed.ts';
import { Harness } from '../support/harness.ts';

let h: Harness;
afterEach(() => h.close());

const ADMIN = 'telegram:1';
const COORDINATOR = 'telegram:2';

function setup(): void {
  h = new Harness({ ADMINS: ADMIN });
  seed(h);
  h.grant(COORDINATOR, 'coordinator');
}

const fileOf = (row: { extra: string | null } | undefined) =>
  (JSON.parse(row?.extra ?? '{}') as { file?: { name: string; mime: string; content: string } }).file;

describe('/export', () => {
  it('sends a coordinator the file, without personal data, with a caption', () => {
    setup();
    const [row] = h.send(COORDINATOR, '/export requests hxl --area Imogiri');
    expect(row?.text).toContain('export of supply requests: 1 record, as hxl');
    const file = fileOf(row);
    expect(file?.name).toMatch(/^requests-\d{8}-\d{4}\.hxl\.csv$/);
    expect(file?.mime).toBe('text/csv');
    expect(file?.content.split('\r\n')[1]).toContain('#item+name');
    expect(file?.content).not.toContain(PHONE);
  });

  it('works with the Indonesian alias and defaults to CSV', () => {
    setup();
    const [row] = h.send(COORDINATOR, '/ekspor rescues');
    expect(fileOf(row)?.name).toMatch(/^rescues-.*\.csv$/);
  });

  it('gives personal data to an admin who asks, and records that it left', () => {
    setup();
    const events = h.count('events');
    const [row] = h.send(ADMIN, '/export volunteers json --include-personal');
    expect(fileOf(row)?.content).toContain(PHONE);
    expect(h.count('events')).toBe(events + 1);
    expect(h.db.prepare('SELECT kind, actor FROM events ORDER BY id DESC LIMIT 1').get()).toEqual({
      kind: 'export.personal',
      actor: h.pseudonym(ADMIN),
    });
  });

  it('gives a personal export a name of its own and a caption that says what it holds', () => {
    setup();
    const [plain] = h.send(ADMIN, '/export requests');
    const [personal] = h.send(ADMIN, '/export requests --include-personal');
    const [again] = h.send(ADMIN, '/export requests --include-personal');
    expect(plain?.text).toContain('are left out');
    expect(personal?.text).toContain('WITH PERSONAL DATA');
    expect(personal?.text).toContain('names, person ids, phone numbers, exact locations, addresses, notes');
    expect(personal?.text).toContain('within 24 hours');
    const names = [plain, personal, again].map((r) => fileOf(r)?.name);
    expect(names[1]).toMatch(/^requests-personal-\d{8}-\d{4}-[0-9a-f]{8}\.csv$/);
    // Same minute, three files: none overwrites another.
    expect(new Set(names).size).toBe(3);
    expect(names.filter((n) => n?.includes('-personal-'))).toHaveLength(2);
  });

  it('refuses personal data to a coordinator, bad options, chats outside private, and empty results', () => {
    setup();
    expect(h.say(COORDINATOR, '/export volunteers json --include-personal')).toContain('Only an admin');
    expect(h.say(COORDINATOR, '/export events geojson')).toContain('could not read that export');
    expect(h.say(COORDINATOR, '/export requests csv --out /etc/passwd')).toContain(
      'could not read that export',
    );
    expect(h.say(COORDINATOR, '/export requests csv --area Atlantis')).toContain('do not know the area');
    expect(h.say(COORDINATOR, '/export requests csv --status closed')).toContain(
      'no supply requests that match',
    );
    const inGroup = h.say(
      { id: COORDINATOR, chat: { transport: 'telegram', chatId: '-1001', kind: 'group' } },
      '/export requests',
    );
    expect(inGroup).toContain('private chat');
    expect(h.outbox().filter((r) => fileOf(r))).toEqual([]);
  });
});
