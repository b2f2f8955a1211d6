import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { InboundContent } from '../../src/domain/message.ts';
import { MediaStore } from '../../src/engine/media-store.ts';
import { Harness } from '../support/harness.ts';

let h: Harness;
let store: MediaStore;
const made: string[] = [];
afterEach(() => {
  for (const name of made.splice(0)) store.remove(name);
  h.close();
});

const DAY = 86_400_000;

function setup(): Harness {
  h = new Harness({ ADMINS: 'telegram:900' });
  store = new MediaStore(h.ledger.mediaFiles.dir, 1024 * 1024);
  return h;
}

/** A file as an adapter stores it, and the message that carries it. */
function photo(text: string, caption?: string): { content: InboundContent; name: string; size: number } {
  const bytes = Buffer.from(`${text} ${Math.random()}`);
  const stored = store.put(bytes);
  made.push(stored.sha256);
  return {
    content: {
      kind: 'media',
      media: { type: 'photo', ...stored, mime: 'image/jpeg' },
      ...(caption ? { caption } : {}),
    },
    name: stored.sha256,
    size: bytes.byteLength,
  };
}

const file = (name: string) => existsSync(path.join(h.ledger.mediaFiles.dir, name));

describe('media and erasure', () => {
  it("/forget removes the person's files and their rows", () => {
    setup();
    const a = photo('water at the door', 'SOS -7.93512,110.40123');
    const b = photo('someone else');
    h.send('telegram:1', a.content);
    h.send('telegram:2', b.content);
    h.ledger.transaction(() =>
      h.ledger.forgetting.forget({ id: 'telegram:1', at: h.clock.now }, 'telegram:1'),
    );
    expect(file(a.name)).toBe(false);
    expect(file(b.name)).toBe(true);
    expect(h.count('attachments')).toBe(1);
  });

  it('the retention purge removes media never attached or of finished records, and counts files and bytes', () => {
    setup();
    const loose = photo('nothing open');
    const live = photo('live case', 'SOS -7.93512,110.40123');
    h.send('telegram:1', loose.content);
    h.send('telegram:2', live.content);
    h.clock.advance(40 * DAY);
    const counts = h.ledger.transaction(() =>
      h.ledger.housekeeping.purge({ id: 'test', at: h.clock.now }, h.clock.now - 30 * DAY),
    );
    expect(counts).toMatchObject({ mediaFiles: 1, mediaBytes: loose.size });
    expect(file(loose.name)).toBe(false);
    // The rescue is still open: its photo stays for the team.
    expect(file(live.name)).toBe(true);
    h.send('telegram:900', '/rescued S-1');
    h.clock.advance(40 * DAY);
    const later = h.ledger.transaction(() =>
      h.ledger.housekeeping.purge({ id: 'test', at: h.clock.now }, h.clock.now - 30 * DAY),
    );
    expect(later).toMatchObject({ mediaFiles: 1, mediaBytes: live.size });
    expect(file(live.name)).toBe(false);
    expect(h.count('attachments')).toBe(0);
  });

  // On PostgreSQL the harness gives the ledger its own DATA_DIR, as a deployment does: swept as well.
  it('the purge sweeps files no row names (a crash between download and commit) once an hour old', () => {
    setup();
    const named = photo('attached', 'SOS -7.93512,110.40123');
    h.send('telegram:1', named.content);
    const young = photo('downloaded, its message not yet committed');
    const orphan = photo('downloaded before a crash');
    const half = path.join(h.ledger.mediaFiles.dir, '.tmp-0123456789ab');
    writeFileSync(half, 'half a file');
    const hoursAgo = new Date(Date.now() - 2 * 3_600_000);
    for (const f of [orphan.name, named.name])
      utimesSync(path.join(h.ledger.mediaFiles.dir, f), hoursAgo, hoursAgo);
    utimesSync(half, hoursAgo, hoursAgo);
    const counts = h.ledger.transaction(() =>
      h.ledger.housekeeping.purge({ id: 'test', at: h.clock.now }, h.clock.now - 30 * DAY),
    );
    expect(counts).toMatchObject({ mediaOrphans: 2, mediaFiles: 2, mediaBytes: orphan.size + 11 });
    expect(file(orphan.name)).toBe(false);
    expect(existsSync(half)).toBe(false);
    expect(file(young.name)).toBe(true);
    expect(file(named.name)).toBe(true);
  });
});
