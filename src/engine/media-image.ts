import exifr from 'exifr';
import sharp from 'sharp';
import type { PhotoPlace } from '../domain/message.ts';

/**
 * Images people send are kept without their metadata: EXIF carries the exact point where a photo was
 * taken, the phone's make and serial, the owner's name. The point is read first (exifr), since it may be
 * where the person is; then the image is re-encoded (sharp), which writes no metadata at all.
 *
 * This module is imported on the first image (src/engine/media-store.ts), not at start: most starts
 * never see a photo, and sharp brings a native library.
 */

/** What is read; exifr turns the four GPS point tags into `latitude` and `longitude`. */
const EXIF_TAGS = [
  'GPSLatitude',
  'GPSLatitudeRef',
  'GPSLongitude',
  'GPSLongitudeRef',
  'GPSDateStamp',
  'GPSTimeStamp',
  'DateTimeOriginal',
  'OffsetTimeOriginal',
];

/** `2026:12:07` and `10:15:00` (or [10, 15, 0]) as milliseconds, read as UTC. */
function exifTime(date: unknown, time: unknown): number | undefined {
  const d = typeof date === 'string' ? /^(\d{4}):(\d{2}):(\d{2})/.exec(date) : null;
  const t = Array.isArray(time)
    ? time.map(Number)
    : typeof time === 'string'
      ? time.split(':').map(Number)
      : [];
  if (!d || t.length < 2 || t.some((n) => !Number.isFinite(n))) return undefined;
  const ms = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), t[0]!, t[1]!, Math.floor(t[2] ?? 0));
  return Number.isFinite(ms) ? ms : undefined;
}

/** `+07:00` as minutes east of UTC. */
function offsetMinutes(offset: unknown): number | undefined {
  const m = typeof offset === 'string' ? /^([+-])(\d{2}):(\d{2})$/.exec(offset) : null;
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : undefined;
}

/**
 * Where and when the photo says it was taken. The GPS clock is UTC; a camera's own clock has a zone
 * only when the photo says so (OffsetTimeOriginal), otherwise it is marked unzoned and the core allows
 * for any zone. Unreadable or absent metadata is no place.
 */
export async function readPhotoPlace(bytes: Uint8Array): Promise<PhotoPlace | undefined> {
  let tags: Record<string, unknown> | undefined;
  try {
    tags = await exifr.parse(Buffer.from(bytes), { gps: true, reviveValues: false, pick: EXIF_TAGS });
  } catch {
    return undefined;
  }
  const lat = tags?.latitude;
  const lon = tags?.longitude;
  if (typeof lat !== 'number' || typeof lon !== 'number' || Math.abs(lat) > 90 || Math.abs(lon) > 180)
    return undefined;
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || (lat === 0 && lon === 0)) return undefined;
  const gpsAt = exifTime(tags?.GPSDateStamp, tags?.GPSTimeStamp);
  if (gpsAt !== undefined) return { lat, lon, takenAt: gpsAt, zoned: true };
  const original = typeof tags?.DateTimeOriginal === 'string' ? tags.DateTimeOriginal : undefined;
  const clock = original === undefined ? undefined : exifTime(original, original.slice(11));
  if (clock === undefined) return { lat, lon, zoned: false };
  const offset = offsetMinutes(tags?.OffsetTimeOriginal);
  return offset === undefined
    ? { lat, lon, takenAt: clock, zoned: false }
    : { lat, lon, takenAt: clock - offset * 60_000, zoned: true };
}

/**
 * The image re-encoded in its own format with no metadata (EXIF, XMP, IPTC, ICC), turned upright first
 * since the orientation tag goes too. Undefined when it cannot be decoded: such a file is not kept.
 */
export async function withoutMetadata(
  bytes: Uint8Array,
): Promise<{ bytes: Buffer; mime: string } | undefined> {
  try {
    const { data, info } = await sharp(bytes, { animated: true, failOn: 'error' })
      .autoOrient()
      .toBuffer({ resolveWithObject: true });
    // Prebuilt sharp reads and writes HEIF with AV1 only: an AVIF.
    return { bytes: data, mime: `image/${info.format === 'heif' ? 'avif' : info.format}` };
  } catch {
    return undefined;
  }
}
