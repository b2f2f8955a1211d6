import { afterEach, describe, expect, it } from 'vitest';
import { Harness } from '../support/harness.ts';

/** `/dashboard` (`/dasbor`): a coordinator's sign-in link, in a private chat, only where it is served. */

const KOOR = 'telegram:900';
let h: Harness;
afterEach(() => h?.close());

describe('/dashboard', () => {
  it('gives a coordinator a link in their language, as a personal message', () => {
    h = new Harness({ HTTP_PORT: '8123', DEFAULT_LANGUAGE: 'id' });
    h.grant(KOOR, 'coordinator');
    const [row] = h.send(KOOR, '/dasbor');
    expect(row!.text).toMatch(/^Tautan masuk dasbor Anda \(berlaku 10 menit, sekali pakai/);
    expect(row!.text).toMatch(/http:\/\/localhost:8123\/dashboard\/signin\?lang=id#[\w-]{43}$/);
    expect(h.db.prepare('SELECT personal_for FROM outbox WHERE id = ?').pluck().get(row!.id)).toBe('self');
    expect(h.count('dashboard_links')).toBe(1);
  });

  it('says the dashboard is not served when the bot runs without its HTTP server', () => {
    h = new Harness({ DEFAULT_LANGUAGE: 'en' });
    h.grant(KOOR, 'coordinator');
    expect(h.say(KOOR, '/dashboard')).toContain('The dashboard is not served here');
    expect(h.count('dashboard_links')).toBe(0);
  });

  it('is refused to anyone else, and in a group, making no link', () => {
    h = new Harness({ HTTP_PORT: '8123', DEFAULT_LANGUAGE: 'en' });
    h.grant(KOOR, 'coordinator');
    expect(h.say('telegram:500', '/dashboard')).toContain('only for a coordinator');
    const group = {
      id: KOOR,
      chat: { transport: 'telegram' as const, chatId: '-100', kind: 'group' as const },
    };
    expect(h.say(group, '/dashboard')).not.toContain('http');
    expect(h.count('dashboard_links')).toBe(0);
  });
});
