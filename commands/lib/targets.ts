import { formatRef } from '../../src/domain/refs.ts';
import { TOPICS, type Topic } from '../../src/domain/topics.ts';
import type { CommandContext } from '../../src/engine/command.ts';
import { UserError } from '../../src/engine/errors.ts';
import type { BroadcastTarget } from '../../src/ledger/index.ts';

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
      typed: text,
      options: found.ambiguous.map((a) => a.path).join(', '),
    });
  throw new UserError('target-area-unknown', { typed: text });
}

/** How topics read in a message: the catalog name of each, comma-separated. */
export const topicList = (ctx: Pick<CommandContext, 't'>, topics: readonly Topic[]) =>
  topics.map((t) => ctx.t(`topic-${t}`)).join(', ');

/**
 * Reads the TARGET at the start of `/broadcast TARGET TEXT`: `all`, a topic, `G-n`, or an area (a path,
 * a unique last part, or a name of several words like `Kota Yogyakarta`, quoted or not).
 */
export function parseTarget(
  ctx: Pick<CommandContext, 'areas'>,
  text: string,
): { target: BroadcastTarget; rest: string } {
  const s = text.trim();
  const quoted = /^["“]([^"”]+)["”]\s*([\s\S]*)$/.exec(s);
  if (quoted) return { target: { kind: 'area', area: resolveArea(ctx, quoted[1]!) }, rest: quoted[2]! };
  const words = s.split(/\s+/);
  const first = words[0] ?? '';
  const rest = (n: number) => s.split(/\s+/).slice(n).join(' ');
  const topic = topicOf(first);
  if (topic === 'all') return { target: { kind: 'all' }, rest: rest(1) };
  if (topic) return { target: { kind: 'topic', topic }, rest: rest(1) };
  const group = /^G-(\d+)$/i.exec(first);
  if (group) return { target: { kind: 'group', groupId: Number(group[1]) }, rest: rest(1) };
  // The longest run of leading words that names an area: `Kota Yogyakarta Air bersih...`.
  for (let n = Math.min(4, words.length); n >= 1; n--) {
    const found = ctx.areas.lookup(words.slice(0, n).join(' '));
    if ('area' in found) return { target: { kind: 'area', area: found.area.path }, rest: rest(n) };
  }
  if (first === '') throw new UserError('target-missing');
  resolveArea(ctx, first);
  throw new UserError('target-area-unknown', { typed: first });
}

/** How a target reads in a message. */
export function describeTarget(ctx: Pick<CommandContext, 't'>, target: BroadcastTarget): string {
  switch (target.kind) {
    case 'all':
      return ctx.t('target-all');
    case 'topic':
      return ctx.t('target-topic', { topic: ctx.t(`topic-${target.topic}`) });
    case 'area':
      return target.area;
    case 'group':
      return formatRef('G', target.groupId);
  }
}
