import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { commands } from '../../commands/index.ts';
import { defineCommand } from '../../src/engine/command.ts';
import { UserError } from '../../src/engine/errors.ts';
import { Outcome, reply } from '../../src/engine/outcome.ts';
import { Harness } from '../support/harness.ts';

/** A two-step dialog and a coordinator-only command, to test the engine apart from real commands. */
const survey = defineCommand<string, { name?: string; count?: number }>({
  names: { en: ['survey'], id: ['survei'] },
  role: 'anyone',
  dialog: {
    data: z.object({ name: z.string().optional(), count: z.number().optional() }),
    start: () => ({}),
    steps: [
      {
        id: 'name',
        ask: () => ({ key: 'not-understood' }),
        answer: (_ctx, input, data) => {
          if (input.kind !== 'text') throw new UserError('unsupported-kind');
          return { ...data, name: input.text };
        },
      },
      {
        id: 'count',
        ask: () => ({ key: 'cancel-nothing' }),
        answer: (ctx, input, data) => {
          const n = input.kind === 'text' ? Number(input.text) : Number.NaN;
          // Written before the check: a refused answer must leave nothing behind.
          ctx.ledger.events.append(ctx.actor, { kind: 'survey.try' });
          if (!Number.isInteger(n)) throw new UserError('error-usage', { usage: 'a number' });
          return { ...data, count: n };
        },
      },
    ],
    finish: (ctx, data, out) => {
      ctx.ledger.events.append(ctx.actor, { kind: 'survey.done', payload: data });
      out.replyRaw(`done ${data.name} ${data.count}`);
    },
  },
});

const wipe = defineCommand({
  names: { en: ['wipe'], id: ['hapus'] },
  role: 'coordinator',
  args: z.string(),
  run: (ctx) => {
    ctx.ledger.events.append(ctx.actor, { kind: 'wiped' });
    return reply('cancel-done');
  },
});

const boom = defineCommand({
  names: { en: ['boom'], id: ['bom'] },
  role: 'anyone',
  run: (ctx) => {
    ctx.ledger.events.append(ctx.actor, { kind: 'half' });
    throw new Error('a bug');
  },
});

const all = [...commands, survey, wipe, boom];
let h: Harness;
afterEach(() => h.close());

describe('routing', () => {
  it('routes commands and their aliases in both languages', () => {
    h = new Harness({}, all);
    expect(h.say('telegram:1', '/help')).toContain('What you can do here');
    expect(h.say('telegram:1', '/bantuan')).toContain('What you can do here');
    expect(h.say('telegram:1', '/bahasa id')).toContain('Bahasa Indonesia');
    expect(h.say('telegram:1', '/help')).toContain('Yang bisa Anda lakukan');
    expect(h.say('telegram:1', '/help@ReliefBot')).toContain('Yang bisa Anda lakukan');
    expect(h.say('telegram:1', '/mulai')).toContain('Halo!');
  });

  it('makes the leading slash optional on WhatsApp only', () => {
    h = new Harness({}, all);
    expect(h.say('whatsapp:6281@c.us', 'help')).toContain('What you can do here');
    expect(h.say('telegram:2', 'help')).toContain('did not understand');
  });

  it('suggests the closest command for a typo', () => {
    h = new Harness({}, all);
    expect(h.say('telegram:1', '/hlep')).toContain('Did you mean /help?');
  });

  it('refuses a command without the role and changes nothing', () => {
    h = new Harness({}, all);
    const before = h.count('events');
    expect(h.say('telegram:1', '/wipe')).toContain('only for a coordinator');
    expect(h.count('events')).toBe(before);
    h.grant('telegram:9', 'coordinator');
    const granted = h.count('events');
    expect(h.say('telegram:9', '/wipe')).toContain('Cancelled');
    expect(h.count('events')).toBe(granted + 1);
  });

  it('gives pseudo-senders no role, even with a stored admin role', () => {
    h = new Harness({}, all);
    h.grant('telegram:1087968824', 'admin');
    expect(h.say({ id: 'telegram:1087968824', pseudo: true }, '/wipe')).toContain('only for a coordinator');
  });

  it('answers a bug with an apology and a reference, rolling back its writes', () => {
    h = new Harness({}, all);
    const out = h.say('telegram:1', '/boom');
    expect(out).toMatch(/something went wrong.*E-\d+/);
    expect(h.count('events')).toBe(0);
    expect(h.say('telegram:1', '/help')).toContain('What you can do');
  });

  it('ignores a redelivered message: nothing new, no second reply', () => {
    h = new Harness({}, all);
    h.send('telegram:1', '/help', 'same-id');
    expect(h.send('telegram:1', '/help', 'same-id')).toEqual([]);
    expect(h.count('inbox')).toBe(1);
  });
});

describe('dialogs', () => {
  it('asks, re-asks on a bad answer without keeping its writes, and finishes', () => {
    h = new Harness({}, all);
    h.send('telegram:1', '/survey');
    h.send('telegram:1', 'Ani');
    expect(h.say('telegram:1', 'many')).toContain('Use it like this: a number');
    expect(h.count('events')).toBe(0);
    expect(h.say('telegram:1', '4')).toContain('done Ani 4');
  });

  it('resumes at the same step after the database is closed and reopened', () => {
    h = new Harness({}, all);
    h.send('telegram:1', '/survey');
    h.send('telegram:1', 'Budi');
    h = h.reopen();
    expect(h.say('telegram:1', '7')).toContain('done Budi 7');
  });

  it('expires after 30 idle minutes', () => {
    h = new Harness({}, all);
    h.send('telegram:1', '/survey');
    h.clock.advance(31 * 60_000);
    expect(h.say('telegram:1', 'Citra')).toContain('did not understand');
  });

  it('is left with /cancel and /batal', () => {
    h = new Harness({}, all);
    h.send('telegram:1', '/survey');
    expect(h.say('telegram:1', '/batal')).toContain('Cancelled');
    expect(h.say('telegram:1', '/cancel')).toContain('nothing to cancel');
  });

  it('answers numbered choices outside a dialog (WhatsApp, console)', () => {
    h = new Harness({}, all);
    h.send('whatsapp:62811@c.us', 'start');
    expect(h.say('whatsapp:62811@c.us', '2')).toContain('Bahasa Indonesia');
  });
});

describe('flood control', () => {
  it('holds back one flooding sender without delaying another', () => {
    h = new Harness({}, all);
    for (let i = 0; i < 25; i++) h.send('telegram:1', '/help');
    const flooderReplies = h.outbox().filter((r) => r.chat_id === '1');
    // 20 answers, then one "slow down" notice; the other 5 wait in the inbox, recorded.
    expect(flooderReplies).toHaveLength(21);
    expect(flooderReplies.at(-1)!.text).toContain('sending many messages');
    expect(h.ledger.inbox.pendingCount()).toBe(5);
    expect(h.say('telegram:2', '/help')).toContain('What you can do');
    h.clock.advance(61_000);
    h.core.processPending();
    expect(h.ledger.inbox.pendingCount()).toBe(0);
  });
});

describe('jobs', () => {
  it('runs a rule in one transaction and queues what it says; a throwing rule changes nothing', () => {
    h = new Harness({ ADMINS: 'telegram:7' }, all);
    const queued = h.core.runJob('test', (ctx) => {
      ctx.ledger.events.append(ctx.actor, { kind: 'job.ran' });
      return new Outcome().toCoordinators('cancel-done');
    });
    expect(queued).toBe(1);
    expect(h.outbox()[0]).toMatchObject({ chat_id: '7', kind: 'notice' });
    expect(() =>
      h.core.runJob('bad', (ctx) => {
        ctx.ledger.events.append(ctx.actor, { kind: 'job.half' });
        throw new Error('bug');
      }),
    ).toThrow('bug');
    expect(h.count('events')).toBe(1);
  });
});
