/**
 * Splits a long text into parts of at most `limit` UTF-16 units (as Telegram and WhatsApp count), at
 * the last paragraph, line or word break in the second half of the window, so a split cuts a word only
 * when a part has no break at all. Never splits a surrogate pair (an emoji) in two. One splitter for
 * every transport; each passes its own platform limit.
 */
export function splitText(text: string, limit: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    const cut = [window.lastIndexOf('\n\n'), window.lastIndexOf('\n'), window.lastIndexOf(' ')].find(
      (i) => i > limit / 2,
    );
    let at = cut ?? limit;
    if (cut === undefined && /[\uD800-\uDBFF]/.test(rest[at - 1] ?? '')) at--;
    parts.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).replace(/^\s+/, '');
  }
  if (rest.length > 0 || parts.length === 0) parts.push(rest);
  return parts;
}
