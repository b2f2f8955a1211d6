import { wordValue } from './until.ts';

/**
 * The three scales of an OASIS CAP 1.2 alert (section 3.2.2 of the standard), in the standard's own
 * spelling, which the CAP feed writes as is. `Unknown` is left out: a coordinator who does not know
 * keeps the default instead.
 */
export const CAP_SCALES = {
  urgency: ['Immediate', 'Expected', 'Future', 'Past'],
  severity: ['Extreme', 'Severe', 'Moderate', 'Minor'],
  certainty: ['Observed', 'Likely', 'Possible', 'Unlikely'],
} as const;
export type CapScale = keyof typeof CAP_SCALES;
export type CapLevel<S extends CapScale> = (typeof CAP_SCALES)[S][number];
export type CapLevels = { [S in CapScale]: CapLevel<S> };

/**
 * What an alert carries when its author does not say: action expected within the next hour, a
 * significant (not extraordinary) threat, more likely than not. A coordinator's public warning is
 * rarely less; claiming Immediate, Extreme or Observed is left to the one who knows.
 */
export const CAP_DEFAULTS: CapLevels = { urgency: 'Expected', severity: 'Moderate', certainty: 'Likely' };

/** The words people type for each level, in Indonesian and English (the standard's word itself too). */
const WORDS: { [S in CapScale]: Record<string, CapLevel<S>> } = {
  urgency: {
    immediate: 'Immediate',
    segera: 'Immediate',
    sekarang: 'Immediate',
    expected: 'Expected',
    'satu jam': 'Expected',
    'dalam sejam': 'Expected',
    future: 'Future',
    'akan datang': 'Future',
    past: 'Past',
    lewat: 'Past',
    'sudah lewat': 'Past',
  },
  severity: {
    extreme: 'Extreme',
    ekstrem: 'Extreme',
    severe: 'Severe',
    parah: 'Severe',
    berat: 'Severe',
    moderate: 'Moderate',
    sedang: 'Moderate',
    minor: 'Minor',
    ringan: 'Minor',
    kecil: 'Minor',
  },
  certainty: {
    observed: 'Observed',
    terjadi: 'Observed',
    teramati: 'Observed',
    likely: 'Likely',
    'kemungkinan besar': 'Likely',
    possible: 'Possible',
    'bisa jadi': 'Possible',
    mungkin: 'Possible',
    unlikely: 'Unlikely',
    'kecil kemungkinan': 'Unlikely',
  },
};

/** The level a typed word names on one scale, or undefined. */
export function capLevel<S extends CapScale>(scale: S, text: string): CapLevel<S> | undefined {
  const word = text.trim().toLowerCase().replace(/\s+/g, ' ');
  return wordValue(WORDS[scale], word);
}

/** An alert as public outputs see it: the area, its levels, the text written for the public, and when. */
export interface PublicAlert extends CapLevels {
  /** Opaque and stable: the CAP identifier and the alert's address, never the `A-n` used in chats. */
  id: string;
  area: string;
  text: string;
  language: string;
  at: number;
}
