import { rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { type Db, dialectOf } from './db.ts';

/**
 * The photos and voice notes people sent (`media/`, beside the database, as `exports/` is), named by
 * their SHA-256. The adapters write them (src/engine/media-store.ts); the ledger erases them with the
 * rows that name them (/forget, the retention purge), since a file cannot be edited the way a row is.
 */
export class MediaFiles {
  readonly dir: string;

  constructor(db: Db) {
    // A ledger in memory or on a PostgreSQL server has no file to sit beside: data/media then.
    this.dir =
      db.memory || dialectOf(db).engine !== 'sqlite'
        ? path.resolve('data', 'media')
        : path.join(path.dirname(path.resolve(db.name)), 'media');
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
