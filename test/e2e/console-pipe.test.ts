import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/harness.ts';
import { collect, startBot } from '../support/spawn.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

// Replies of two messages to one chat (an error and the question again) were where the last lines got
// lost: the second waited for a timer that did not keep the process alive once stdin had ended.
const PERSON_LINES = [
  '/whoami',
  '/butuh 3 untuk 3 orang @ Imogiri',
  '/batal',
  '/status',
  '/lang en',
  '/whoami',
  '/help',
  '/need 3 for 3 people @ Imogiri',
  '/cancel',
];

/** 200 lines: 20 people (so flood control holds nobody back), each saying 9 things. */
function script(): { text: string; messages: number } {
  const lines: string[] = [];
  for (let p = 1; p <= 20; p++) lines.push(`@as p${p}`, ...PERSON_LINES);
  return { text: `${lines.join('\n')}\n`, messages: lines.filter((l) => !l.startsWith('@')).length };
}

describe('npm start on the console keeps every piped line', () => {
  it('answers all 200 lines, 20 runs out of 20, and exits after the last answer', {
    timeout: 600_000,
  }, async () => {
    const { text, messages } = script();
    expect(text.trim().split('\n')).toHaveLength(200);
    const answered: number[] = [];
    for (let run = 0; run < 20; run++) {
      const t = tempDir();
      cleanups.push(t.cleanup);
      const DATABASE_PATH = path.join(t.dir, 'relief.db');
      const result = await collect(startBot({ DATABASE_PATH, DEFAULT_LANGUAGE: 'id' }), text);
      expect(result.code).toBe(0);
      const db = new Database(DATABASE_PATH, { readonly: true });
      const done = db.prepare("SELECT COUNT(*) FROM inbox WHERE state = 'done'").pluck().get();
      const sent = db.prepare("SELECT COUNT(*) FROM outbox WHERE state = 'sent'").pluck().get();
      const unsent = db.prepare("SELECT COUNT(*) FROM outbox WHERE state <> 'sent'").pluck().get();
      db.close();
      expect(done).toBe(messages);
      expect(unsent).toBe(0);
      const printed = result.stdout.match(/^→ /gm)?.length ?? 0;
      expect(printed).toBe(sent);
      // The last line's answer is the last thing printed.
      expect(result.stdout.trimEnd().split('\n').at(-3)).toBe('p20> /cancel');
      answered.push(printed);
    }
    expect(new Set(answered).size).toBe(1);
  });
});
