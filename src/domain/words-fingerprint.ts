import { spellOut } from './group-reading.ts';

/**
 * The same words however they were forwarded: letters and digits only, chat spellings spelt out, as a
 * 64-bit FNV-1a hash in hex. Two groups that received one forwarded message give one fingerprint. Pure.
 */
export function wordsFingerprint(text: string): string {
  const folded = (spellOut(text).match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(folded)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}
