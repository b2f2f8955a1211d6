import type { CommandContext } from '../../src/core/command.ts';
import { UserError } from '../../src/core/errors.ts';
import { TOPICS, type Topic } from '../../src/core/outcome.ts';

/** Topic words in both languages; `all`/`semua` stands for every topic. */
const TOPIC_WORDS: Record<string, Topic | 'all'> = {
  rescue: 'rescue',
  penyelamatan: 'rescue',
  evakuasi: 'rescue',
  sar: 'rescue',
  supply: 'supply',
  supplies: 'supply',
  logistik: 'supply',
  pasokan: 'supply',
  volunteers: 'volunteers',
  volunteer: 'volunteers',
  relawan: 'volunteers',
  sitrep: 'sitrep',
  laporan: 'sitrep',
  all: 'all',
  semua: 'all',
};

export const topicOf = (word: string): Topic | 'all' | undefined => TOPIC_WORDS[word.toLowerCase()];

/**
 * `rescue,supply Bantul` or `rescue supply DIY/Kota Yogyakarta`: the leading topic words, then an
 * optional area (the rest of the text). No area means the whole region.
 */
export function parseTopicsAndArea(text: string): { topics: Topic[]; areaText: string } {
  const words = text.split(/[\s,]+/).filter(Boolean);
  const topics = new Set<Topic>();
  let i = 0;
  for (; i < words.length; i++) {
    const t = topicOf(words[i]!);
    if (!t) break;
    for (const topic of t === 'all' ? TOPICS : [t]) topics.add(topic);
  }
  return { topics: TOPICS.filter((t) => topics.has(t)), areaText: words.slice(i).join(' ') };
}

/** An area named by path or unique last part; a refusal the person can act on otherwise. */
export function resolveArea(ctx: Pick<CommandContext, 'areas'>, text: string): string {
  const found = ctx.areas.lookup(text);
  if ('area' in found) return found.area.path;
  if ('ambiguous' in found)
    throw new UserError('target-area-ambiguous', {
      area: text,
      options: found.ambiguous.map((a) => a.path).join(', '),
    });
  throw new UserError('target-area-unknown', { area: text });
}

/** How topics read in a message: the catalog name of each, comma-separated. */
export const topicList = (ctx: Pick<CommandContext, 't'>, topics: readonly Topic[]) =>
  topics.map((t) => ctx.t(`topic-${t}`)).join(', ');
