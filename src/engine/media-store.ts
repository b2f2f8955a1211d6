import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { InboundContent, MediaType, PhotoPlace, StoredMedia } from '../domain/message.ts';

/** A file kept, with where its EXIF said it was taken (an image's metadata is gone from the file). */
export interface Kept {
  media: StoredMedia;
  place?: PhotoPlace;
}

/** Images, whatever way they were sent: a photo sent as a file keeps its EXIF on every platform. */
const isImage = (type: MediaType, mime: string) => type === 'photo' || mime.startsWith('image/');

/**
 * Files people send, content-addressed under data/media/: the name is the SHA-256 of the bytes, never
 * the sender's file name, so a redelivered message finds its file already there and stores nothing
 * twice. A file is served only through an attachment row the ledger committed: one written before a
 * crash, with no row, is never read, and the retention purge (`relief-bot purge`) sweeps it once it
 * is an hour old (src/ledger/media-files.ts).
 */
export class MediaStore {
  constructor(
    readonly dir: string,
    readonly maxBytes: number,
  ) {}

  /**
   * A downloaded file as the content of its message: kept (with its caption, read as text, and an
   * image's place), too large, or, for an image that cannot be decoded, a kind the bot cannot read.
   */
  async content(bytes: Uint8Array, type: MediaType, mime: string, caption?: string): Promise<InboundContent> {
    if (bytes.byteLength > this.maxBytes) return this.tooLarge(type);
    const kept = await this.keep(bytes, type, mime);
    if (!kept) return { kind: 'unsupported', what: type };
    return {
      kind: 'media',
      media: kept.media,
      ...(caption ? { caption: caption.slice(0, 10_000) } : {}),
      ...(kept.place ? { place: kept.place } : {}),
    };
  }

  /** The content of a message whose file is over MEDIA_MAX_MB: answered kindly, not kept. */
  tooLarge(type: MediaType): InboundContent {
    return { kind: 'media-too-large', type, maxMb: this.maxBytes / (1024 * 1024) };
  }

  /**
   * An image is read for its place, stripped of all metadata and stored re-encoded; other media as
   * sent. An image that cannot be decoded is not kept (undefined): storing it as sent could keep the
   * metadata it carries.
   */
  async keep(bytes: Uint8Array, type: MediaType, mime: string): Promise<Kept | undefined> {
    if (!isImage(type, mime)) return { media: { type, ...this.put(bytes), mime } };
    const { readPhotoPlace, withoutMetadata } = await import('./media-image.ts');
    const place = await readPhotoPlace(bytes);
    const clean = await withoutMetadata(bytes);
    if (!clean) return undefined;
    return { media: { type, ...this.put(clean.bytes), mime: clean.mime }, ...(place ? { place } : {}) };
  }

  /** Stores the bytes; written to a temporary name first and renamed, so a reader never sees half a file. */
  put(bytes: Uint8Array): { sha256: string; bytes: number } {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const target = this.path(sha256);
    if (this.has(sha256)) {
      // Fresh again: the purge's sweep leaves young files alone while their message is being committed.
      const now = new Date();
      utimesSync(target, now, now);
    } else {
      mkdirSync(this.dir, { recursive: true });
      const tmp = path.join(this.dir, `.tmp-${randomBytes(6).toString('hex')}`);
      writeFileSync(tmp, bytes, { mode: 0o600 });
      renameSync(tmp, target);
    }
    return { sha256, bytes: bytes.byteLength };
  }

  has(sha256: string): boolean {
    try {
      return statSync(this.path(sha256)).isFile();
    } catch {
      return false;
    }
  }

  path(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a media name');
    return path.join(this.dir, sha256);
  }

  /** Removes a file; returns the bytes it held (0 when it was gone already). */
  remove(sha256: string): number {
    try {
      const size = statSync(this.path(sha256)).size;
      rmSync(this.path(sha256));
      return size;
    } catch {
      return 0;
    }
  }
}
