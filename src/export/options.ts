import { z } from 'zod';
import { EXPORTABLE, type ExportWhat, FILTERABLE } from '../ledger/exports.ts';

export const FORMATS = ['csv', 'hxl', 'json', 'geojson'] as const;
export type ExportFormat = (typeof FORMATS)[number];

/** What to export, as Indonesian readers name it; the command line and the chat accept both. */
export const WHAT_IN_INDONESIAN: Readonly<Record<string, ExportWhat>> = {
  permintaan: 'requests',
  penyelamatan: 'rescues',
  relawan: 'volunteers',
  tawaran: 'offers',
  posko: 'posko',
  grup: 'groups',
  siaran: 'broadcasts',
  peristiwa: 'events',
};

/** Only these have coordinates to put on a map. */
export const MAPPABLE: readonly ExportWhat[] = ['requests', 'rescues', 'volunteers', 'offers', 'posko'];

const RELATIVE = /^(\d{1,5})([mhd])$/;
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** `2026-12-01`, `2026-12-01T08:00+07:00`, or a span back from now: `30m`, `24h`, `7d`. Dates alone are UTC. */
const Since = z.string().refine((s) => RELATIVE.test(s) || !Number.isNaN(Date.parse(s)), {
  message: 'since: a date like 2026-12-01 or a span like 24h or 7d',
});

export const ExportOptionsSchema = z
  .object({
    what: z.enum(EXPORTABLE),
    format: z.enum(FORMATS).default('csv'),
    area: z.string().min(1).max(200).optional(),
    status: z
      .string()
      .regex(/^[a-z_]{1,32}$/)
      .optional(),
    since: Since.optional(),
    out: z.string().min(1).optional(),
    includePersonal: z.boolean().default(false),
  })
  .strict()
  .refine((o) => o.format !== 'geojson' || MAPPABLE.includes(o.what), {
    message: `geojson: only ${MAPPABLE.join(', ')} have coordinates`,
  })
  .refine((o) => o.status === undefined || FILTERABLE[o.what].status, {
    message: 'status: not for this export',
  })
  .refine((o) => o.area === undefined || FILTERABLE[o.what].area, { message: 'area: not for this export' });

export type ExportOptions = z.infer<typeof ExportOptionsSchema>;

export function sinceMs(since: string, now: number): number {
  const rel = RELATIVE.exec(since);
  if (rel) return now - Number(rel[1]) * UNIT_MS[rel[2] as keyof typeof UNIT_MS];
  return Date.parse(since);
}

/**
 * Reads `--what requests --format hxl --area Bantul --since 24h --include-personal` (the command line),
 * and the same with the first two given bare (`requests hxl --area Bantul`, the chat command).
 */
export function parseExportArgs(tokens: readonly string[]): z.ZodSafeParseResult<ExportOptions> {
  const raw: Record<string, unknown> = {};
  const positional: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t === '--include-personal') raw.includePersonal = true;
    else if (t.startsWith('--')) {
      const [key, inline] = t.slice(2).split('=', 2) as [string, string | undefined];
      raw[key] = inline ?? tokens[++i] ?? '';
    } else positional.push(t);
  }
  if (positional[0] !== undefined) raw.what ??= positional[0].toLowerCase();
  if (positional[1] !== undefined) raw.format ??= positional[1].toLowerCase();
  if (positional.length > 2) raw.extra = positional.slice(2).join(' ');
  if (typeof raw.what === 'string') raw.what = WHAT_IN_INDONESIAN[raw.what.toLowerCase()] ?? raw.what;
  return ExportOptionsSchema.safeParse(raw);
}
