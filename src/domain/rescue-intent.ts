import { type DangerReading, readDanger } from './danger-words.ts';

/**
 * Is this message a call for rescue? In Indonesian *tolong* means both "help!" and "please", so a
 * bare word cannot decide alone. The rule is the table below, read top to bottom; the first row that
 * matches decides:
 * - `rescue`: start the rescue path with `text` (what the person wrote, minus a leading alarm word);
 * - `ask`: ask one question, "people in danger now?" or "supplies?", keeping the whole text for either path;
 * - no row: not a rescue call (the message goes on to the other commands).
 * A call word counts anywhere (`Imogiri 4 orang SOS!!`), and danger counts without one: a private
 * message that says someone is trapped, drowning, buried or swept away, or that fire, a collapse, a
 * landslide or rising water is where people are, starts the rescue path; danger that may be news or the
 * reason for a request (`kebakaran di pasar`, `ada yang luka`), or drowning said of a thing (`HP saya
 * kelelep`), asks first. The words, with the typos a
 * phone keyboard makes, are read in src/domain/danger-words.ts. Rows marked `privateOnly` count in
 * private chats only: people talking in a group are not reporting to the bot.
 * Pure; used by the router on every transport, with or without a slash.
 */

export type RescueDecision = 'rescue' | 'ask';
export interface RescueIntent {
  decision: RescueDecision;
  /** The row that decided, for logs and tests. */
  rule: string;
  text: string;
  /** It began with an alarm word (SOS, 🆘): a new report, even in the middle of a rescue dialog. */
  alarm: boolean;
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase();
const list = (words: string) =>
  words
    .split('|')
    .map((w) => w.trim().replace(/\s+/g, String.raw`[\s-]+`))
    .join('|');
const bounded = (alternatives: string) =>
  new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${alternatives})(?![\p{L}\p{N}])`, 'u');

// Punctuation, symbols and emoji around the words people shout with: `SOS!`, `🚨TOLONG🚨`, `*SOS*`.
const NOISE = String.raw`[\s\p{P}\p{S}\p{Extended_Pictographic}\u200d\ufe0f]*`;

/** Words that are a call for rescue whatever follows; `s.o.s`, `s o s` and elongated `soooos` too. */
const ALARM = String.raw`s\W?o+\W?s|darurat|emergency|mayday|🆘`;
/** Help / please: tolong (and its chat spellings), help, bantu. */
const CALL = 'to+lo+n+g+|tlg|tolongin|tu+lu+ng+|tulungi|help+|bantu|bantuin';
/** Danger to people now: with a call word, rescue at once, even beside a request. */
const DANGER = bounded(
  list(
    [
      'trapped|stuck|stranded|drowning|drown|drowned|sinking|injured|hurt|bleeding|unconscious|collapsed',
      'collapse|fire|burning|swept away|washed away|landslide|buried|water rising|rising water|water is rising',
      'on the roof|on roof|on our roof|cannot get out|can t get out|can t breathe|dying|in danger|life threatening',
      'terjebak|terjepit|tertimbun|terkurung|terisolasi|air naik|air terus naik|air makin tinggi|banjir naik',
      'luka|terluka|berdarah|patah|tenggelam|hampir tenggelam|roboh|runtuh|ambruk|kebakaran|terbakar',
      'hanyut|terseret|longsor|tanah longsor|pingsan|tidak sadar|sesak napas|sesak nafas|di atap|naik atap',
      'tidak bisa keluar|gak bisa keluar|ga bisa keluar|nggak bisa keluar|bahaya|gawat|kritis|sekarat',
      'evakuasi|selamatkan|korban jiwa|melahirkan|perahu|boat|rescue',
    ].join('|'),
  ),
);
const DANGER_EMOJI = /🆘|🚨|🌊|🔥/u;
/** Danger that is also the background of a supply request ("kami korban banjir, tolong kirim beras"). */
const HARDSHIP = bounded(list('banjir|kebanjiran|flood|flooded|flooding|api|gempa|earthquake'));
/** "Please send / bring / give ..." and the things people ask for. */
const REQUEST = bounded(
  list(
    [
      'kirim|kirimkan|kirimin|antar|antarkan|anterin|bawa|bawakan|bawain|kasih|berikan|minta|butuh|perlu',
      'carikan|cariin|belikan|beliin|sediakan|bagi|info|informasi|tanya|mau tanya|cek|daftar',
      'send|bring|deliver|give|need|needs|provide|share|info|tell|where|how|can you|could you|ask',
      // Not bare "water": `water is rising, 3 kids with us` is danger, not a request for water.
      'drinking water|clean water|bottled water|air mineral',
      'air minum|air bersih|beras|nasi|makanan|makan|minum|mie|susu|popok|selimut|terpal|tenda|obat|pakaian',
      'baju|sembako|logistik|rice|food|milk|diapers|blanket|blankets|tarp|tent|medicine|clothes|supplies',
    ].join('|'),
  ),
);
/** Words that carry nothing more than "help us": `tolong kami!`, `help me please`. */
const ONLY_CALL = new RegExp(
  `^${NOISE}(?:(?:${CALL}|kami|saya|aku|kita|me|us|please|plis|pls|segera|cepat|quick|now|sekarang)${NOISE})+$`,
  'u',
);

// After the alarm word, a sign that starts coordinates (`SOS -7.91,110.33`) is not noise.
const NOISE_AFTER = String.raw`(?:(?![-+−]\d)[\s\p{P}\p{S}\p{Extended_Pictographic}\u200d\ufe0f])*`;
const LEADING_ALARM = new RegExp(String.raw`^${NOISE}(?:${ALARM})(?![\p{L}\p{N}])${NOISE_AFTER}`, 'u');
const LEADING_CALL = new RegExp(String.raw`^${NOISE}(?:${CALL})(?![\p{L}\p{N}])`, 'u');
const ANY_ALARM = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${ALARM})(?![\p{L}\p{N}])`, 'u');
const ALARM_WITH_NOISE = new RegExp(
  String.raw`${NOISE_AFTER}(?<![\p{L}\p{N}])(?:${ALARM})(?![\p{L}\p{N}])${NOISE_AFTER}`,
  'giu',
);
const ANY_CALL = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${CALL}|${ALARM})(?![\p{L}\p{N}])`, 'u');

/** The call words that are a shout, not the verb "to help" (`saya bisa bantu masak`). */
const SHOUT = /(?<![\p{L}\p{N}])(?:to+lo+n+g+|tlg|tu+lu+ng+|help+)(?![\p{L}\p{N}])/u;

const hasDanger = (t: string) => DANGER.test(t) || DANGER_EMOJI.test(t);
// "What is SOS?", "apa itu SOS": a question about the word, not a call.
const ABOUT_THE_WORD =
  /(?<![\p{L}])(?:what is|what s|whats|what does|meaning of|apa itu|apa arti|arti|artinya|maksud)(?![\p{L}])/u;

interface Row {
  rule: string;
  when: (folded: string, danger: DangerReading) => boolean;
  decision: RescueDecision;
  /** What the chosen path starts from: the text after the alarm word, without it, or everything written. */
  keep: 'after-alarm' | 'without-alarm' | 'all';
  /** Counts in private chats only. */
  privateOnly?: boolean;
}

/** The decision table. Order matters: the first row that matches decides. */
export const RESCUE_INTENT_TABLE: readonly Row[] = [
  {
    rule: 'an alarm word (SOS, S.O.S, DARURAT, 🆘) alone or first',
    when: (t) => LEADING_ALARM.test(t),
    decision: 'rescue',
    keep: 'after-alarm',
  },
  {
    rule: 'an alarm word anywhere (Imogiri 4 orang SOS!!), unless the message asks what it means',
    when: (t) => ANY_ALARM.test(t) && !ABOUT_THE_WORD.test(t),
    decision: 'rescue',
    keep: 'without-alarm',
    privateOnly: true,
  },
  {
    rule: 'a call word (tolong, help, bantu) anywhere with danger to people (terjebak, air naik, trapped...)',
    when: (t, d) => ANY_CALL.test(t) && (hasDanger(t) || d.person || d.event || d.harm),
    decision: 'rescue',
    keep: 'all',
  },
  {
    rule: 'someone trapped, drowning, buried or swept away, said without a call word (kami terjebak di atap)',
    when: (_t, d) => d.person && !d.thing && !d.negated,
    decision: 'rescue',
    keep: 'all',
    privateOnly: true,
  },
  {
    rule: 'fire, collapse, landslide or rising water where people are (air naik, 5 orang di atap)',
    when: (t, d) => d.event && d.people && !d.negated && !REQUEST.test(t),
    decision: 'rescue',
    keep: 'all',
    privateOnly: true,
  },
  {
    rule: 'tolong / help as "please" with a request (kirim, bantu beras, send water...)',
    when: (t) => ANY_CALL.test(t) && REQUEST.test(t.replace(LEADING_CALL, ' ')),
    decision: 'ask',
    keep: 'all',
  },
  {
    rule: 'a call word with a disaster around (tolong! banjir di Imogiri)',
    when: (t) => ANY_CALL.test(t) && HARDSHIP.test(t),
    decision: 'rescue',
    keep: 'all',
  },
  {
    rule: 'tolong alone or with only "us / me / now" around it (TOLONG!!!, tolong kami)',
    when: (t) => ONLY_CALL.test(t) && !/^\W*(help+|bantu|bantuin)\W*$/u.test(t.trim()),
    decision: 'rescue',
    keep: 'all',
  },
  {
    rule: 'tolong first with anything else (tolong, 3 orang di Imogiri): one question decides',
    when: (t) => LEADING_CALL.test(t) && !/^\W*(help+|bantu|bantuin)(?![\p{L}\p{N}])/u.test(t),
    decision: 'ask',
    keep: 'all',
  },
  {
    rule: 'tolong / help anywhere with a people count or children, elders (Imogiri 4 orang tolong!!): one question decides',
    when: (t, d) => SHOUT.test(t) && d.counted,
    decision: 'ask',
    keep: 'all',
    privateOnly: true,
  },
  {
    rule: 'danger that may be news or the reason for a request (kebakaran di pasar, ada yang luka): one question decides',
    when: (_t, d) => (d.event || d.harm) && !d.negated,
    decision: 'ask',
    keep: 'all',
  },
  {
    rule: 'drowning or swept away said of a thing (HP saya kelelep, sandal hanyut): one question decides',
    when: (_t, d) => d.person && d.thing && !d.negated,
    decision: 'ask',
    keep: 'all',
    privateOnly: true,
  },
];

/** What the table decides for a message; undefined when it is no call for rescue. */
export function readRescueIntent(
  text: string,
  chatKind: 'private' | 'group' = 'private',
): RescueIntent | undefined {
  const folded = fold(text.trim());
  if (folded === '' || folded.startsWith('/')) return undefined;
  const danger = readDanger(folded);
  for (const row of RESCUE_INTENT_TABLE) {
    if (row.privateOnly && chatKind !== 'private') continue;
    if (!row.when(folded, danger)) continue;
    const kept =
      row.keep === 'after-alarm'
        ? afterAlarm(text)
        : row.keep === 'without-alarm'
          ? withoutAlarm(text)
          : text.trim();
    return { decision: row.decision, rule: row.rule, text: kept, alarm: row.keep === 'after-alarm' };
  }
  return undefined;
}

function afterAlarm(text: string): string {
  const folded = fold(text.trim());
  const m = LEADING_ALARM.exec(folded);
  // NFKC may change lengths (fullwidth letters); when it did, keep the whole text rather than cut wrong.
  if (!m || folded.length !== text.trim().length) return text.trim();
  return text.trim().slice(m[0].length).trim();
}

/** `Imogiri 4 orang SOS!!` → `Imogiri 4 orang`: the alarm word and its shouting are no address. */
function withoutAlarm(text: string): string {
  return text.replace(ALARM_WITH_NOISE, ' ').replace(/\s+/g, ' ').trim();
}
