import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { validate as validateCron } from 'node-cron';
import { z } from 'zod';
import { type AreaDef, AreaDefSchema } from './domain/areas.ts';
import { identityOf, NOT_A_PERSON } from './domain/person-identity.ts';

/**
 * The project root: data/ and the locales are found relative to it, whatever the working directory. The
 * nearest folder up with a package.json, so the sources (src/) and the compiled code (dist/src/) agree.
 */
export const PROJECT_ROOT = projectRoot(import.meta.dirname);

function projectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, '..');
  }
}

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * Admins are persons: `telegram:123`, `whatsapp:6281234567890` (SPEC 6 writes a bare number; `@c.us`
 * or not, it becomes the id WhatsApp names the person by). A group, a channel or an anonymous admin
 * stops the start, named.
 */
const personIdList = z.string().transform((s, ctx) =>
  s
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .flatMap((p) => {
      const identity = identityOf(p);
      if (identity.person) return [identity.id];
      ctx.addIssue({ code: 'custom', message: `${p} ${NOT_A_PERSON[identity.what]}` });
      return [];
    }),
);

const url = z
  .string()
  .url()
  .transform((u) => u.replace(/\/+$/, ''));

const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'unknown time zone');

const EnvSchema = z.object({
  DATABASE_PATH: z
    .string()
    .min(1)
    .default(path.join(PROJECT_ROOT, 'data', 'relief.db')),
  // The ledger on a PostgreSQL server instead of the SQLite file.
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'expected postgres://user:password@host:5432/database')
    .optional(),
  // Where a ledger on PostgreSQL keeps exports/ and media/ (a SQLite file keeps them beside itself).
  DATA_DIR: z.string().min(1).optional(),
  TELEGRAM_BOT_TOKEN: z
    .string()
    .regex(/^\d+:[\w-]+$/, 'expected a token like 123456:ABC-def')
    .optional(),
  TELEGRAM_API_ROOT: url.default('https://api.telegram.org'),
  TELEGRAM_WEBHOOK_URL: url.optional(),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, 'Telegram allows 1-256 characters A-Z a-z 0-9 _ -')
    .optional(),
  // Unset: 8080 for a deployment; the console demo starts no HTTP server unless it is set.
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  HTTP_HOST: z.string().default('0.0.0.0'),
  // Where people reach the HTTP server (the reverse proxy's https:// address): dashboard links start with it.
  PUBLIC_URL: url
    .refine(
      (u) => new URL(u).pathname === '/',
      'expected an address without a path, like https://relief.example.org',
    )
    .optional(),
  DASHBOARD_PATH: z
    .string()
    .regex(/^(\/[\w.-]+)+$/, 'expected a path like /dashboard')
    .default('/dashboard'),
  // The public page and its feeds (README, Public page): off unless asked for.
  PUBLIC_PAGE: bool.default(false),
  PUBLIC_PATH: z
    .string()
    .regex(/^(\/[\w.-]+)+$/, 'expected a path like /public')
    .default('/public'),
  // Map tiles, fetched by the coordinator's browser (never by the bot): {z}/{x}/{y}, optionally {s}.
  MAP_TILE_URL: z
    .string()
    .regex(
      /^https?:\/\/[^\s"'<>]+$/,
      'expected a tile URL like https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    )
    .refine((u) => ['{z}', '{x}', '{y}'].every((p) => u.includes(p)), 'the URL needs {z}, {x} and {y}')
    .default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
  MAP_TILE_ATTRIBUTION: z.string().max(300).default('© OpenStreetMap contributors'),
  WHATSAPP_ENABLED: bool.default(false),
  WHATSAPP_SESSION_DIR: z.string().default(path.join(PROJECT_ROOT, 'data', 'wwebjs')),
  /** Larger media is not downloaded; the sender is answered kindly. */
  MEDIA_MAX_MB: z.coerce.number().positive().max(2000).default(16),
  CHROMIUM_PATH: z.string().default('/usr/bin/chromium'),
  WHATSAPP_MIN_GAP_MS: z.coerce.number().int().min(0).max(3_600_000).default(5_000),
  WHATSAPP_GROUP_GAP_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  WHATSAPP_JITTER_MS: z.coerce.number().int().min(0).max(600_000).default(3_000),
  WHATSAPP_CLOUD_TOKEN: z
    .string()
    .regex(/^\S{20,512}$/, 'expected a Graph API access token')
    .optional(),
  WHATSAPP_CLOUD_PHONE_NUMBER_ID: z
    .string()
    .regex(/^\d{5,20}$/, 'expected the numeric phone number id')
    .optional(),
  WHATSAPP_CLOUD_APP_SECRET: z
    .string()
    .regex(/^\S{8,256}$/, 'expected the app secret')
    .optional(),
  WHATSAPP_CLOUD_VERIFY_TOKEN: z
    .string()
    .regex(/^\S{8,256}$/, 'at least 8 characters, no spaces')
    .optional(),
  WHATSAPP_CLOUD_API_ROOT: url.default('https://graph.facebook.com'),
  WHATSAPP_CLOUD_TEMPLATE: z
    .string()
    .regex(/^[a-z0-9_]{1,512}$/, 'a template name: lowercase letters, digits and _')
    .default('relief_update'),
  WHATSAPP_CLOUD_TEMPLATE_LANGUAGE: z
    .string()
    .regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'a template language code like id or en_US')
    .optional(),
  WHATSAPP_CLOUD_PER_SECOND: z.coerce.number().int().min(1).max(1000).default(80),
  WHATSAPP_CLOUD_PERSON_GAP_MS: z.coerce.number().int().min(0).max(600_000).default(6_000),
  ADMINS: personIdList.default([]),
  DEFAULT_LANGUAGE: z
    .string()
    .regex(/^[a-z]{2,3}$/, 'expected a language code like id or en')
    .default('id'),
  TZ: timeZone.default('Asia/Jakarta'),
  SOS_ESCALATE_MINUTES: z.coerce.number().int().min(1).max(1440).default(10),
  SITREP_CRON: z
    .string()
    .refine(
      (s) => s.trim().split(/\s+/).length === 5 && validateCron(s),
      'expected a cron expression like 0 7,19 * * *',
    )
    .default('0 7,19 * * *'),
  NEEDS_CRON: z
    .string()
    .refine(
      (s) => s === 'off' || (s.trim().split(/\s+/).length === 5 && validateCron(s)),
      'expected a cron expression like 0 8,16 * * *, or off',
    )
    .default('0 8,16 * * *'),
  // Requests one client address may make to the public page and feeds per minute (README, Public page).
  PUBLIC_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  // A Telegram channel the bot administers (README, Public page): `@name` or its -100... id.
  PUBLIC_CHANNEL: z
    .string()
    .regex(/^(@[A-Za-z]\w{4,31}|-100\d{5,15})$/, 'expected a channel like @bantul_relief or -1001234567890')
    .optional(),
  PUBLIC_CHANNEL_CRON: z
    .string()
    .refine(
      (s) => s.trim().split(/\s+/).length === 5 && validateCron(s),
      'expected a cron expression like 0 19 * * *',
    )
    .default('0 19 * * *'),
  MATCH_MAX_KM: z.coerce.number().positive().max(1000).default(50),
  OFFER_DAYS: z.coerce.number().int().min(1).max(60).default(7),
  BLOOD_INTERVAL_DAYS: z.coerce.number().int().min(1).max(365).default(60),
  BLOOD_WAVE_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  FIND_PER_HOUR: z.coerce.number().int().min(1).max(1000).default(5),
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  EXPORT_TTL_HOURS: z.coerce.number().int().min(1).max(8760).default(24),
  AREAS: z.string().default(path.join(PROJECT_ROOT, 'data', 'areas', 'diy.json')),
  PACING_TIME_SCALE: z.coerce.number().positive().max(1).default(1),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CONSOLE_USER: z
    .string()
    .regex(/^[\w.-]{1,64}$/)
    .default('local'),
});

/** The Cloud API runs with all four of its settings or none: half a set is a mistake, named. */
const CLOUD_SETTINGS = [
  'WHATSAPP_CLOUD_TOKEN',
  'WHATSAPP_CLOUD_PHONE_NUMBER_ID',
  'WHATSAPP_CLOUD_APP_SECRET',
  'WHATSAPP_CLOUD_VERIFY_TOKEN',
] as const;

const ConfigSchema = EnvSchema.superRefine((env, ctx) => {
  if (env.PUBLIC_PATH === env.DASHBOARD_PATH || env.PUBLIC_PATH.startsWith(`${env.DASHBOARD_PATH}/`))
    ctx.addIssue({ code: 'custom', path: ['PUBLIC_PATH'], message: 'must lie outside DASHBOARD_PATH' });
  if (env.PUBLIC_CHANNEL !== undefined && env.TELEGRAM_BOT_TOKEN === undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['PUBLIC_CHANNEL'],
      message: 'is a Telegram channel: set TELEGRAM_BOT_TOKEN',
    });
  const given = CLOUD_SETTINGS.filter((k) => env[k] !== undefined);
  if (given.length === 0 || given.length === CLOUD_SETTINGS.length) return;
  for (const k of CLOUD_SETTINGS)
    if (env[k] === undefined)
      ctx.addIssue({ code: 'custom', path: [k], message: `the Cloud API needs it with ${given.join(', ')}` });
});

export type Config = z.infer<typeof EnvSchema>;

/** Every variable the bot reads (`.env.example` documents each). */
export const SETTINGS = Object.keys(EnvSchema.shape) as (keyof Config)[];

/** The Cloud API's settings when all are given. */
export function cloudSettings(config: Config) {
  const { WHATSAPP_CLOUD_TOKEN: token, WHATSAPP_CLOUD_PHONE_NUMBER_ID: phoneNumberId } = config;
  const { WHATSAPP_CLOUD_APP_SECRET: appSecret, WHATSAPP_CLOUD_VERIFY_TOKEN: verifyToken } = config;
  if (!token || !phoneNumberId || !appSecret || !verifyToken) return undefined;
  return { token, phoneNumberId, appSecret, verifyToken };
}

/** The HTTP server's port: HTTP_PORT, or 8080 where a deployment starts one without it. */
export const httpPort = (config: Config): number => config.HTTP_PORT ?? 8080;

/** The public page is for anyone: served only where asked for, with HTTP_PORT given explicitly. */
export const publicPageServed = (config: Config): boolean =>
  config.PUBLIC_PAGE && config.HTTP_PORT !== undefined;

/** Where the ledger lives: DATABASE_URL's PostgreSQL database when set, else the SQLite file. */
export const ledgerLocation = (config: Config): string => config.DATABASE_URL ?? config.DATABASE_PATH;

export class ConfigError extends Error {}

/** Reads `.env` (when present, never overriding the real environment), then validates everything at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, envFile = '.env'): Config {
  if (env === process.env && existsSync(envFile)) process.loadEnvFile(envFile);
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    throw new ConfigError(`Invalid ${name}=${JSON.stringify(present[name] ?? '')}: ${issue.message}`);
  }
  return parsed.data;
}

/**
 * `AREAS` is either a JSON file (a list of `{ path, lat?, lon?, radiusKm? }`) or an inline list:
 * `DIY/Bantul/Imogiri@-7.93,110.39;DIY/Sleman`.
 */
export function loadAreaDefs(spec: string): AreaDef[] {
  const asFile = spec.endsWith('.json') || existsSync(spec);
  if (asFile) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(spec, 'utf8'));
    } catch (err) {
      throw new ConfigError(`Invalid AREAS=${JSON.stringify(spec)}: ${(err as Error).message}`);
    }
    const parsed = z.array(AreaDefSchema).min(1).safeParse(raw);
    if (!parsed.success)
      throw new ConfigError(`Invalid AREAS file ${spec}: ${parsed.error.issues[0]?.message}`);
    return parsed.data;
  }
  return spec
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const [areaPath = '', point] = entry.split('@');
      const [lat, lon] = (point ?? '').split(',').map(Number);
      const def = AreaDefSchema.safeParse({ path: areaPath, ...(point ? { lat, lon } : {}) });
      if (!def.success)
        throw new ConfigError(
          `Invalid AREAS entry ${JSON.stringify(entry)}: ${def.error.issues[0]?.message}`,
        );
      return def.data;
    });
}
