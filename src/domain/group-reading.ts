import { readDanger } from './danger-words.ts';
import { ITEM_WORDS, parseItems, type RequestItem, splitItems } from './items.ts';
import { readRescueIntent } from './rescue-intent.ts';
import { parseConditions, type RescueCondition } from './sos-text.ts';
import { readSupplyText, type SupplyText } from './supply-text.ts';

/**
 * What a message people wrote to each other in a group says, for listen mode (issue 34): people in
 * danger, a supply need, an offer of goods, or nothing the bot should act on (greetings, news, prayers,
 * thanks, questions, forwards of requests already met). Danger is read by the front door's own reader
 * (src/domain/rescue-intent.ts, as if the message had been written to the bot); items, counts and
 * contacts by the readers /need uses. Words are read after the chat abbreviations are spelt out
 * (`yg`, `utk`, `dgn`, `org`, `tlg`, `blm`...). Pure; measured on test/data/group-messages.tsv.
 */

export type GroupReadingKind = 'danger' | 'need' | 'offer' | 'noise';

export interface GroupReading {
  kind: GroupReadingKind;
  /** Which rule decided, for tests and logs. */
  rule: string;
  /** Catalog items and quantities read (and a few short words outside the catalog with a quantity). */
  items: RequestItem[];
  people?: number;
  phone?: string;
  /** The words after `di`, `at`, `lokasi`: where, as written. */
  place?: string;
  conditions: RescueCondition[];
}

/** Chat spellings, spelt out before the words below are looked for. */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  yg: 'yang',
  utk: 'untuk',
  untk: 'untuk',
  dgn: 'dengan',
  dg: 'dengan',
  org: 'orang',
  tlg: 'tolong',
  tolg: 'tolong',
  blm: 'belum',
  blum: 'belum',
  sdh: 'sudah',
  udh: 'sudah',
  udah: 'sudah',
  dah: 'sudah',
  gak: 'tidak',
  ga: 'tidak',
  gk: 'tidak',
  nggak: 'tidak',
  ngga: 'tidak',
  enggak: 'tidak',
  tdk: 'tidak',
  tak: 'tidak',
  bs: 'bisa',
  bisa2: 'bisa',
  mhn: 'mohon',
  bth: 'butuh',
  btuh: 'butuh',
  butuhh: 'butuh',
  perlu2: 'perlu',
  krg: 'kurang',
  skrg: 'sekarang',
  skg: 'sekarang',
  sgr: 'segera',
  bgt: 'banget',
  bngt: 'banget',
  sy: 'saya',
  sya: 'saya',
  kmi: 'kami',
  kt: 'kita',
  dr: 'dari',
  dri: 'dari',
  jg: 'juga',
  lg: 'lagi',
  dlm: 'dalam',
  trs: 'terus',
  pd: 'pada',
  dpt: 'dapat',
  sm: 'sama',
  bnyk: 'banyak',
  byk: 'banyak',
  sgt: 'sangat',
  tsb: 'tersebut',
  kpd: 'kepada',
  brp: 'berapa',
  gmn: 'gimana',
  pls: 'please',
  plz: 'please',
  plis: 'please',
  u: 'you',
  ppl: 'people',
  asap: 'segera',
  makasih: 'terima kasih',
  makasi: 'terima kasih',
  mksh: 'terima kasih',
  trims: 'terima kasih',
  tq: 'thanks',
  thx: 'thanks',
  ty: 'thanks',
};

export function spellOut(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/(\p{L})\1{2,}/gu, '$1')
    .replace(/[\p{L}\p{N}]+/gu, (w) => ABBREVIATIONS[w] ?? w);
}

const words = (alternatives: readonly string[]) =>
  new RegExp(
    String.raw`(?<![\p{L}\p{N}])(?:${alternatives.join('|').replace(/ /g, String.raw`[\s-]+`)})(?![\p{L}\p{N}])`,
    'u',
  );

/** Asking for something: the need itself, in Indonesian and English. */
const NEED = words([
  'butuh',
  'butuhkan',
  'dibutuhkan',
  'membutuhkan',
  'kebutuhan',
  'perlu',
  'diperlukan',
  'memerlukan',
  'kekurangan',
  'kurang',
  'kehabisan',
  'habis',
  'minta',
  'meminta',
  'mohon bantuan',
  'mohon kiriman',
  'mohon dibantu',
  'mohon dikirim',
  'mohon segera',
  'belum dapat',
  'belum ada',
  'belum menerima',
  'belum mendapat',
  'tidak ada',
  'tolong kirim',
  'tolong dikirim',
  'tolong bantu',
  'tolong dibantu',
  'bisa dibantu',
  'yang bisa bantu',
  'ada yang bisa kirim',
  'need',
  'needs',
  'needed',
  'in need of',
  'short of',
  'running out',
  'run out',
  'ran out',
  'out of',
  'lack',
  'lacking',
  'no more',
  'please send',
  'send us',
  'requesting',
  'urgently',
  'urgent',
  'krisis',
  'kirim',
  'kirimkan',
  'kirimin',
  'dikirim',
  'belum makan',
  'send',
]);

/** Giving: an offer of goods (`kami punya 50 selimut`, `yang butuh silakan japri`). */
const OFFER = words([
  'siap kirim',
  'siap antar',
  'siap salurkan',
  'siap menyalurkan',
  'siap donasi',
  'siap bantu',
  'siap membantu',
  'kami punya',
  'saya punya',
  'punya stok',
  'ada stok',
  'ada stock',
  'stok tersedia',
  'tersedia',
  'bisa kirim',
  'bisa antar',
  'bisa donasi',
  'bisa menyumbang',
  'bisa nyumbang',
  'bisa kasih',
  'bisa ngasih',
  'mau donasi',
  'mau menyumbang',
  'mau nyumbang',
  'mau kasih',
  'mau ngasih',
  'mau berbagi',
  'ingin donasi',
  'ingin menyumbang',
  'ingin membantu',
  'menawarkan',
  'gratis',
  'yang butuh silakan',
  'yang butuh hubungi',
  'yang butuh japri',
  'yang membutuhkan silakan',
  'yang membutuhkan hubungi',
  'yang membutuhkan bisa',
  'siapa yang butuh',
  'siapa yang membutuhkan',
  'ada yang butuh',
  'kalau ada yang butuh',
  'bagi yang membutuhkan',
  'we have',
  'we can send',
  'we can deliver',
  'we can donate',
  'we can provide',
  'can donate',
  'can deliver',
  'can send',
  'can provide',
  'can give',
  'want to donate',
  'to donate',
  'offering',
  'free',
  'available for',
  'anyone who needs',
  'anyone needs',
  'if anyone needs',
]);

/** A request already met, or a forward of an old one: thanks, done, passed on. */
const DONE_OR_FORWARD = words([
  'sudah terpenuhi',
  'telah terpenuhi',
  'sudah tercukupi',
  'sudah cukup',
  'sudah terkirim',
  'sudah dikirim',
  'telah dikirim',
  'sudah diantar',
  'sudah disalurkan',
  'telah disalurkan',
  'sudah diterima',
  'sudah sampai',
  'sudah teratasi',
  'terima kasih para donatur',
  'terima kasih donatur',
  'diteruskan',
  'forwarded',
  'fwd',
  'repost',
  'info lama',
  'closed',
  'fulfilled',
  'already sent',
  'already delivered',
  'has been delivered',
  'have been delivered',
  'no longer needed',
  'tidak perlu lagi',
  'sudah tidak butuh',
]);

/** News and official figures passed on (a link, a source, the dead counted). */
const NEWS = words([
  'berita',
  'breaking',
  'dilaporkan',
  'melaporkan',
  'menewaskan',
  'tewas',
  'meninggal dunia',
  'korban meninggal',
  'korban jiwa',
  'bmkg',
  'bnpb',
  'bpbd mencatat',
  'menurut',
  'sumber',
  'reported',
  'reportedly',
  'according to',
  'killed',
  'died',
  'death toll',
  'news',
  'prakiraan',
  'peringatan dini',
  'waspada',
  'himbauan',
  'imbauan',
  'hoax',
  'hoaks',
]);
const LINK = /https?:\/\/|www\.|\.com\b|\.id\b/u;

/** Prayers, condolences and encouragement. */
const PRAYER = words([
  'semoga',
  'moga',
  'doa',
  'doakan',
  'berdoa',
  'mendoakan',
  'amin',
  'aamiin',
  'amiin',
  'ya allah',
  'innalillahi',
  'alhamdulillah',
  'insya allah',
  'insyaallah',
  'turut berduka',
  'berduka',
  'pray',
  'praying',
  'prayers',
  'condolences',
  'tetap semangat',
  'stay strong',
  'god bless',
  'tuhan memberkati',
]);

/** A question about where needs are (`posko mana yang butuh beras?`), asked by a would-be donor. */
const WHERE_QUESTION = words([
  'mana',
  'dimana',
  'siapa',
  'apakah',
  'gimana',
  'bagaimana',
  'where',
  'who',
  'which',
  'any',
  'ada yang tahu',
  'ada info',
  'is the',
  'are the',
  'still',
]);

/** Reports of what is in stock or was done: figures, not a request. */
const REPORT = words([
  'laporan',
  'rekap',
  'stok di gudang',
  'report',
  'inventory',
  'tersalurkan',
  'sudah masak',
]);

/** Distress the danger reader leaves to a question in private chats, but a group names no one to ask. */
const GROUP_HARM = words([
  'in labour',
  'in labor',
  'giving birth',
  'kejang',
  'seizure',
  'heart attack',
  'serangan jantung',
  'ambulans',
  'ambulan',
  'ambulance',
]);

/** `tenda darurat` is an emergency tent, not an alarm: the compounds of relief work are no call. */
const EMERGENCY_COMPOUND =
  /(?<![\p{L}])(?:tenda|dapur|hunian|posko|jembatan|tanggap|status|masa|logistik)\s+darurat(?![\p{L}])/giu;

/** Where, after these words: `di Masjid Al-Falah Imogiri`, `lokasi: Dusun Kali`, `at the mosque`. */
const PLACE =
  /(?<![\p{L}\p{N}])(?:di|lokasi|alamat|posko|at|in|location)(?![\p{L}\p{N}])\s*:?\s*([^,.;\n]{3,120})/iu;

/** Danger the front door reads as a rescue, or harm or a disaster where people are now. */
function readsDanger(text: string, folded: string, asksForItems: () => boolean): boolean {
  const intent = readRescueIntent(text.replace(EMERGENCY_COMPOUND, ' '), 'private');
  if (intent?.decision === 'rescue') return true;
  // Harm in a request for items is its reason (`butuh obat luka untuk 20 orang`).
  if (asksForItems()) return false;
  const d = readDanger(text);
  return !d.negated && (((d.event || d.harm) && d.people) || GROUP_HARM.test(folded));
}

/** Catalog items (and short words outside it with a quantity, when the message asks) in what is said. */
function itemsOf(itemsText: string, asks: boolean): RequestItem[] {
  const items: RequestItem[] = [];
  for (const part of splitItems(itemsText.replace(/[.:!?](?:\s|$)/g, ','))) {
    const parsed = parseItems(part);
    if (!parsed.ok) continue;
    for (const i of parsed.items) {
      const short = i.item === 'other' && (i.text ?? '').split(' ').length <= 2;
      if (i.item !== 'other' || (asks && short && i.qty !== undefined)) items.push(i);
    }
  }
  return items.slice(0, 20);
}

/** Any word of the item catalog: without one (and no ask), no item is worth reading for. */
const CATALOG_WORD = words(Object.values(ITEM_WORDS).flat());

/** What a group message says; `noise` when the bot should leave it alone. */
export function readGroupMessage(text: string): GroupReading {
  const folded = spellOut(text);
  const news = NEWS.test(folded) || LINK.test(folded);
  const prayer = PRAYER.test(folded);
  const asks = NEED.test(folded);
  // Read only as far as the decision needs: most chatter is decided before items and counts are read.
  let said: SupplyText | undefined;
  const supply = () =>
    // `obat2an`, `anak2`: the doubled word written with a 2.
    (said ??= readSupplyText(text.replace(/(\p{L}{2,})2(an)?(?![\p{L}\p{N}])/gu, '$1 $1$2')));
  let items: RequestItem[] | undefined;
  const itemsRead = () =>
    (items ??= asks || CATALOG_WORD.test(folded) ? itemsOf(supply().itemsText, asks) : []);
  const place = () => PLACE.exec(text)?.[1]?.trim();
  const noise = (rule: string): GroupReading => ({ kind: 'noise', rule, items: [], conditions: [] });
  const read = (kind: GroupReadingKind, rule: string, withItems: boolean): GroupReading => {
    const { people, phone } = supply();
    const where = place();
    return {
      kind,
      rule,
      items: withItems ? itemsRead() : [],
      conditions: parseConditions(text),
      ...(people === undefined ? {} : { people }),
      ...(phone ? { phone } : {}),
      ...(where ? { place: where } : {}),
    };
  };
  const asksForItems = () => asks && itemsRead().some((i) => i.item !== 'other');
  if (!news && !prayer && readsDanger(text, folded, asksForItems))
    return read('danger', 'people in danger (the front door reader)', false);
  if (DONE_OR_FORWARD.test(folded)) return noise('met, thanked or forwarded');
  if (news) return noise('news or a link');
  const offers = OFFER.test(folded);
  if (offers && itemsRead().length > 0) return read('offer', 'an offer of goods', true);
  if (offers) return noise('an offer without goods');
  if (prayer && !asks) return noise('a prayer or condolence');
  if (/\?/.test(text) && WHERE_QUESTION.test(folded)) return noise('a question about needs');
  if (asks && itemsRead().length > 0) return read('need', 'asks for items', true);
  const quantified = itemsRead().some((i) => i.qty !== undefined);
  if (quantified && (supply().people !== undefined || place()) && !REPORT.test(folded))
    return read('need', 'items with quantities for people or a place', true);
  return noise('nothing asked');
}
