import { randomBytes } from 'node:crypto';
import type { Db } from './db.ts';
import { sha256 } from './events.ts';
import { rewriteChain, type Stored } from './rechain.ts';

/** The transition event: before it, a person's words stood in hashed payloads; the old head is kept. */
export const FREE_TEXT_MOVED = 'ledger.free_text_moved';

/**
 * The words a stored event's payload holds that are a person's own (items outside the catalog, a
 * broadcast's text, the language a person reads), and the payload without them.
 */
function split(
  kind: string,
  payload: Record<string, unknown>,
): { kept: Record<string, unknown>; words?: Record<string, unknown> } {
  if (kind === 'request.created' && Array.isArray(payload.items)) {
    const items = payload.items as Record<string, unknown>[];
    const words = items.flatMap((i) => (typeof i.text === 'string' ? [i.text] : []));
    if (words.length === 0) return { kept: payload };
    return {
      kept: { ...payload, items: items.map(({ text: _words, ...catalog }) => catalog) },
      words: { otherItems: words },
    };
  }
  if ((kind === 'broadcast.scheduled' || kind === 'broadcast.queued') && 'text' in payload) {
    const { text, ...kept } = payload;
    return { kept, words: { text } };
  }
  if (kind === 'person.language' && 'lang' in payload) {
    const { lang, ...kept } = payload;
    return { kept, words: { lang } };
  }
  return { kept: payload };
}

/**
 * Migration 285's code step: events written before a person's words were kept in the personal part
 * held them in the hashed payload, where no erasure could reach. They move to the personal part under a
 * salted hash, and the chain is linked again; where the record was already erased (its personal part
 * gone, a purged broadcast, a forgotten requester), the words are dropped instead.
 */
export function moveFreeTextToPersonal(db: Db, now = Date.now()): void {
  const erasedRequest = db
    .prepare("SELECT 1 FROM requests WHERE 'R-' || id = ? AND (requester = 'erased' OR requester LIKE 'P-%')")
    .pluck();
  const purgedBroadcast = db.prepare("SELECT 1 FROM broadcasts WHERE 'B-' || id = ? AND text = ''").pluck();
  const gone = (e: Stored) =>
    (e.personal === null && e.personal_hash !== null) ||
    (e.subject !== null &&
      (erasedRequest.get(e.subject) !== undefined || purgedBroadcast.get(e.subject) !== undefined));
  const anyWords = (
    db.prepare('SELECT kind, payload FROM events').all() as { kind: string; payload: string }[]
  ).some((e) => split(e.kind, JSON.parse(e.payload) as Record<string, unknown>).words !== undefined);
  if (!anyWords) return;
  rewriteChain(
    db,
    FREE_TEXT_MOVED,
    (e) => {
      const { kept, words } = split(e.kind, JSON.parse(e.payload) as Record<string, unknown>);
      if (!words) return e;
      const payload = JSON.stringify(kept);
      if (gone(e)) return { ...e, payload };
      const before = e.personal === null ? {} : (JSON.parse(e.personal) as Record<string, unknown>);
      const personal = JSON.stringify({ ...before, ...words, salt: randomBytes(16).toString('hex') });
      return { ...e, payload, personal, personal_hash: sha256(personal) };
    },
    now,
  );
}
