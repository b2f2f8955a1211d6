// What the dashboard's modules share: elements, durations in the reader's words, ids for actions.

/** An id made when an action is shown: a double click sends it twice, and the bot acts once. */
export const newId = () => {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
};

/** An element with attributes (`onclick` a listener) and children; empty children are left out. */
export const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'onclick') node.addEventListener('click', v);
    else if (k === 'class') node.className = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
};

/** `12 min`, `2 h 5 min` in the page's words (`s`). */
export const durationIn = (s) => (ms) => {
  if (ms === null || ms === undefined) return s('none');
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} ${s('min')}`;
  return `${Math.floor(minutes / 60)} ${s('hours')} ${minutes % 60} ${s('min')}`;
};
