/**
 * The short references people type (SPEC 2): `R-12` supply request, `S-3` rescue case, `V-40`
 * volunteer, `B-7` broadcast, `G-2` group, `O-5` offer, `K-1` posko (a collection post), `C-4`
 * check-in ("I'm safe"), `M-2` missing-person report, `T-3` blood request
 * (transfusion), `F-1` fundraising campaign, `A-2` public alert, `D-3` a draft read in a listened group. `P-` is
 * taken by the pseudonyms that stand for forgotten people. Case and the dash are optional: `r12`, `R 12`.
 */
export const REF_KINDS = ['R', 'S', 'V', 'B', 'G', 'O', 'K', 'C', 'M', 'T', 'F', 'A', 'D'] as const;
export type RefKind = (typeof REF_KINDS)[number];

export interface Ref {
  kind: RefKind;
  id: number;
}

const REF = /^([RSVBGOKCMTFAD])\s*-?\s*(\d{1,9})$/i;

export function parseRef(text: string): Ref | undefined {
  const m = REF.exec(text.trim());
  if (!m) return undefined;
  const id = Number(m[2]);
  return id > 0 ? { kind: m[1]!.toUpperCase() as RefKind, id } : undefined;
}

export const formatRef = (kind: RefKind, id: number) => `${kind}-${id}`;
