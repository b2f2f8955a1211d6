import { answerWord } from '../../src/domain/answer-words.ts';
import { parseRef, type RefKind } from '../../src/domain/refs.ts';

/**
 * `M-2 yes`, `T-3 tidak`: the shape of the hidden commands a yes/no button sends about one record
 * (/consent, /giveblood). Undefined when the reference is of another kind or the word is not yes or no.
 */
export function refAnswer(text: string, kind: RefKind): { id: number; yes: boolean } | undefined {
  const [refText = '', word = ''] = text.trim().split(/\s+/);
  const ref = parseRef(refText);
  const answer = answerWord(word);
  if (ref?.kind !== kind || (answer !== 'yes' && answer !== 'no')) return undefined;
  return { id: ref.id, yes: answer === 'yes' };
}
