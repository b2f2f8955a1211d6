import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildExport, type ExportOptions, parseExportArgs } from '../../src/export/index.ts';
import { Harness } from '../support/harness.ts';

let h: Harness;
beforeEach(() => {
  h = new Harness({ ADMINS: 'telegram:1' });
});
afterEach(() => h.close());

const PHONE_DIGITS = '0811-2223-334';
const POINT = '-7.912345,110.335678';

function run(args: string): string {
  const parsed = parseExportArgs(args.split(' '));
  if (!parsed.success) throw new Error(parsed.error.message);
  return buildExport(h.ledger, parsed.data as ExportOptions, h.clock.now).file.content;
}

/** Free text written before the redaction existed, straight into the rows, as an old ledger holds it. */
function seedOldRows(): void {
  const at = h.clock.now;
  h.db
    .prepare(
      `INSERT INTO rescues (id, reporter, status, status_reason, created_at, updated_at)
       VALUES (1, 'telegram:5', 'closed', ?, ?, ?)`,
    )
    .run(`delivered, called ${PHONE_DIGITS} at ${POINT}`, at, at);
  h.db
    .prepare(
      `INSERT INTO requests (id, requester, items, status, status_reason, created_at, updated_at)
       VALUES (1, 'telegram:6', ?, 'rejected', ?, ?, ?)`,
    )
    .run(
      JSON.stringify([{ item: 'other', qty: 877, text: 'Pak Darto 0877-6655-4433' }]),
      `dup of ${POINT}`,
      at,
      at,
    );
  h.db
    .prepare(
      `INSERT INTO broadcasts (id, author, text, target, state, created_at, updated_at)
       VALUES (1, 'telegram:1', ?, 'all', 'done', ?, ?)`,
    )
    .run(`Hubungi ${PHONE_DIGITS} di ${POINT}`, at, at);
}

describe('default exports are built from structured fields only', () => {
  it('reasons, broadcast texts, items outside the catalog: none of their words, only in a personal export', () => {
    seedOldRows();
    for (const what of ['requests', 'rescues', 'broadcasts']) {
      for (const format of ['csv', 'json']) {
        const content = run(`${what} ${format}`);
        expect(content, what).not.toMatch(/2223|6655|4433|912345|335678|delivered|Darto|Hubungi|dup of/);
      }
    }
    expect(run('requests csv')).toContain('R-1,other,877');
    expect(run('rescues csv --include-personal')).toContain(`called ${PHONE_DIGITS} at ${POINT}`);
    expect(run('requests csv --include-personal')).toContain('Pak Darto 0877-6655-4433');
  });

  it('the events export keeps free text out of the hashed part, so its chain still verifies', () => {
    h.send('telegram:1', 'SOS Jl. Imogiri Timur km 8, air naik, 081234567890');
    h.send('telegram:1', `/close S-1 delivered, called ${PHONE_DIGITS} at ${POINT}`);
    const content = run('events json');
    // Hashes and aliases are hex: a planted run of digits turns up in them by chance about one run in twenty.
    expect(content.replace(/[0-9a-f]{12,}/g, '')).not.toMatch(/2223|912345|081234567890/);
    // Nothing had to be redacted: the ledger keeps a person's words in the separately hashed personal part.
    const exported = JSON.parse(content).records as { id: number; payload: string }[];
    const stored = h.db.prepare('SELECT id, payload FROM events ORDER BY id').all();
    expect(exported.map((e) => ({ id: e.id, payload: e.payload }))).toEqual(stored);
    const closed = h.db.prepare("SELECT personal FROM events WHERE kind = 'rescue.closed'").pluck().get();
    expect(String(closed)).toContain(PHONE_DIGITS);
  });
});
