import { readGroupMessage } from '../../src/domain/group-reading.ts';
import type { InboundMessage } from '../../src/domain/message.ts';
import { readRescueIntent } from '../../src/domain/rescue-intent.ts';
import { groupMessages } from '../support/group-messages.ts';
import { Harness } from '../support/harness.ts';
import type { Figure } from './report.ts';

/**
 * Listen mode's cost (issue 34): a message written in a listened group (test/data/group-messages.tsv,
 * its needs, offers, danger and noise in their proportions) through the core, beside the intake of a
 * command (a one-shot `/need`) through the same core, both 100 messages per receive on a temp file,
 * taking turns so load from elsewhere hits both alike. Then the reader alone beside the front door's
 * danger reader, which it calls.
 */
const MESSAGES = 3_000;
const BATCH = 100;
const ROUNDS = 10;
const READS = 20_000;
const COMMAND = '/need 20 water, 5 rice for 30 people @ -7.80,110.36';
const COORDINATOR = 'telegram:999';
const GROUP = { transport: 'telegram' as const, chatId: '-900', kind: 'group' as const };

/** Letters only, so a suffix that keeps every text distinct (no forward merging) reads as no number. */
const tag = (i: number) => `zq${i.toString(26).replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!)}`;

function listened(): Harness {
  const h = new Harness();
  h.grant(COORDINATOR, 'coordinator');
  h.send({ id: COORDINATOR, chat: GROUP }, '/register rescue,supply Bantul');
  h.send({ id: COORDINATOR, chat: GROUP }, '/listen on');
  return h;
}

export async function listen(): Promise<Figure[]> {
  const table = groupMessages();
  const group = listened();
  const commands = listened();
  try {
    const inGroup: InboundMessage[] = Array.from({ length: MESSAGES }, (_, i) =>
      group.message(
        { id: `telegram:${3_000_000 + i}`, chat: GROUP },
        `${table[i % table.length]!.text} ${tag(i)}`,
      ),
    );
    const needs: InboundMessage[] = Array.from({ length: MESSAGES }, (_, i) =>
      commands.message({ id: `telegram:${3_000_000 + i}` }, COMMAND),
    );
    const modes = [
      { h: group, list: inGroup, ns: 0, done: 0 },
      { h: commands, list: needs, ns: 0, done: 0 },
    ];
    for (let round = 1; round <= ROUNDS; round++)
      for (const m of modes) {
        const upTo = Math.ceil((m.list.length * round) / ROUNDS);
        const t0 = process.hrtime.bigint();
        for (let i = m.done; i < upTo; i += BATCH)
          m.h.core.receive(m.list.slice(i, Math.min(i + BATCH, upTo)));
        m.ns += Number(process.hrtime.bigint() - t0);
        m.done = upTo;
      }
    const perMessage = (m: (typeof modes)[number]) => m.ns / 1e3 / m.done;
    const drafts = group.count('drafts');
    const rescues = group.count('rescues');

    const texts = Array.from({ length: READS }, (_, i) => table[i % table.length]!.text);
    const time = (read: (t: string) => unknown) => {
      const t0 = process.hrtime.bigint();
      for (const t of texts) read(t);
      return Number(process.hrtime.bigint() - t0) / 1e3 / READS;
    };
    time(readGroupMessage);
    const reader = time(readGroupMessage);
    const danger = time((t) => readRescueIntent(t, 'private'));
    return [
      {
        id: 'listen.group-message',
        name: 'a message in a listened group, through the core',
        unit: 'µs/msg',
        value: perMessage(modes[0]!),
        baseline: perMessage(modes[1]!),
        baselineName: 'intake of a one-shot /need',
        target: null,
        detail: `${MESSAGES} messages of test/data/group-messages.tsv (${table.length} kinds, each made distinct) into one listened group, ${BATCH} per receive, WAL + synchronous=FULL; they made ${drafts} drafts and ${rescues} rescue cases; baseline '${COMMAND}' from private chats, the same way`,
      },
      {
        id: 'listen.read',
        name: 'reading a group message (group-reading.ts)',
        unit: 'µs/msg',
        value: reader,
        baseline: danger,
        baselineName: "the front door's danger reader alone",
        target: null,
        detail: `${READS} reads over the table's messages; the reader calls the danger reader once per message`,
      },
    ];
  } finally {
    group.close();
    commands.close();
  }
}
