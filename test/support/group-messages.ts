import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config.ts';

export type GroupLabel = 'need' | 'danger' | 'offer' | 'noise';
export interface GroupMessage {
  label: GroupLabel;
  lang: string;
  text: string;
}

/** test/data/group-messages.tsv: listen mode's labelled group messages, for its measure and benchmark. */
export function groupMessages(): GroupMessage[] {
  const file = path.join(PROJECT_ROOT, 'test', 'data', 'group-messages.tsv');
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .slice(1)
    .map((l) => {
      const [label, lang, ...text] = l.split('\t');
      return { label, lang, text: text.join('\t') } as GroupMessage;
    });
}
