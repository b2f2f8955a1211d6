import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeBotApi } from '../support/fake-bot-api.ts';
import { freePort, startWithFake, stopAll } from '../support/telegram-bot.ts';

/** Resident memory of every process in the bot's process group (npm and the bot), in bytes. */
function groupRss(pgid: number): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): state, ppid, pgrp, ...
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      total += Number(rss ?? 0) * 1024;
    } catch {
      // The process ended while being read.
    }
  }
  return total;
}

/** A POST of `body` with `secret`; resolves with the status, or the error code when the server hung up. */
function post(url: string, secret: string, body: Buffer): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': body.length,
        'x-telegram-bot-api-secret-token': secret,
      },
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
    req.end(body);
  });
}

const MB = 1024 * 1024;

describe('the webhook under abuse', () => {
  afterEach(stopAll);

  it('400 concurrent 1 MB bodies with a wrong secret cost under 50 MB, and a real update is still answered', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/telegram/hook`;
    const { fake, bot } = await startWithFake({
      HTTP_PORT: String(port),
      TELEGRAM_WEBHOOK_URL: url,
      TELEGRAM_WEBHOOK_SECRET: 'right-secret',
    });
    await fake.waitFor(() => fake.webhook);
    const ana = FakeBotApi.user(701, 'en');
    fake.text(ana, '/help');
    await fake.waitFor(() => fake.sentTo(701).length === 1);
    await new Promise((r) => setTimeout(r, 500));
    const idle = groupRss(bot.pid!);

    let peak = idle;
    const sampler = setInterval(() => {
      peak = Math.max(peak, groupRss(bot.pid!));
    }, 20);
    const body = Buffer.alloc(MB, 'x');
    const answers = await Promise.all(Array.from({ length: 400 }, () => post(url, 'wrong', body)));
    peak = Math.max(peak, groupRss(bot.pid!));
    clearInterval(sampler);

    // Each is answered 401 at once, or cut off while it is still sending: none is read.
    expect(answers.filter((a) => a === 401).length).toBeGreaterThan(0);
    expect(answers.filter((a) => typeof a === 'number' && a !== 401)).toEqual([]);
    expect(peak - idle).toBeLessThan(50 * MB);

    fake.text(ana, '/start');
    await fake.waitFor(() => fake.sentTo(701).length === 2);
    expect(fake.sentTo(701)[1]).toContain('Hello!');
    console.log(
      `webhook abuse: idle ${(idle / MB).toFixed(0)} MB, peak +${((peak - idle) / MB).toFixed(1)} MB`,
    );
  });
});
