import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  dashboardPage,
  signInPage,
  tileOrigin,
} from '../../src/http/dashboard/pages.ts';

const settings = {
  path: '/dashboard',
  secure: true,
  tileUrl: 'https://{s}.tile.example.org/{z}/{x}/{y}.png',
  tileAttribution: '© Example',
  defaultLanguage: 'en',
  assetsDir: '',
  leafletDir: '',
};

describe('the dashboard pages', () => {
  it('let images come from the tile host only, its {s} subdomains as a wildcard', () => {
    expect(tileOrigin(settings.tileUrl)).toBe('https://*.tile.example.org');
    expect(tileOrigin('http://127.0.0.1:8081/tiles/{z}/{x}/{y}.png')).toBe('http://127.0.0.1:8081');
    expect(contentSecurityPolicy(settings)).toContain("img-src 'self' data: https://*.tile.example.org;");
    expect(contentSecurityPolicy(settings)).toContain("script-src 'self';");
  });

  it('carry what the script needs as data that cannot close its element, and no inline script', () => {
    const planted = '</script><script>alert(1)</script>';
    const html = dashboardPage(settings, 'en', { 'dashboard-title': planted }, 'csrf-token');
    expect(html).not.toContain(planted);
    expect(html).not.toMatch(/<script>/);
    const boot = /<script type="application\/json" id="boot">(.*?)<\/script>/s.exec(html)![1]!;
    expect(JSON.parse(boot).strings['dashboard-title']).toBe(planted);
    expect(JSON.parse(boot).csrf).toBe('csrf-token');
    expect(signInPage(settings, 'en', { 'dashboard-signin-title': planted })).not.toContain(planted);
  });
});
