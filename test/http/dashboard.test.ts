import { afterEach, describe, expect, it } from 'vitest';
import { Ledger } from '../../src/ledger/index.ts';
import { ConsoleWithDashboard, ledgerEnv, signIn, tokenOf } from '../support/dashboard.ts';
import { ledgerLocation, openRawLedger } from '../support/engine.ts';
import { openRaw, tempDir } from '../support/harness.ts';
import { runCli } from '../support/spawn.ts';

/**
 * The dashboard over HTTP, on the real core: sign-in links (single use, 10 minutes, coordinators only),
 * the session cookie, CSRF on actions, and every action as the chat command it stands for.
 */

let bot: ConsoleWithDashboard | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

async function pageOf(base: string, cookie: string) {
  const res = await fetch(base, { headers: { cookie } });
  const html = await res.text();
  return { res, html, csrf: /"csrf":"([\w-]+)"/.exec(html)?.[1] ?? '' };
}

function act(
  base: string,
  cookie: string,
  csrf: string | undefined,
  body: unknown,
  extra: Record<string, string> = {},
) {
  return fetch(`${base}/act`, {
    method: 'POST',
    headers: {
      cookie,
      'content-type': 'application/json',
      ...(csrf ? { 'x-csrf-token': csrf } : {}),
      ...extra,
    },
    body: JSON.stringify(body),
  });
}

let seq = 0;
const actionId = () => `test-action-${++seq}-${Date.now()}`;

describe('signing in to the dashboard', () => {
  it('gives a coordinator a link that opens one session, once, with a strict cookie', async () => {
    bot = await ConsoleWithDashboard.start();
    const link = await bot.link();
    expect(link).toMatch(new RegExp(`^http://localhost:${bot.port}/dashboard/signin\\?lang=en#[\\w-]{43}$`));

    const signinPage = await fetch(link.replace('localhost', '127.0.0.1'));
    expect(signinPage.status).toBe(200);
    expect(signinPage.headers.get('content-security-policy')).toContain("script-src 'self'");
    // The link's token is in the fragment: the page the server sends does not know it.
    expect(await signinPage.text()).not.toContain(tokenOf(link));

    const first = await signIn(bot.base, tokenOf(link));
    expect(first.status).toBe(303);
    expect(first.setCookie).toMatch(
      /^relief_dashboard=[\w-]{43}; Path=\/dashboard; HttpOnly; SameSite=Strict; Max-Age=43200$/,
    );
    expect(first.setCookie).not.toContain('Secure');

    const again = await signIn(bot.base, tokenOf(link));
    expect(again.status).toBe(410);
    expect(again.cookie).toBeUndefined();
    expect(again.text).toContain('already used');

    const { res, html, csrf } = await pageOf(bot.base, first.cookie!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: https://tile.openstreetmap.org; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    );
    expect(html).toContain('/dashboard/assets/leaflet.js');
    expect(csrf).not.toBe('');
    // The tokens are kept hashed: the database holds neither the link's nor the session's.
    const raw = openRawLedger(bot.location, openRaw);
    const kept = JSON.stringify([
      raw.prepare('SELECT * FROM dashboard_links').all(),
      raw.prepare('SELECT * FROM dashboard_sessions').all(),
    ]);
    raw.close();
    expect(kept).toContain('console:koor');
    expect(kept).not.toContain(tokenOf(link));
    expect(kept).not.toContain(first.cookie!.split('=')[1]);

    const slash = await fetch(`${bot.base}/`, { redirect: 'manual' });
    expect([slash.status, slash.headers.get('location')]).toEqual([303, '/dashboard']);
    const signedOut = await fetch(bot.base);
    expect(signedOut.status).toBe(401);
    expect(await signedOut.text()).toContain('Send /dashboard to the bot');
    expect((await fetch(`${bot.base}/view`)).status).toBe(401);
    expect((await fetch(`${bot.base}/events`)).status).toBe(401);
    expect((await fetch(`${bot.base}/suggestions?ref=R-1`)).status).toBe(401);
    const asked = (ref: string) =>
      fetch(`${bot!.base}/suggestions?ref=${ref}`, { headers: { cookie: first.cookie! } });
    expect((await asked('nope')).status).toBe(400);
    expect(await (await asked('R-1')).json()).toEqual([]);
  });

  it('refuses an unknown link, an expired one and one for someone who is not a coordinator, each with a page that says why', async () => {
    bot = await ConsoleWithDashboard.start();
    const unknown = await signIn(bot.base, 'x'.repeat(43));
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('not valid');

    const ledger = bot.app.ledger;
    const old = ledger.transaction(() =>
      ledger.dashboard.createLink('console:koor', Date.now() - 10 * 60_000 - 1),
    );
    const expired = await signIn(bot.base, old);
    expect(expired.status).toBe(410);
    expect(expired.text).toContain('expired');
    expect(expired.text).not.toMatch(/Error|at .*\.ts/);

    expect(await bot.say('@as siti\n/dashboard', /→ siti\n.*\n/)).toContain(
      '/dashboard is only for a coordinator',
    );
    const forSiti = ledger.transaction(() => ledger.dashboard.createLink('console:siti', Date.now()));
    const refused = await signIn(bot.base, forSiti);
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('Only coordinators');
    expect(refused.cookie).toBeUndefined();
  });

  it('/dashboard in a group is refused there: a link is for a private chat', async () => {
    bot = await ConsoleWithDashboard.start();
    const text = await bot.say('@as koor\n@group Posko\n/dashboard', /→ \[Posko\]\n.*\n/);
    expect(text).not.toContain('http');
  });

  it('marks the cookie Secure and builds links from PUBLIC_URL when people reach the bot over HTTPS', async () => {
    bot = await ConsoleWithDashboard.start({ PUBLIC_URL: 'https://relief.example.org/' });
    const link = await bot.link();
    expect(link).toMatch(/^https:\/\/relief\.example\.org\/dashboard\/signin\?lang=en#/);
    const { setCookie } = await signIn(bot.base, tokenOf(link));
    expect(setCookie).toMatch(/; Secure$/);
  });

  it('ends the sessions of a coordinator whose role is revoked, and their open stream', async () => {
    bot = await ConsoleWithDashboard.start();
    await bot.say('@as koor\n/grant console:rina coordinator', /now coordinator/);
    const { cookie } = await signIn(bot.base, tokenOf(await bot.link('rina')));
    expect((await fetch(`${bot.base}/view`, { headers: { cookie: cookie! } })).status).toBe(200);
    const stream = await fetch(`${bot.base}/events`, { headers: { cookie: cookie! } });
    const reader = stream.body!.getReader();

    await bot.say('@as koor\n/revoke console:rina', /→ koor/);
    expect((await fetch(`${bot.base}/view`, { headers: { cookie: cookie! } })).status).toBe(401);
    expect((await fetch(bot.base, { headers: { cookie: cookie! } })).status).toBe(401);
    // Granting the role again does not bring an old session back.
    await bot.say('@as koor\n/grant console:rina coordinator', /now coordinator/);
    expect((await fetch(`${bot.base}/view`, { headers: { cookie: cookie! } })).status).toBe(401);
    let seen = '';
    while (!seen.includes('event: signedout')) {
      const { value, done } = await reader.read();
      if (done) break;
      seen += new TextDecoder().decode(value);
    }
    expect(seen).toContain('event: signedout');
  });

  it('forgets a coordinator who used the dashboard: their sessions, and their dashboard chat’s messages', async () => {
    bot = await ConsoleWithDashboard.start();
    await bot.say('@as koor\n/grant console:rina coordinator', /now coordinator/);
    await bot.say('@as siti\n/need 20 water for 12 people @ -7.80,110.36', /R-1/);
    const { cookie } = await signIn(bot.base, tokenOf(await bot.link('rina')));
    const { csrf } = await pageOf(bot.base, cookie!);
    await act(bot.base, cookie!, csrf, {
      id: actionId(),
      act: { kind: 'reject', ref: 'R-1', reason: 'sent twice' },
    });
    await bot.until(() => (bot!.app.ledger.requests.get(1)?.status === 'rejected' ? true : undefined));
    await bot.say('@as rina\n/forget', /→ rina/);
    await bot.say('yes', /→ rina/);
    const raw = openRawLedger(bot.location, openRaw);
    const kept = JSON.stringify([
      raw.prepare("SELECT * FROM inbox WHERE transport = 'web'").all(),
      raw.prepare("SELECT * FROM outbox WHERE transport = 'web'").all(),
      raw.prepare('SELECT * FROM dashboard_links').all(),
      raw.prepare('SELECT * FROM dashboard_sessions').all(),
    ]);
    raw.close();
    expect(kept).toContain('"transport":"web"');
    expect(kept).not.toContain('console:rina');
    expect((await fetch(`${bot.base}/view`, { headers: { cookie: cookie! } })).status).toBe(401);
  });

  it('signs out: the session ends on the server and the cookie is cleared', async () => {
    bot = await ConsoleWithDashboard.start();
    const { cookie } = await signIn(bot.base, tokenOf(await bot.link()));
    const { csrf } = await pageOf(bot.base, cookie!);
    const out = await fetch(`${bot.base}/signout`, {
      method: 'POST',
      headers: { cookie: cookie!, 'x-csrf-token': csrf },
    });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await fetch(`${bot.base}/view`, { headers: { cookie: cookie! } })).status).toBe(401);
  });
});

describe('relief-bot dashboard-link', () => {
  it('prints a link bound to a coordinator for an operator, and refuses anyone else', async () => {
    const t = tempDir();
    const location = ledgerLocation(t.dir);
    const env = { ...ledgerEnv(location), PUBLIC_URL: 'https://relief.example.org' };
    try {
      expect((await runCli(['grant', 'telegram:5', 'coordinator'], env)).code).toBe(0);
      const run = await runCli(['dashboard-link', 'telegram:5'], env);
      expect(run.code).toBe(0);
      const link = run.stdout.trim();
      expect(link).toMatch(/^https:\/\/relief\.example\.org\/dashboard\/signin\?lang=id#[\w-]{43}$/);
      const nobody = await runCli(['dashboard-link', 'telegram:6'], env);
      expect(nobody.code).toBe(1);
      expect(nobody.stderr).toContain('is not a coordinator');
      const ledger = Ledger.open(location);
      try {
        expect(ledger.transaction(() => ledger.dashboard.redeem(tokenOf(link), Date.now()))).toMatchObject({
          ok: true,
          personId: 'telegram:5',
        });
      } finally {
        ledger.close();
      }
    } finally {
      t.cleanup();
    }
  });
});

describe('acting from the dashboard', () => {
  it('refuses an action without the CSRF token, with a wrong one, or from another origin', async () => {
    bot = await ConsoleWithDashboard.start();
    await bot.say('@as siti\n/need 20 water for 12 people @ -7.80,110.36', /R-1/);
    const { cookie } = await signIn(bot.base, tokenOf(await bot.link()));
    const { csrf } = await pageOf(bot.base, cookie!);
    const verify = { id: actionId(), act: { kind: 'verify', ref: 'R-1' } };
    expect((await act(bot.base, cookie!, undefined, verify)).status).toBe(403);
    expect((await act(bot.base, cookie!, `${csrf.slice(1)}x`, verify)).status).toBe(403);
    expect((await act(bot.base, cookie!, csrf, verify, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await act(bot.base, 'relief_dashboard=nope', csrf, verify)).status).toBe(401);
    expect(
      (await act(bot.base, cookie!, csrf, { id: actionId(), act: { kind: 'verify', ref: '1; DROP' } }))
        .status,
    ).toBe(400);
    expect(bot.app.ledger.requests.get(1)?.status).toBe('new');
    const ok = await act(bot.base, cookie!, csrf, verify);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ recorded: true });
    expect(bot.app.ledger.requests.get(1)?.status).toBe('verified');
  });

  it('does what the chat commands do, through the same handlers, and a double click acts once', async () => {
    bot = await ConsoleWithDashboard.start();
    const { ledger } = bot.app;
    await bot.say('@as koor\n@group Posko\n/register all', /G-1/);
    await bot.say('@as siti\n/need 20 water for 12 people @ -7.80,110.36', /R-1/);
    await bot.say('@as budi\n/need 5 kg rice for 3 people @ -7.80,110.36', /R-2/);
    await bot.say('@as tono\n/need 3 blanket for 2 people @ -7.81,110.37', /R-3/);
    await bot.say('@as dewi\nSOS -7.85,110.40', /S-1/);
    ledger.transaction(() =>
      ledger.volunteers.signUp({ id: 'console:rina', at: Date.now() }, 'console:rina', {
        name: 'Rina',
        skills: ['boat'],
        area: null,
        lat: -7.81,
        lon: 110.37,
        areaLat: null,
        areaLon: null,
        languages: ['id'],
        phone: null,
      }),
    );
    const { cookie } = await signIn(bot.base, tokenOf(await bot.link()));
    const { csrf } = await pageOf(bot.base, cookie!);
    const run = async (a: unknown, id = actionId()) =>
      (await act(bot!.base, cookie!, csrf, { id, act: a })).json();

    const verifyId = actionId();
    const before = bot.printed.length;
    expect(await run({ kind: 'verify', ref: 'R-1' }, verifyId)).toEqual({ recorded: true });
    expect(await run({ kind: 'verify', ref: 'R-1' }, verifyId)).toEqual({ recorded: false });
    expect(ledger.requests.get(1)?.status).toBe('verified');
    // The group hears it exactly as when the command is typed in a chat.
    await bot.until(() => (bot!.printed.slice(before).includes('→ [Posko]') ? true : undefined));
    expect(bot.printed.slice(before).match(/→ \[Posko\]/g)).toHaveLength(1);

    await run({ kind: 'dup', ref: 'R-2', original: 'R-1' });
    expect(ledger.requests.get(2)?.status).toBe('duplicate');
    await run({ kind: 'assign', ref: 'R-1', volunteer: 'V-1' });
    expect(ledger.requests.get(1)).toMatchObject({ status: 'assigned', assignedVolunteer: 1 });
    await run({ kind: 'reject', ref: 'R-3', reason: 'outside our area' });
    expect(ledger.requests.get(3)).toMatchObject({ status: 'rejected', statusReason: 'outside our area' });
    await run({ kind: 'ack', ref: 'S-1' });
    expect(ledger.rescues.get(1)?.status).toBe('acknowledged');
    await run({ kind: 'locate', ref: 'S-1', lat: -7.86, lon: 110.41 });
    expect(ledger.rescues.get(1)).toMatchObject({ lat: -7.86, lon: 110.41 });
    await run({ kind: 'close', ref: 'S-1', reason: 'false alarm' });
    expect(ledger.rescues.get(1)?.status).toBe('closed');

    // Each is an event by the coordinator, as from the chat.
    const view = (await (await fetch(`${bot.base}/view`, { headers: { cookie: cookie! } })).json()) as {
      requests: { ref: string }[];
      rescues: unknown[];
    };
    expect(view.requests.map((r) => r.ref)).toEqual(['R-1']);
    expect(view.rescues).toEqual([]);
    const inbox = ledger.metrics.rows('messagesIn') as { transport: string; n: number }[];
    // Seven actions recorded: the second click of the same verify was the same message.
    expect(inbox.find((r) => r.transport === 'web')?.n).toBe(7);
  });

  it('decides a listen-mode draft with the command its chat buttons carry, and refuses a malformed one', async () => {
    bot = await ConsoleWithDashboard.start();
    const { ledger } = bot.app;
    await bot.say('@as koor\n@group Posko Imogiri\n/register all Imogiri', /G-1/);
    await bot.say('/listen on', /→ \[Posko Imogiri\]/);
    await bot.say('@as siti\n@group Posko Imogiri\nbutuh air 20 galon buat 30 orang di Imogiri', /D-1/);
    await bot.say('@as dewi\n@group Posko Imogiri\nada lansia terjebak di Imogiri, air sudah sedada', /D-2/);
    const { cookie } = await signIn(bot.base, tokenOf(await bot.link()));
    const { csrf } = await pageOf(bot.base, cookie!);
    const run = async (a: unknown) =>
      (await act(bot!.base, cookie!, csrf, { id: actionId(), act: a })).status;

    // Decisions the buttons do not offer from the page, and refs of other kinds, are not actions.
    for (const bad of [
      { kind: 'draft', ref: 'D-1', decision: 'edit' },
      { kind: 'draft', ref: 'D-1', decision: 'merge' },
      { kind: 'draft', ref: 'R-1', decision: 'confirm' },
      { kind: 'draft', ref: 'D-1; /grant', decision: 'confirm' },
      { kind: 'draft', ref: 'D-1' },
    ])
      expect(await run(bad)).toBe(400);
    expect(ledger.drafts.get(1)?.status).toBe('pending');

    expect(await run({ kind: 'draft', ref: 'D-1', decision: 'confirm' })).toBe(200);
    expect(ledger.drafts.get(1)).toMatchObject({ status: 'confirmed', result: 'R-1' });
    expect(ledger.requests.get(1)).toMatchObject({ requester: 'console:siti', peopleCount: 30 });
    expect(await run({ kind: 'draft', ref: 'D-2', decision: 'rescue' })).toBe(200);
    expect(ledger.drafts.get(2)).toMatchObject({ status: 'rescue', result: 'S-1' });
    const view = (await (await fetch(`${bot.base}/view`, { headers: { cookie: cookie! } })).json()) as {
      drafts: unknown[];
    };
    expect(view.drafts).toEqual([]);
  });

  it('streams changes made in the chat within 2 seconds, and the bot’s answers to the coordinator’s own page', async () => {
    bot = await ConsoleWithDashboard.start();
    await bot.say('@as siti\n/need 20 water for 12 people @ -7.80,110.36', /R-1/);
    const { cookie } = await signIn(bot.base, tokenOf(await bot.link()));
    const { csrf } = await pageOf(bot.base, cookie!);
    const stream = await fetch(`${bot.base}/events`, { headers: { cookie: cookie! } });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = stream.body!.getReader();
    let seen = '';
    const next = async (pattern: RegExp, ms = 2000) => {
      const end = Date.now() + ms;
      while (!pattern.test(seen)) {
        if (Date.now() > end) throw new Error(`no ${pattern} within ${ms} ms; got ${seen}`);
        const { value } = await Promise.race([
          reader.read(),
          new Promise<{ value: undefined }>((r) =>
            setTimeout(() => r({ value: undefined }), end - Date.now()),
          ),
        ]);
        if (value) seen += new TextDecoder().decode(value);
      }
      return pattern.exec(seen)!;
    };
    const first = Number((await next(/event: version\ndata: (\d+)/))[1]);

    seen = '';
    await bot.say('@as budi\n/need 20 water for 4 people @ -7.80,110.36', /R-2/);
    const changed = Number((await next(/event: version\ndata: (\d+)/))[1]);
    expect(changed).toBeGreaterThan(first);

    // /verify finds the likely duplicate and offers buttons; pressing one in the page is the choice.
    seen = '';
    await act(bot.base, cookie!, csrf, { id: actionId(), act: { kind: 'verify', ref: 'R-2' } });
    const reply = JSON.parse((await next(/event: reply\ndata: (.*)\n/))[1]!);
    expect(reply.text).toContain('R-1');
    const dup = reply.choices.find((c: { value: string }) => c.value.startsWith('/dup'));
    await act(bot.base, cookie!, csrf, { id: actionId(), act: { kind: 'choice', value: dup.value } });
    await bot.until(() => (bot!.app.ledger.requests.get(2)?.status === 'duplicate' ? true : undefined));
    await reader.cancel();
  });

  it('serves a coordinator from a second bot on the same ledger (as a second process would): changes and answers reach the page it serves', async () => {
    bot = await ConsoleWithDashboard.start();
    const other = await ConsoleWithDashboard.start(ledgerEnv(bot.location));
    try {
      await bot.say('@as koor\n/grant console:rina coordinator', /now coordinator/);
      await bot.say('@as siti\n/need 20 water for 12 people @ -7.80,110.36', /R-1/);
      // Signed in through one process; the session is in the ledger, so the other knows it too.
      const { cookie } = await signIn(bot.base, tokenOf(await bot.link()));
      const { csrf } = await pageOf(other.base, cookie!);
      const rina = (await signIn(bot.base, tokenOf(await bot.link('rina')))).cookie!;
      const read = async (base: string, who: string) => {
        const stream = await fetch(`${base}/events`, { headers: { cookie: who } });
        const reader = stream.body!.getReader();
        let seen = '';
        return {
          seen: () => seen,
          pump: async (until: number) => {
            while (Date.now() < until) {
              const chunk = await Promise.race([
                reader.read(),
                new Promise<undefined>((r) =>
                  setTimeout(() => r(undefined), Math.max(0, until - Date.now())),
                ),
              ]);
              if (chunk?.value) seen += new TextDecoder().decode(chunk.value);
            }
            await reader.cancel();
          },
        };
      };
      const koorPage = await read(other.base, cookie!);
      const rinaPage = await read(other.base, rina);
      const until = Date.now() + 2_500;
      const pumping = Promise.all([koorPage.pump(until), rinaPage.pump(until)]);
      expect(
        (await act(bot.base, cookie!, csrf, { id: actionId(), act: { kind: 'verify', ref: 'R-1' } })).status,
      ).toBe(200);
      await pumping;
      expect(koorPage.seen()).toMatch(/event: reply\ndata: .*R-1/);
      expect(rinaPage.seen()).not.toContain('event: reply');
      expect(rinaPage.seen().match(/event: version/g)!.length).toBeGreaterThan(1);
    } finally {
      await other.stop();
    }
  });
});
