import type { RequestItem } from './items.ts';
import type { Skill } from './skills.ts';

/**
 * Services an organisation or a person offers with `/offer` ("1 truck, a boat, dapur umum"): named by
 * the volunteer skill catalog, so a coordinator looking for a boat finds offered boats and boat
 * volunteers under one word. The words people use for each, English and Indonesian; a line of an offer
 * that the item reader kept in the person's words becomes a service when its words are one of these.
 */
export const SERVICE_WORDS: Partial<Record<Skill, readonly string[]>> = {
  boat: ['boat', 'boats', 'rubber boat', 'speedboat', 'perahu', 'perahu karet', 'kapal', 'sampan', 'rakit'],
  driver: [
    'truck',
    'trucks',
    'truk',
    'pickup',
    'pick up',
    'pikap',
    'car',
    'cars',
    'mobil',
    'vehicle',
    'kendaraan',
    'van',
    'minibus',
    'motor',
    'motorbike',
  ],
  cooking: ['kitchen', 'public kitchen', 'field kitchen', 'dapur', 'dapur umum', 'catering', 'katering'],
  medical: [
    'ambulance',
    'ambulans',
    'medical team',
    'tim medis',
    'doctor',
    'doctors',
    'dokter',
    'nurse',
    'nurses',
    'perawat',
    'bidan',
    'midwife',
  ],
  sar: ['sar team', 'tim sar', 'rescue team', 'tim penyelamat', 'relawan sar'],
  shelter: [
    'shelter',
    'place to stay',
    'rumah singgah',
    'tempat tinggal',
    'tempat mengungsi',
    'hall',
    'aula',
  ],
  logistics: ['warehouse', 'storage', 'gudang', 'forklift', 'generator', 'genset'],
  translation: ['translator', 'interpreter', 'penerjemah'],
  counselling: ['counselling', 'counseling', 'konseling', 'trauma healing', 'psikolog', 'psychologist'],
};

/** A service an offer names, with how many when said ("2 trucks"). */
export interface OfferedService {
  skill: Skill;
  qty?: number;
}

/** Articles and counting words that may stand before a service ("a boat", "sebuah perahu", "1 unit truk"). */
const FILLER = /^(?:a|an|one|our|my|sebuah|satu|se|unit|buah)\s+|\s+(?:unit|buah)$/g;

const normal = (text: string) => {
  let s = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  for (let before = ''; before !== s; ) {
    before = s;
    s = s.replace(FILLER, '').trim();
  }
  return s;
};

/** The skill whose service words are exactly `text` (after articles), if any. */
export function serviceOf(text: string): Skill | undefined {
  const said = normal(text);
  for (const [skill, words] of Object.entries(SERVICE_WORDS) as [Skill, readonly string[]][])
    if (words.includes(said)) return skill;
  return undefined;
}

/**
 * An offer's lines as the item reader gave them, split into goods and services: a line outside the
 * catalog whose words name a service is that service (with its count, when one was given).
 */
export function splitServices(lines: readonly RequestItem[]): {
  items: RequestItem[];
  services: OfferedService[];
} {
  const items: RequestItem[] = [];
  const services: OfferedService[] = [];
  for (const line of lines) {
    const skill = line.item === 'other' && line.unit === undefined ? serviceOf(line.text ?? '') : undefined;
    if (skill === undefined) items.push(line);
    else services.push({ skill, ...(line.qty === undefined ? {} : { qty: line.qty }) });
  }
  return { items, services };
}
