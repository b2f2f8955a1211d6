import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { draftChoices } from '../../commands/lib/listen/draft-message.ts';
import { commandOf, DashboardActionSchema } from '../../src/domain/dashboard.ts';
import { dangerChoices } from '../../src/engine/drafts.ts';
import type { Draft } from '../../src/ledger/index.ts';

/**
 * The dashboard's draft actions are the chat's draft buttons: the same words reach the same handler,
 * and nothing else passes the schema.
 */

const parse = (act: unknown) => DashboardActionSchema.safeParse({ id: 'action-0001', act });

describe('draft actions from the dashboard', () => {
  it('send exactly what the buttons under a draft or a danger alert carry', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999_999 }), (id) => {
        const d = { id } as Draft;
        const buttons = [...draftChoices(d, undefined), ...dangerChoices(d)].map((c) => c.value);
        for (const decision of ['confirm', 'discard', 'rescue'] as const) {
          const action = parse({ kind: 'draft', ref: `D-${id}`, decision });
          expect(action.success).toBe(true);
          const content = commandOf(action.data!.act);
          expect(content.kind === 'text' && buttons.includes(content.text)).toBe(true);
        }
      }),
    );
  });

  it('refuse other decisions, other references and anything appended', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.record({ kind: fc.constant('draft'), ref: fc.constant('D-1'), decision: fc.string() }),
          fc.record({
            kind: fc.constant('draft'),
            ref: fc.string().filter((r) => !/^D-\d{1,9}$/.test(r)),
            decision: fc.constantFrom('confirm', 'discard', 'rescue'),
          }),
        ),
        (act) => {
          fc.pre(!['confirm', 'discard', 'rescue'].includes(act.decision) || act.ref !== 'D-1');
          expect(parse(act).success).toBe(false);
        },
      ),
    );
    for (const decision of ['edit', 'merge', 'show', 'confirm R-1'])
      expect(parse({ kind: 'draft', ref: 'D-1', decision }).success).toBe(false);
    expect(parse({ kind: 'draft', ref: 'D-1 ', decision: 'confirm' }).success).toBe(false);
    expect(parse({ kind: 'draft', ref: 'D-1' }).success).toBe(false);
  });
});
