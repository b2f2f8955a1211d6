import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { type Db, dialectOf } from './db.ts';

/** In the name of every export with personal data (src/export names them), and of no other. */
export const PERSONAL_EXPORT_MARK = '-personal-';

/**
 * Export files written next to the database (`exports/`, where the console puts the documents it is
 * sent). They hold what the ledger held when they were made, so they expire, and the ones with personal
 * data go whenever personal data is erased (/forget, the retention purge): a file cannot be edited
 * the way a row is.
 */
export class ExportFiles {
  /** The directory, beside the database file, or under DATA_DIR for a ledger on a server. */
  readonly dir: string;

  constructor(db: Db, filesDir?: string) {
    // A ledger in memory or on a PostgreSQL server has no file to sit beside: DATA_DIR, else data/.
    this.dir =
      db.memory || dialectOf(db).engine !== 'sqlite'
        ? path.resolve(filesDir ?? 'data', 'exports')
        : path.join(path.dirname(path.resolve(db.name)), 'exports');
  }

  /** Removes files older than `ttlMs` at `now`; returns how many. */
  expire(now: number, ttlMs: number): number {
    return this.remove((_name, modified) => modified < now - ttlMs);
  }

  /** Removes every export with personal data; returns how many. */
  removePersonal(): number {
    return this.remove((name) => name.includes(PERSONAL_EXPORT_MARK));
  }

  private remove(doomed: (name: string, modified: number) => boolean): number {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return 0;
    }
    let removed = 0;
    for (const name of names) {
      const file = path.join(this.dir, name);
      try {
        const stat = statSync(file);
        if (!stat.isFile() || !doomed(name, stat.mtimeMs)) continue;
        rmSync(file, { force: true });
        removed++;
      } catch {
        // Gone meanwhile.
      }
    }
    return removed;
  }
}
