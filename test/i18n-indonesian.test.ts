import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config.ts';
import { REQUEST_STATUSES, URGENCIES } from '../src/domain/request-states.ts';
import { SKILLS } from '../src/domain/skills.ts';
import { RESCUE_CONDITIONS } from '../src/domain/sos-text.ts';
import { TOPICS } from '../src/domain/topics.ts';
import { Catalog } from '../src/i18n/catalog.ts';
import { Harness, type Person } from './support/harness.ts';

/**
 * Every word a person reads comes from the catalog in their language (issue 18). English names of
 * states, skills, urgencies, topics and export kinds are what leaks when code passes an internal value
 * where a catalog word belongs; a person reading Indonesian must never see them.
 */
const ENGLISH = [
  ...REQUEST_STATUSES,
  'open',
  'acknowledged',
  'team_assigned',
  'rescued',
  // "SAR" (search and rescue) is the word Indonesian relief workers use too (Basarnas).
  ...SKILLS.filter((s) => s !== 'sar'),
  ...URGENCIES,
  ...TOPICS,
  ...RESCUE_CONDITIONS,
  'requests',
  'rescues',
  'volunteers',
  'groups',
  'broadcasts',
  'events',
];

/** English words in a text, leaving out commands (`/open`), references and links. */
function englishIn(text: string): string[] {
  const words = text
    .replace(/\{\$\w+\}/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\/\w+/g, ' ')
    .toLowerCase()
    .split(/[^a-z_]+/);
  return [...new Set(words.filter((w) => ENGLISH.includes(w)))];
}

describe('Indonesian readers read Indonesian', () => {
  it('the word list is the real one (it finds a state name)', () => {
    expect(englishIn('R-1 statusnya new')).toEqual(['new']);
    expect(englishIn('/open R-1')).toEqual([]);
  });

  it('no Indonesian message template holds one of those English words', () => {
    const catalog = new Catalog(path.join(PROJECT_ROOT, 'data', 'locales'), 'id', () => {});
    const leaks = catalog
      .keys('id')
      .filter((k) => !k.startsWith('cmd-'))
      .map((key) => ({ key, english: englishIn(catalog.t('id', key)) }))
      .filter((r) => r.english.length > 0);
    expect(leaks).toEqual([]);
  });

  let h: Harness;
  afterAll(() => h?.close());

  it('a whole drill in Indonesian sends no English state, skill, urgency, topic or export name', () => {
    h = new Harness({ ADMINS: 'console:koor', DEFAULT_LANGUAGE: 'id' });
    let speaker = 'local';
    let group: string | undefined;
    const person = (): Person => ({
      id: `console:${speaker}`,
      ...(group ? { chat: { transport: 'console', chatId: group, kind: 'group' } } : {}),
    });
    const script = readFileSync(path.join(PROJECT_ROOT, 'data', 'drill', 'flood-morning.txt'), 'utf8');
    const extra = [
      '@as koor',
      '/terbuka',
      '/verifikasi R-1',
      '/tutup S-1 selesai',
      '/daftarrelawan',
      '/grup',
      '/ekspor permintaan',
      '/ekspor relawan',
      '@as rina',
      '/ambil R-1',
      '/tugas',
      '@as budi',
      '/status',
      '/butuh 3 selimut untuk 2 orang @ Imogiri',
      '@as koor',
      '/verifikasi R-2',
      '/duplikat R-2 R-1',
      '/tolak R-2 sudah dipenuhi',
      '/laporan Bantul',
    ];
    for (const line of [...script.split('\n'), ...extra].filter((l) => l.trim() !== '')) {
      h.clock.advance(5_000);
      const as = /^@as\s+(\S+)/.exec(line);
      const inGroup = /^@group\s+(.+)$/.exec(line);
      if (as) {
        speaker = as[1]!;
        group = undefined;
      } else if (inGroup) group = inGroup[1]!.trim();
      else if (line.startsWith('@loc ')) {
        const [lat, lon] = line.slice(5).split(',').map(Number);
        h.send(person(), { kind: 'location', lat: lat!, lon: lon! });
      } else h.send(person(), line);
    }
    const leaks = h
      .outbox()
      .map((r) => ({ text: r.text, english: englishIn(r.text) }))
      .filter((r) => r.english.length > 0);
    expect(leaks).toEqual([]);
  });
});

describe('refusals name the command as the person typed it', () => {
  it('/verifikasi by someone without the role is answered with /verifikasi, /verify with /verify', () => {
    const h = new Harness({ DEFAULT_LANGUAGE: 'id' });
    try {
      expect(h.say('telegram:5', '/verifikasi R-1')).toContain('/verifikasi hanya untuk');
      expect(h.say('telegram:6', '/verify R-1')).toContain('/verify hanya untuk');
      expect(
        h.say(
          { id: 'telegram:7', chat: { transport: 'telegram', chatId: '-5', kind: 'group' } },
          '/butuh air',
        ),
      ).toContain('/butuh');
    } finally {
      h.close();
    }
  });
});
