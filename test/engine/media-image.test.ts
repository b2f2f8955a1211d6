import { readdirSync, readFileSync } from 'node:fs';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { recentPlace } from '../../src/engine/media.ts';
import { readPhotoPlace } from '../../src/engine/media-image.ts';
import { MediaStore } from '../../src/engine/media-store.ts';
import { jpegWithExif, PHOTO_POINT } from '../support/exif-photo.ts';
import { tempDir } from '../support/harness.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function store(): { store: MediaStore; dir: string } {
  const dir = tempDir();
  cleanups.push(() => dir.cleanup());
  return { store: new MediaStore(dir.dir, 1024 * 1024), dir: dir.dir };
}

const NOW = Date.UTC(2026, 11, 7, 3, 30);
const HOUR = 3_600_000;

describe('photo metadata', () => {
  it('reads the GPS point and the GPS clock of a real JPEG', async () => {
    const place = await readPhotoPlace(await jpegWithExif(NOW - HOUR));
    expect(place).toEqual({
      lat: expect.closeTo(PHOTO_POINT.lat, 4),
      lon: expect.closeTo(PHOTO_POINT.lon, 4),
      takenAt: NOW - HOUR,
      zoned: true,
    });
  });

  it('stores an image without any metadata: no EXIF, no GPS, no make or owner', async () => {
    const { store: s, dir } = store();
    const original = await jpegWithExif(NOW - HOUR);
    // The test's photo does carry what must go.
    expect(await exifr.parse(original)).toMatchObject({ Make: 'TestPhone', Artist: 'Ana Lestari' });
    const kept = await s.keep(original, 'photo', 'image/jpeg');
    expect(kept?.place?.lat).toBeCloseTo(PHOTO_POINT.lat, 4);
    expect(kept?.media.mime).toBe('image/jpeg');
    const file = readFileSync(`${dir}/${kept!.media.sha256}`);
    expect(await exifr.parse(file)).toBeUndefined();
    const meta = await sharp(file).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.iptc).toBeUndefined();
    expect(file.includes('Ana Lestari')).toBe(false);
    expect(file.includes('TestPhone')).toBe(false);
    // Still the same picture.
    expect({ width: meta.width, height: meta.height, format: meta.format }).toEqual({
      width: 40,
      height: 30,
      format: 'jpeg',
    });
  });

  it('an image sent as a file is stripped too; the same image again is one file', async () => {
    const { store: s, dir } = store();
    const original = await jpegWithExif(NOW - HOUR);
    const first = await s.keep(original, 'document', 'image/jpeg');
    const again = await s.keep(original, 'document', 'image/jpeg');
    expect(again?.media.sha256).toBe(first?.media.sha256);
    expect(readdirSync(dir).filter((f) => !f.startsWith('.'))).toHaveLength(1);
    expect(await exifr.parse(readFileSync(`${dir}/${first!.media.sha256}`))).toBeUndefined();
  });

  it('keeps a voice note as sent, and keeps no image it cannot decode', async () => {
    const { store: s, dir } = store();
    const voice = Buffer.from('OggS voice bytes');
    const kept = await s.keep(voice, 'voice', 'audio/ogg');
    expect(readFileSync(`${dir}/${kept!.media.sha256}`)).toEqual(voice);
    expect(await s.keep(Buffer.from('not a picture at all'), 'photo', 'image/jpeg')).toBeUndefined();
    expect(readdirSync(dir).filter((f) => !f.startsWith('.'))).toHaveLength(1);
  });

  it('a photo without GPS has no place; one with a camera clock only is unzoned', async () => {
    expect(await readPhotoPlace(await jpegWithExif(NOW, { gps: false }))).toBeUndefined();
    expect(await readPhotoPlace(Buffer.from('not a picture'))).toBeUndefined();
  });

  it('a place is recent when taken within a day, allowing any zone for a camera clock', () => {
    const place = { ...PHOTO_POINT, zoned: true };
    expect(recentPlace({ ...place, takenAt: NOW - 2 * HOUR }, NOW)).toEqual(PHOTO_POINT);
    expect(recentPlace({ ...place, takenAt: NOW - 23 * HOUR }, NOW)).toEqual(PHOTO_POINT);
    expect(recentPlace({ ...place, takenAt: NOW - 25 * HOUR }, NOW)).toBeUndefined();
    expect(recentPlace({ ...place, takenAt: NOW + 2 * HOUR }, NOW)).toBeUndefined();
    expect(recentPlace(place, NOW)).toBeUndefined();
    // A camera clock seven hours ahead (Jakarta, read as UTC) is still today's photo.
    expect(recentPlace({ ...place, zoned: false, takenAt: NOW + 7 * HOUR }, NOW)).toEqual(PHOTO_POINT);
    expect(recentPlace({ ...place, zoned: false, takenAt: NOW - 40 * HOUR }, NOW)).toBeUndefined();
  });
});
