import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, PROJECT_ROOT, SETTINGS } from '../../src/config.ts';

// No Docker engine runs in CI, so the image is checked by reading what it copies.
const dockerfile = readFileSync(path.join(PROJECT_ROOT, 'Dockerfile'), 'utf8');
const copied = [...dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) => m[1]!.split(/\s+/));

describe('the Docker image', () => {
  it('copies every shipped data folder (locales, areas, the drill)', () => {
    const tracked = execFileSync('git', ['ls-files', 'data'], { cwd: PROJECT_ROOT, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    const missing = tracked.filter((f) => !copied.some((c) => f === c || f.startsWith(`${c}/`)));
    expect(missing).toEqual([]);
  });

  it('has a compose file that builds it and keeps the ledger in a volume', () => {
    const compose = readFileSync(path.join(PROJECT_ROOT, 'compose.yaml'), 'utf8');
    expect(compose).toMatch(/build: \./);
    expect(compose).toMatch(/relief-data:\/var\/lib\/relief-bot/);
  });
});

/** A compose file's services, each as the text of its block (two-space indented names under `services:`). */
function services(compose: string): Map<string, string> {
  const body = compose.slice(compose.indexOf('\nservices:\n'), compose.search(/\nvolumes:\n/));
  const blocks = new Map<string, string>();
  for (const m of body.matchAll(/^ {2}([\w-]+):[^\n]*\n((?: {4,}[^\n]*\n|\s*#[^\n]*\n|\n)*)/gm))
    blocks.set(m[1]!, m[0]);
  return blocks;
}

describe('the compose example with PostgreSQL', () => {
  const compose = readFileSync(path.join(PROJECT_ROOT, 'compose.postgres.yaml'), 'utf8');
  const caddyfile = readFileSync(path.join(PROJECT_ROOT, 'deploy', 'Caddyfile'), 'utf8');
  const all = services(compose);
  const bots = [...all.keys()].filter((name) => /build: \.|<<: \*bot\n/.test(all.get(name)!));
  const port = /HTTP_PORT=(\d+)/.exec(dockerfile)![1];

  it('runs two bot processes of this image on one PostgreSQL 14 or newer, each waiting for it', () => {
    expect(bots).toEqual(['bot-a', 'bot-b']);
    expect(Number(/image: postgres:(\d+)/.exec(all.get('postgres')!)![1])).toBeGreaterThanOrEqual(14);
    const first = all.get('bot-a')!;
    expect(first).toMatch(/build: \.\n/);
    expect(first).toMatch(
      /DATABASE_URL: postgres:\/\/relief:\$\{POSTGRES_PASSWORD\}@postgres:5432\/relief\n/,
    );
    expect(first).toMatch(/postgres:\n\s+condition: service_healthy/);
    expect(all.get('bot-b')).toMatch(/<<: \*bot\n[\s\S]*<<: \*bot-environment\n/);
  });

  it('gives both processes one shared DATA_DIR, so a photo one takes in the other can serve', () => {
    const dataDir = /DATA_DIR: (\S+)/.exec(all.get('bot-a')!)![1]!;
    const shared = bots.map((b) => new RegExp(`- ([\\w-]+):${dataDir}\n`).exec(all.get(b)!)?.[1]);
    expect(shared[0]).toBeDefined();
    expect(new Set(shared)).toEqual(new Set([shared[0]]));
    expect(compose).toMatch(new RegExp(`^ {2}${shared[0]}:$`, 'm'));
  });

  it('gives each process its own volume and publishes no bot port: only the proxy faces the network', () => {
    const volumes = bots.map((b) => /- ([\w-]+):\/var\/lib\/relief-bot/.exec(all.get(b)!)?.[1]);
    expect(new Set(volumes).size).toBe(bots.length);
    for (const v of volumes) expect(compose).toMatch(new RegExp(`^ {2}${v}:$`, 'm'));
    for (const b of bots) expect(all.get(b)).not.toMatch(/^ {4}ports:/m);
    expect(all.get('caddy')).toMatch(/"443:443"/);
  });

  it('holds a WhatsApp Web session in one process at most, and takes Telegram by webhook', () => {
    const enabled = [...compose.matchAll(/WHATSAPP_ENABLED: (.+)/g)].map((m) => m[1]);
    expect(enabled.filter((v) => v !== '"false"')).toHaveLength(1);
    expect(all.get('bot-b')).toMatch(/WHATSAPP_ENABLED: \$\{WHATSAPP_ENABLED:-false\}/);
    expect(compose).toMatch(/TELEGRAM_WEBHOOK_URL: https:\/\/\$\{RELIEF_DOMAIN[^}]*\}\/telegram\/webhook\n/);
  });

  it("sets only the bot's own settings", () => {
    const names = [...all.get('bot-a')!.matchAll(/^ {6}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((n) => !SETTINGS.includes(n as (typeof SETTINGS)[number]))).toEqual([]);
  });

  it("has Caddy spread the webhooks and the dashboard over every bot process at the image's port", () => {
    const upstreams = /reverse_proxy ([^{]+)\{/.exec(caddyfile)![1]!.trim().split(/\s+/);
    expect(upstreams).toEqual(bots.map((b) => `${b}:${port}`));
    const paths = /@public path (.+)/.exec(caddyfile)![1]!.split(/\s+/);
    const cloud = /const path = '(\/whatsapp\/cloud\/[^']+)'/.exec(
      readFileSync(path.join(PROJECT_ROOT, 'src', 'main.ts'), 'utf8'),
    )![1];
    const dashboard = loadConfig({}, '/nonexistent').DASHBOARD_PATH;
    expect(paths).toEqual(['/telegram/webhook', cloud, dashboard, `${dashboard}/*`]);
    expect(all.get('bot-a')).toMatch(/PUBLIC_URL: https:\/\/\$\{RELIEF_DOMAIN\}\n/);
    expect(caddyfile).toMatch(/respond 404/);
  });

  it('keeps what PostgreSQL needs in the image: pg a runtime dependency, its worker thread built', () => {
    const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8'));
    expect(Object.keys(pkg.dependencies)).toContain('pg');
    // `npm ci` runs the build (prepare), which writes the worker beside the bundle; prune keeps dist/.
    expect(pkg.scripts.prepare).toBe('node scripts/build.mjs');
    expect(readFileSync(path.join(PROJECT_ROOT, 'scripts', 'build.mjs'), 'utf8')).toContain('pg-worker.cjs');
    expect(dockerfile).toMatch(/RUN npm ci && npm prune --omit=dev/);
  });
});
