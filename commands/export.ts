import { defineCommand } from '../src/engine/command.ts';
import { UserError } from '../src/engine/errors.ts';
import { reply } from '../src/engine/outcome.ts';
import { buildExport, parseExportArgs } from '../src/export/index.ts';

/** Kept well under Telegram's 50 MB document limit; larger exports are for the command line. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

/**
 * Coordinators get an export as a file, in a private chat only. Personal data (names, phone numbers,
 * exact locations) only for admins who ask for it with --include-personal, and that is recorded.
 */
export default defineCommand({
  names: { en: ['export'], id: ['ekspor'] },
  role: 'coordinator',
  where: 'private',
  run(ctx, text) {
    const parsed = parseExportArgs(String(text).split(/\s+/).filter(Boolean));
    if (!parsed.success || parsed.data.out !== undefined) {
      // Which part was unreadable, in the reader's words; zod's own message is for the command line.
      const field = parsed.error?.issues[0]?.path[0];
      const known = ['what', 'format', 'area', 'status', 'since'];
      const problem = ctx.t(
        `export-problem-${typeof field === 'string' && known.includes(field) ? field : 'other'}`,
      );
      throw new UserError('export-usage', { problem });
    }
    const options = parsed.data;
    if (options.includePersonal && ctx.role !== 'admin') throw new UserError('export-personal-admin-only');
    if (options.area) {
      const found = ctx.areas.lookup(options.area);
      if (!('area' in found)) throw new UserError('export-unknown-area', { area: options.area });
      options.area = found.area.path;
    }
    const { file, count } = buildExport(ctx.ledger, options, ctx.now);
    const what = ctx.t(`export-kind-${options.what}`);
    if (count === 0) return reply('export-empty', { what });
    if (Buffer.byteLength(file.content) > MAX_FILE_BYTES) throw new UserError('export-too-large');
    if (options.includePersonal)
      ctx.ledger.exports.recordPersonalExport(ctx.actor, {
        what: options.what,
        format: options.format,
        count,
      });
    // A personal export says what it holds; its name is its own, so no other export overwrites it.
    if (options.includePersonal)
      return reply(
        'export-ready-personal',
        { what, count, format: options.format, hours: ctx.config.EXPORT_TTL_HOURS },
        { file },
      );
    return reply('export-ready', { what, count, format: options.format }, { file });
  },
});
