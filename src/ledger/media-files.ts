import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { type Db, dialectOf } from './db.ts';

/**
 * The photos and voice notes people sent (`media/`, beside the database, as `exports/` is), named by
 * their SHA-256. The adapters write them (src/engine/media-store.ts); the ledger erases them with the
 * rows that name them (/forget, the retention purge), since a file cannot be edited the way a row is.
 */
export class MediaFiles {
  readonly dir: string;
  /**
   * The folder is this ledger's own when it sits beside its SQLite file or under a DATA_DIR given for it,
   * so a file no row names is an orphan. The default data/media of a ledger in memory or on PostgreSQL
   * without DATA_DIR may hold another ledger's files (a developer's, a test's): never swept.
   */
  private readonly owned: boolean;

  constructor(db: Db, filesDir?: string) {
    const file = !db.memory && dialectOf(db).engine === 'sqlite';
    this.owned = file || filesDir !== undefined;
    this.dir = file
      ? path.join(path.dirname(path.resolve(db.name)), 'media')
      : path.resolve(filesDir ?? 'data', 'media');
  }

  /**
   * Removes the files no attachment row names (`named` says which are), left by a crash between a
   * download and the commit of its message, and half-written temporary files. Only files older than
   * `before` (wall-clock ms): a younger one may be a download whose message is about to be committed.
   */
  sweepOrphans(named: (sha256: string) => boolean, before: number): { files: number; bytes: number } {
    if (!this.owned) return { files: 0, bytes: 0 };
    let entries: string[];
    try {
      entries = readdirSync(this.dir);
    } catch {
      return { files: 0, bytes: 0 };
    }
    const orphans = entries.filter(
      (name) => name.startsWith('.tmp-') || (/^[0-9a-f]{64}$/.test(name) && !named(name)),
    );
    let files = 0;
    let bytes = 0;
    for (const name of orphans) {
      const file = path.join(this.dir, name);
      try {
        const stat = statSync(file);
        if (!stat.isFile() || stat.mtimeMs >= before) continue;
        rmSync(file);
        files++;
        bytes += stat.size;
      } catch {
        // Gone meanwhile.
      }
    }
    return { files, bytes };
  }

  /** Removes the named files; returns how many there were and the bytes they held. */
  remove(names: readonly string[]): { files: number; bytes: number } {
    let files = 0;
    let bytes = 0;
    for (const name of names) {
      if (!/^[0-9a-f]{64}$/.test(name)) continue;
      const file = path.join(this.dir, name);
      try {
        const size = statSync(file).size;
        rmSync(file);
        files++;
        bytes += size;
      } catch {
        // Gone already.
      }
    }
    return { files, bytes };
  }
}
