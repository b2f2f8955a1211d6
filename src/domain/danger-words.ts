/**
 * The words people in danger use, in Indonesian, Javanese-flavoured Indonesian and English, read the
 * way a phone keyboard lets them be typed: letters held down (`terjebakkk`), one letter missed, added,
 * changed or swapped on a longer word (`terjbak`, `tengelam`, `kebakran`, `tertimbnu`). Pure; the
 * decision what a message is stays in the one table, src/domain/rescue-intent.ts.
 */

/** Danger that is people's by itself: someone trapped, drowning, buried or swept away. */
const PERSON_WORDS = [
  'terjebak kejebak terjepit kejepit terkurung kekurung terperangkap terisolasi terisolir',
  'tenggelam kelelep klelep kelelepen tertimbun ketimbun tertindih ketindih tertimpa ketimpa ketiban kejatuhan',
  'hanyut kentir terseret keseret terkepung kekepung dikepung',
  // Water as deep as a person's chest or neck is about the person standing in it.
  'sedada seleher sekepala sedodo',
  'trapped stranded marooned drowning drowned drown buried sinking tercebur kecebur',
];
const PERSON_PHRASES = [
  'tidak bisa keluar|gak bisa keluar|ga bisa keluar|nggak bisa keluar|ndak bisa keluar|tdk bisa keluar',
  'ora iso metu|ora isa metu|ora bisa metu|gabisa keluar|gak iso metu',
  '(?:ga|gak|gk|g|nggak|tdk|tak) (?:bisa|bs) (?:keluar|kluar)|gabisa kluar',
  'cannot get out|can t get out|cant get out|swept away|washed away|under the rubble|bawah reruntuhan',
  'stuck on the roof|stuck in the house|stuck inside|stuck at home|stuck upstairs',
  'terbawa arus|kebawa arus|hampir tenggelam|minta dievakuasi|perlu dievakuasi|butuh evakuasi|minta evakuasi',
  'mohon dievakuasi|mohon evakuasi|segera dievakuasi|segera evakuasi|evakuasi segera|harap dievakuasi',
  'need evacuation|need to be evacuated|please evacuate|evacuate us|surrounded by water',
  'need rescue|need rescuing|need to be rescued|rescue us|rescue me|save us|save me|selamatkan kami|selamatkan saya',
  'minta diselamatkan|mohon diselamatkan|butuh pertolongan|minta pertolongan|perlu pertolongan',
  'fell into the (?:river|water|flood)|fell in the (?:river|water|flood|flood water)|jatuh ke (?:sungai|kali|air)',
  'stuck on the (?:second |2nd |third |3rd |top |upper )?floor|stuck in (?:the|our|my) (?:house|home|attic|room)',
  'setinggi dada|setinggi leher|sampai dada|sampai leher|sampe dada|sampe leher|sak dodo|sak gulu|tekan gulu',
  'up to (?:my|our|the) (?:chest|chests|neck|necks)|chest deep|neck deep|chest high|neck high',
];
/** Danger to a place: with people present it is theirs; alone, it may be news. */
const EVENT_WORDS = [
  'kebakaran terbakar kobong roboh rubuh runtuh ambruk ambrol longsor longsoran',
  'fire burning collapsed collapse landslide mudslide',
];
const EVENT_PHRASES = [
  'air naik|air naek|aer naik|aer naek|air terus naik|air makin tinggi|air semakin tinggi|air makin naik|banjir naik',
  'air (?:sudah |udah |sdh )?(?:sampai |sampe |setinggi )?(?:se)?(?:pinggang|dada|leher|atap|kepala)|banyu munggah|banyune munggah',
  'banjir bandang|tekan atap|nganti atap',
  // A depth, not a watch: `ketinggian air 2 meter`, not `kami pantau ketinggian air`.
  'ketinggian air (?:sudah |udah |sdh )?(?:\\d+(?:[.,]\\d+)? ?(?:meter|m|cm)|sepinggang)',
  'water rising|rising water|water is rising|water keeps rising|on fire|api besar|tanah longsor',
  'water up to (?:the |our )?(?:roof|ceiling|windows?|second floor)|water (?:is )?(?:at|over) (?:the |our )?roof',
];
/** Harm that may be an emergency or the reason for a request (`obat luka`): one question decides. */
const HARM_WORDS = [
  'luka terluka berdarah pingsan sekarat kritis gawat bahaya melahirkan kesetrum tersetrum hilang',
  'injured bleeding unconscious dying missing',
];
const HARM_PHRASES = ['patah tulang|tidak sadar|sesak napas|sesak nafas|in danger|life threatening'];
/** People there now: with danger to a place, it is danger to them. */
const PEOPLE_WORDS = [
  'kami kita saya aku awak awakdewe we us our my me i orang org wong warga penghuni tetangga',
  'anak anakku bocah bayi balita ibu bapak bu pak mbah simbok nenek kakek lansia keluarga suami istri',
  'adik adek kakak kak abang mas mbak',
  'family people someone somebody person persons child children kids baby neighbour neighbor',
];
const PEOPLE_PHRASES = [
  'ada yang|ada yg|ada org|yang di dalam|di dalam|di dlm|inside|di atap|on the roof|naik atap',
];

const fold = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’`]/g, ' ')
    // Letters held down: `tolooong`, `terjebakkk` (three or more of one letter are one).
    .replace(/(\p{L})\1{2,}/gu, '$1');

const wordsOf = (lines: string[]) => new Set(lines.join(' ').split(/\s+/).filter(Boolean));
const phrasesOf = (lines: string[]) =>
  new RegExp(
    String.raw`(?<![\p{L}\p{N}])(?:${lines.join('|').replace(/ /g, String.raw`[\s-]+`)})(?![\p{L}\p{N}])`,
    'u',
  );

const PERSON = wordsOf(PERSON_WORDS);
const EVENT = wordsOf(EVENT_WORDS);
const HARM = wordsOf(HARM_WORDS);
const PEOPLE = wordsOf(PEOPLE_WORDS);

/**
 * Things that drown or float away as often as people do (`HP saya kelelep`, `motor kelelep banjir`,
 * `sandal hanyut`): said just before the danger word, the danger is the thing's, and one question decides.
 */
const THINGS = new Set(
  [
    'hp handphone ponsel henpon telepon laptop motor mobil sepeda sandal sendal sepatu jemuran baju pakaian',
    'barang barang2 dokumen ijazah ktp dompet tas kasur perabot ternak sapi kambing ayam bebek sawah kebun',
    'jalan jembatan akses pohon truk truck phone car bike motorbike shoes clothes laundry documents cattle road bridge',
  ]
    .join(' ')
    .split(' '),
);
/** How many words may stand between the thing and its danger word (`HP saya kelelep`). */
const THING_REACH = 2;

/** Words within one typo of a danger word that mean something else. */
const NOT_DANGER = new Set(['terbayar', 'terbakal', 'wrapped', 'tapped', 'strapped', 'trapper', 'runtut']);
/** Typos are forgiven on words this long or longer: a short word one letter off is another word. */
const FUZZY_FROM = 6;

/** Optimal string alignment distance, bounded: is `a` within one edit (or one swap) of `b`? */
export function withinOneTypo(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    const diff: number[] = [];
    for (let i = 0; i < a.length && diff.length <= 2; i++) if (a[i] !== b[i]) diff.push(i);
    if (diff.length === 1) return true;
    const [i, j] = diff;
    return diff.length === 2 && j === i! + 1 && a[i!] === b[j] && a[j] === b[i!];
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i) === long.slice(i + 1);
}

function has(words: Set<string>, token: string, fuzzy = true): boolean {
  if (words.has(token)) return true;
  if (!fuzzy || token.length < FUZZY_FROM || NOT_DANGER.has(token)) return false;
  for (const w of words) if (w.length >= FUZZY_FROM && withinOneTypo(token, w)) return true;
  return false;
}

export interface DangerReading {
  /** Someone trapped, drowning, buried, swept away. */
  person: boolean;
  /** Fire, collapse, landslide, water rising. */
  event: boolean;
  /** Injured, unconscious, bleeding: maybe an emergency, maybe the reason for a request. */
  harm: boolean;
  /** Every danger to a person it names is a thing's (`HP saya kelelep`, `sandal hanyut`). */
  thing: boolean;
  /** People are there (kami, 3 orang, ada yang, di atap...). */
  people: boolean;
  /** How many people, or who that cannot fend for themselves (5 orang, ada lansia, kids). */
  counted: boolean;
  /** It says the danger is over or absent (sudah aman, tidak ada yang terjebak). */
  negated: boolean;
}

// `korban banjir`, `korban longsor`: the people were hit before, and are writing about it now.
const VICTIMS_OF = /(?<![\p{L}])(?:korban|pengungsi|victims? of)\s+(?:bencana\s+)?\p{L}+/gu;
// `donasi untuk warga terkepung banjir`: giving for people in danger is no call from them.
const DONATION =
  /(?<![\p{L}])(?:donasi|sumbangan|galang dana|donation|donate|donating)(?![\p{L}])[^.!?\n]*/gu;
const NEGATED = new RegExp(
  String.raw`(?<![\p{L}])(?:(?:sudah|udah|dah|telah|sdh)\s+(?:aman|selamat|surut|padam|dievakuasi|diselamatkan|dipadamkan)` +
    String.raw`|(?:tidak|tak|gak|ga|nggak|tdk)\s+ada\s+(?:yang|korban|orang)|no one|nobody|not trapped|(?:are|is|all|now)\s+safe` +
    String.raw`|(?:kami|kita|semua|we are|we re)\s+(?:sudah\s+|udah\s+|all\s+)?(?:aman|selamat|safe|fine))(?![\p{L}])`,
  'u',
);
const PERSON_RE = phrasesOf(PERSON_PHRASES);
const EVENT_RE = phrasesOf(EVENT_PHRASES);
const HARM_RE = phrasesOf(HARM_PHRASES);
const PEOPLE_RE = phrasesOf(PEOPLE_PHRASES);
const COUNT_OF_PEOPLE = /\d+\s*(?:orang|org|jiwa|people|persons?|kk)(?![\p{L}])/u;
const VULNERABLE = wordsOf([
  'lansia anak bayi balita nenek kakek mbah keluarga warga kids children baby family',
]);

/** What a message says about danger, read from its words. */
export function readDanger(text: string): DangerReading {
  const folded = fold(text);
  const live = folded.replace(VICTIMS_OF, ' ').replace(DONATION, ' ');
  const tokens = live.match(/\p{L}+/gu) ?? [];
  const any = (words: Set<string>, re: RegExp, fuzzy = true) =>
    re.test(live) || tokens.some((t) => has(words, t, fuzzy));
  // Where each danger word or phrase stands, as the index of its first word among the tokens.
  const phraseAt = [...live.matchAll(new RegExp(PERSON_RE.source, 'gu'))].map(
    (m) => (live.slice(0, m.index).match(/\p{L}+/gu) ?? []).length,
  );
  const personAt = [...tokens.flatMap((t, i) => (has(PERSON, t) ? [i] : [])), ...phraseAt];
  // People said to be in the place (`we are on the roof`, `ada yang`) keep it theirs.
  const thing =
    personAt.length > 0 &&
    !PEOPLE_RE.test(live) &&
    personAt.every((i) => tokens.slice(Math.max(0, i - THING_REACH - 1), i).some((t) => THINGS.has(t)));
  return {
    person: any(PERSON, PERSON_RE),
    thing,
    event: any(EVENT, EVENT_RE),
    // Harm words are short and common (luka, bahaya): read as written, no typo forgiven.
    harm: any(HARM, HARM_RE, false),
    people: PEOPLE_RE.test(live) || COUNT_OF_PEOPLE.test(live) || tokens.some((t) => PEOPLE.has(t)),
    counted: COUNT_OF_PEOPLE.test(live) || tokens.some((t) => VULNERABLE.has(t)),
    negated: NEGATED.test(folded),
  };
}
