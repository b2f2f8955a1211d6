import type { Abo, BloodGroup, Rhesus } from './blood.ts';

/**
 * A blood appeal as it travels from group to group ("Dibutuhkan donor darah golongan O+ 3 kantong di
 * RS ..., hubungi ..."), long after the need is met and with the family's number in every copy. Read so
 * the bot can answer with the live count of the request it belongs to instead. Pure; never throws.
 */
export interface BloodAppeal {
  abo: Abo;
  /** Absent when the appeal names the group only ("golongan darah B"). */
  rh?: Rhesus;
}

/** Words that say the message is about giving blood, English and Indonesian. */
const ABOUT_BLOOD =
  /\b(?:darah|blood|donor|pendonor|kantong|kantung|labu|bags?|pmi|utd|transfusi|transfusion)\b/i;

/**
 * A group with its rhesus (`O+`, `AB neg`, `b rh-`, `A positif`), or a bare group after a word that
 * names it (`golongan darah B`, `gol. AB`, `blood type O`): a lone `A` or `O` in a sentence is a word.
 */
const GROUP =
  /(?:^|[^\p{L}\p{N}])(?:(?:gol(?:ongan)?\.?\s*(?:darah\s*)?|goldar\s*|blood\s*(?:type|group)\s*|type\s*)(ab|a|b|o|0)(?:\s*(?:rh\s*)?(\+|-|−|pos(?:itif|itive)?|neg(?:atif|ative)?))?|(ab|a|b|o|0)\s*(?:rh\s*)?(\+|−|-(?!\d)|pos(?:itif|itive)?\b|neg(?:atif|ative)?\b))(?=$|[^\p{L}\p{N}])/iu;

export function readBloodAppeal(text: string): BloodAppeal | undefined {
  if (!ABOUT_BLOOD.test(text)) return undefined;
  const m = GROUP.exec(text);
  if (!m) return undefined;
  const letters = (m[1] ?? m[3])!.toUpperCase();
  const abo = (letters === '0' ? 'O' : letters) as Abo;
  const sign = (m[2] ?? m[4])?.toLowerCase();
  if (sign === undefined) return { abo };
  return { abo, rh: sign === '+' || sign.startsWith('pos') ? '+' : '-' };
}

/** Whether an appeal may be a copy of a request for `group`: the same group, and the rhesus unless unsaid. */
export const appealFits = (appeal: BloodAppeal, group: BloodGroup) =>
  appeal.abo === group.abo && (appeal.rh === undefined || appeal.rh === group.rh);
