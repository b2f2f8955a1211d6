import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { DashboardBackend } from '../../src/http/dashboard/backend.ts';
import { LiveUpdates } from '../../src/http/dashboard/live.ts';

/** A response that keeps what is written to it. */
function response() {
  const res = Object.assign(new EventEmitter(), {
    written: '',
    ended: false,
    write(chunk: string) {
      res.written += chunk;
      return true;
    },
    end() {
      res.ended = true;
      res.emit('close');
    },
  });
  return res;
}

function backend(over: Partial<DashboardBackend> = {}): DashboardBackend {
  return {
    signIn: () => ({ ok: false, reason: 'unknown' }),
    session: () => ({ personId: 'telegram:5', lang: 'en' }),
    signOut: () => {},
    version: () => 7,
    view: () => ({}),
    strings: () => ({}),
    suggestions: () => [],
    media: () => undefined,
    languages: ['en'],
    act: () => ({ recorded: true }),
    lastAnswer: () => 0,
    answersAfter: () => [],
    ...over,
  };
}

describe('live updates', () => {
  it('tells each page the version, and only its own coordinator the answers', async () => {
    let version = 7;
    let answers = [{ id: 3, personId: 'telegram:5', text: 'R-1 verified' }];
    const live = new LiveUpdates(
      backend({ version: () => version, answersAfter: (id) => answers.filter((a) => a.id > id) }),
      () => {},
    );
    const mine = response();
    const theirs = response();
    live.add(mine as unknown as ServerResponse, 'telegram:5', 'a');
    live.add(theirs as unknown as ServerResponse, 'telegram:6', 'b');
    version = 8;
    await new Promise((r) => setTimeout(r, 700));
    expect(mine.written).toContain('event: version\ndata: 8\n\n');
    expect(theirs.written).toContain('event: version\ndata: 8\n\n');
    expect(mine.written).toContain('event: reply\ndata: {"id":3,"text":"R-1 verified"}');
    expect(theirs.written).not.toContain('event: reply');
    answers = [];
    mine.end();
    theirs.end();
  });

  it('ends its streams, and throws nothing out of its timer, when the ledger cannot be read (closed at stop)', async () => {
    let open = true;
    const failures: unknown[] = [];
    const live = new LiveUpdates(
      backend({
        version: () => {
          if (!open) throw new TypeError('The database connection is not open');
          return 1;
        },
      }),
      (err) => failures.push(err),
    );
    const res = response();
    live.add(res as unknown as ServerResponse, 'telegram:5', 'a');
    open = false;
    await new Promise((r) => setTimeout(r, 700));
    expect(res.ended).toBe(true);
    expect(failures).toHaveLength(1);
  });
});
