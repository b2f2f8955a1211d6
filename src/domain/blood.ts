/**
 * Blood groups and who may give red cells to whom (issue 32). Source: the ABO/Rh red-cell compatibility
 * rule as taught in transfusion practice (e.g. WHO, "The Clinical Use of Blood", 2001, table 5.4; PMI's
 * donor information): the recipient's plasma must not carry antibodies against the donor's cells, so a
 * donor's ABO antigens must all be the recipient's own, and an Rh-negative recipient takes Rh-negative
 * cells only. O- gives to all; AB+ takes from all.
 */

export const ABO = ['O', 'A', 'B', 'AB'] as const;
export type Abo = (typeof ABO)[number];
export const RHESUS = ['+', '-'] as const;
export type Rhesus = (typeof RHESUS)[number];
export interface BloodGroup {
  abo: Abo;
  rh: Rhesus;
}

export const BLOOD_GROUPS: readonly BloodGroup[] = ABO.flatMap((abo) => RHESUS.map((rh) => ({ abo, rh })));

const ANTIGENS: Record<Abo, readonly string[]> = { O: [], A: ['A'], B: ['B'], AB: ['A', 'B'] };

/** True when red cells of `donor` may be given to `recipient`. */
export function canGiveRedCells(donor: BloodGroup, recipient: BloodGroup): boolean {
  const abo = ANTIGENS[donor.abo].every((a) => ANTIGENS[recipient.abo].includes(a));
  const rh = donor.rh === '-' || recipient.rh === '+';
  return abo && rh;
}

/** `O+`, `ab-`, `A pos`, `B negatif`, `O rh+`: a blood group as people write it, or undefined. */
export function readBloodGroup(text: string): BloodGroup | undefined {
  const m = /^\s*(ab|a|b|o|0)\s*(?:rh\s*)?(\+|-|−|pos(?:itive|itif)?|neg(?:ative|atif)?)\s*$/i.exec(text);
  if (!m) return undefined;
  const abo = (m[1]!.toUpperCase() === '0' ? 'O' : m[1]!.toUpperCase()) as Abo;
  const sign = m[2]!.toLowerCase();
  return { abo, rh: sign === '+' || sign.startsWith('pos') ? '+' : '-' };
}

export const formatBloodGroup = (g: BloodGroup) => `${g.abo}${g.rh}`;

/**
 * Whether someone who last gave blood at `lastDonation` may give again at `now`: at least `intervalDays`
 * since (PMI practice: 60 days for whole blood). Someone who never gave, or does not remember, may.
 */
export function mayDonateAgain(lastDonation: number | null, now: number, intervalDays: number): boolean {
  return lastDonation === null || now - lastDonation >= intervalDays * 86_400_000;
}
