import sharp from 'sharp';

/** Where the test photos say they were taken: a street in Imogiri, Bantul. */
export const PHOTO_POINT = { lat: -7.9512, lon: 110.4012 };

const dms = (deg: number) => {
  const a = Math.abs(deg);
  const d = Math.floor(a);
  const m = Math.floor((a - d) * 60);
  const s = Math.round(((a - d) * 60 - m) * 60 * 100);
  return `${d}/1 ${m}/1 ${s}/100`;
};
const exifDate = (ms: number) => new Date(ms).toISOString().slice(0, 10).replaceAll('-', ':');
const exifClock = (ms: number) => new Date(ms).toISOString().slice(11, 19);

/**
 * A real JPEG as a phone writes it: the camera's make and model, the time it was taken and, unless
 * `gps` is false, the GPS point and the GPS clock (UTC) at `takenAt`.
 */
export async function jpegWithExif(takenAt: number, options: { gps?: boolean; colour?: string } = {}) {
  const gps = options.gps ?? true;
  return sharp({
    create: { width: 40, height: 30, channels: 3, background: options.colour ?? '#2050c0' },
  })
    .jpeg()
    .withExif({
      IFD0: { Make: 'TestPhone', Model: 'Serial 12345', Artist: 'Ana Lestari' },
      IFD2: { DateTimeOriginal: `${exifDate(takenAt)} ${exifClock(takenAt)}` },
      ...(gps
        ? {
            IFD3: {
              GPSLatitudeRef: PHOTO_POINT.lat < 0 ? 'S' : 'N',
              GPSLatitude: dms(PHOTO_POINT.lat),
              GPSLongitudeRef: PHOTO_POINT.lon < 0 ? 'W' : 'E',
              GPSLongitude: dms(PHOTO_POINT.lon),
              GPSDateStamp: exifDate(takenAt),
              GPSTimeStamp: exifClock(takenAt)
                .split(':')
                .map((n) => `${Number(n)}/1`)
                .join(' '),
            },
          }
        : {}),
    })
    .toBuffer();
}
