import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import type { PublicSummary } from '../../domain/public-summary.ts';
import type { PublicPosko } from './backend.ts';
import { itemLabel, type Translate } from './feeds.ts';

/** The size Facebook, WhatsApp and X show a large link preview at (1.91:1). */
export const CARD_IMAGE = { width: 1200, height: 630 } as const;

/** How many posko a card's image names: more would not be legible at preview size. */
const POSKO_SHOWN = 2;

/**
 * Every word a need's preview image shows, and nothing else reaches the image: the page's title, the
 * area with its catalog items, when it was verified, and the names of the area's posko (registered
 * public places). The privacy property test reads these lines.
 */
export function cardImageText(
  t: Translate,
  need: PublicSummary['verified'][number],
  posko: readonly PublicPosko[],
): string[] {
  const items = need.items.map((i) => itemLabel(t, i.item, i.qty) + (i.qty ? ` (${i.qty})` : '')).join(', ');
  return [
    t('public-title'),
    t('public-verified-need', { area: need.area ?? '?', items }),
    `${t('public-card-verified')}: ${new Date(need.at).toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    ...(posko.length === 0
      ? []
      : [
          `${t('public-card-bring')}: ${posko
            .slice(0, POSKO_SHOWN)
            .map((k) => k.name)
            .join(', ')}`,
        ]),
  ];
}

// Noto Sans from its npm package (satori reads WOFF, not WOFF2): no font is fetched at run time.
const require = createRequire(import.meta.url);
let fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | undefined;
const loadFonts = () => {
  fonts ??= ([400, 700] as const).map((weight) => ({
    name: 'Noto Sans',
    data: readFileSync(require.resolve(`@fontsource/noto-sans/files/noto-sans-latin-${weight}-normal.woff`)),
    weight,
    style: 'normal' as const,
  }));
  return fonts;
};

const div = (style: Record<string, string | number>, children: unknown) => ({
  type: 'div',
  props: { style: { display: 'flex', ...style }, children },
});

/** The preview image (PNG, CARD_IMAGE's size) of a need's card: its lines laid out by satori, drawn by resvg. */
export async function cardImage(lines: readonly string[]): Promise<Buffer> {
  const [site = '', title = '', ...rest] = lines;
  const pad = { top: 40, side: 64, bottom: 56, border: 24 };
  const element = div(
    {
      flexDirection: 'column',
      justifyContent: 'space-between',
      // satori sizes the content box: the padding and the border come on top of these.
      width: CARD_IMAGE.width - 2 * pad.side,
      height: CARD_IMAGE.height - pad.top - pad.bottom - pad.border,
      padding: `${pad.top}px ${pad.side}px ${pad.bottom}px`,
      background: '#fffdf7',
      borderTop: `${pad.border}px solid #c0392b`,
      fontFamily: 'Noto Sans',
      color: '#1d1d1d',
    },
    [
      div({ fontSize: 32, color: '#555555' }, site),
      div(
        { fontSize: 56, fontWeight: 700, lineHeight: 1.2, wordBreak: 'break-word' },
        title.length > 120 ? `${title.slice(0, 119)}…` : title,
      ),
      div(
        { flexDirection: 'column', fontSize: 32, color: '#333333' },
        rest.map((line) => div({ marginTop: 8 }, line)),
      ),
    ],
  );
  // satori's element type is React's; this plain object is the shape it reads.
  const svg = await satori(element as Parameters<typeof satori>[0], { ...CARD_IMAGE, fonts: loadFonts() });
  return new Resvg(svg, { fitTo: { mode: 'width', value: CARD_IMAGE.width } }).render().asPng();
}
