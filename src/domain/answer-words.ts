/**
 * The short answers people type to a question with buttons, in Indonesian and English: yes and no with
 * their first letters (`ya`, `y`, `tidak`, `t`, `yes`, `no`, `n`), "skip" (`lewati`, `skip`, `nanti`)
 * and "none" (`tidak ada`, `none`). Pure; the dialogs map them onto the choices a question offers.
 */
export type AnswerWord = 'yes' | 'no' | 'skip' | 'none';

const WORDS: Record<AnswerWord, string[]> = {
  yes: 'ya y iya iyah iy yes yess yep yup yeah betul benar boleh setuju sure'.split(' '),
  no: 'tidak t tdk tak gak ga nggak enggak engga ndak no n nope nah jangan bukan ora mboten'.split(' '),
  skip: [
    ...'skip lewati lewat lewatin lompati lompat nanti later pass next lanjut -'.split(' '),
    'lewati saja',
    'lewati aja',
    'skip aja',
    'skip saja',
    'nanti saja',
    'nanti aja',
    // "I don't know" and "I have none" to a question that asks for a count or a number: nothing to add.
    ...'tidak tahu|tidak tau|tdk tahu|tdk tau|gak tahu|gak tau|ga tau|nggak tau|nggak tahu|belum tahu|entah'.split(
      '|',
    ),
    ...'tidak punya|tdk punya|gak punya|ga punya|nggak punya|unknown|not sure|dont know|don t know'.split(
      '|',
    ),
  ],
  none: [
    ...'none nothing nobody nihil kosong'.split(' '),
    'tidak ada',
    'tdk ada',
    'gak ada',
    'ga ada',
    'nggak ada',
    'enggak ada',
    'tak ada',
    'no one',
    'none of these',
    'ora ono',
    'ora ana',
  ],
};
const BY_WORD = new Map<string, AnswerWord>(
  (Object.keys(WORDS) as AnswerWord[]).flatMap((w) => WORDS[w].map((s) => [s, w] as const)),
);

/** `Ya!`, ` tidak ada. `, `SKIP` → yes, none, skip; anything longer or else → undefined. */
export function answerWord(text: string): AnswerWord | undefined {
  const t = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[.!?,;:…]+$/u, '')
    .replace(/['’`]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return BY_WORD.get(t);
}

/** The choice values an answer word may stand for, most fitting first. */
export const CHOICE_VALUES: Record<AnswerWord, readonly string[]> = {
  yes: ['yes', 'rescue'],
  // "No" to a question that offers only skip (`Phone number?` → `tidak`) is nothing to add.
  no: ['no', 'none', 'supply', 'skip'],
  skip: ['skip'],
  none: ['none', 'no', 'skip'],
};
