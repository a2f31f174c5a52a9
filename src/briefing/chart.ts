import { Resvg } from '@resvg/resvg-js';

/** One day of a topic's coverage. */
export interface DayPoint {
  /** `YYYY-MM-DD` (UTC). */
  date: string;
  /** Every article on the topic that day. */
  articles: number;
  /**
   * Of those, how many report at each level 0-5 (index = level), from the events analysis;
   * articles it never scored are in `articles` only.
   */
  byLevel: number[];
  /**
   * The level (0-5) of the gravest event first reported that day, 0 when no event began that
   * day, null when the events analysis scored nothing in the window.
   */
  strongestNew: number | null;
}

/** Bar colours by level, calm to deadly. */
const LEVEL_COLOURS = ['#c9d6e3', '#a9c1d9', '#e8c872', '#e59c4a', '#d9622b', '#a61e1e'];
const UNSCORED_COLOUR = '#dddddd';

const WIDTH = 900;
const HEIGHT = 340;
const PAD = { left: 56, right: 56, top: 48, bottom: 56 };
const FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The escalation chart as SVG: a bar per day for the article count (left axis), stacked by the
 * level each article reports (calm at the bottom in blue, deadly on top in red), and the level
 * of the gravest event first reported each day as a dark line on the 0-5 scale (right axis), so
 * a day that brought a new deadly event stands out from a day of continuing coverage.
 */
export function escalationChartSvg(title: string, days: readonly DayPoint[]): string {
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const maxArticles = Math.max(1, ...days.map((day) => day.articles));
  const step = plotWidth / Math.max(1, days.length);
  const x = (index: number) => PAD.left + step * index + step / 2;
  const yArticles = (n: number) => PAD.top + plotHeight - (n / maxArticles) * plotHeight;
  const ySeverity = (level: number) => PAD.top + plotHeight - (level / 5) * plotHeight;
  const text = (
    tx: number,
    ty: number,
    content: string,
    style: { anchor?: string; size?: number; fill?: string; bold?: boolean } = {},
  ) =>
    `<text x="${tx.toFixed(1)}" y="${ty.toFixed(1)}" text-anchor="${style.anchor ?? 'middle'}" font-family="${FONT}" font-size="${style.size ?? 13}" fill="${style.fill ?? '#333'}"${style.bold ? ' font-weight="bold"' : ''}>${escapeXml(content)}</text>`;

  const width = Math.max(1, step * 0.7);
  const bars = days.flatMap((day, index) => {
    const left = (x(index) - width / 2).toFixed(1);
    const scored = day.byLevel.reduce((sum, n) => sum + n, 0);
    const layers = [
      ...day.byLevel.map((n, level) => ({ n, fill: LEVEL_COLOURS[level]! })),
      { n: day.articles - scored, fill: UNSCORED_COLOUR },
    ];
    let base = 0;
    return layers
      .filter((layer) => layer.n > 0)
      .map((layer) => {
        const top = yArticles(base + layer.n);
        const bottom = yArticles(base);
        base += layer.n;
        return `<rect x="${left}" y="${top.toFixed(1)}" width="${width.toFixed(1)}" height="${(bottom - top).toFixed(1)}" fill="${layer.fill}"/>`;
      });
  });

  const known = days.some((day) => day.strongestNew !== null);
  const points = days
    .map((day, index) =>
      day.strongestNew === null
        ? null
        : `${x(index).toFixed(1)},${ySeverity(day.strongestNew).toFixed(1)}`,
    )
    .filter((point): point is string => point !== null);
  const severity =
    points.length > 1
      ? [`<polyline points="${points.join(' ')}" fill="none" stroke="#222" stroke-width="2.5"/>`]
      : points.map((point) => {
          const [cx, cy] = point.split(',');
          return `<circle cx="${cx}" cy="${cy}" r="4" fill="#222"/>`;
        });

  const labelEvery = Math.max(1, Math.ceil(days.length / 8));
  const dateLabels = days
    .map((day, index) =>
      index % labelEvery === 0 ||
      (index === days.length - 1 && index % labelEvery >= labelEvery / 2)
        ? text(x(index), HEIGHT - PAD.bottom + 20, day.date.slice(5))
        : '',
    )
    .filter(Boolean);

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    text(PAD.left, 28, title, { anchor: 'start', size: 16, bold: true }),
    `<line x1="${PAD.left}" y1="${PAD.top + plotHeight}" x2="${WIDTH - PAD.right}" y2="${PAD.top + plotHeight}" stroke="#999"/>`,
    ...bars,
    ...severity,
    text(PAD.left - 8, PAD.top + 4, String(maxArticles), { anchor: 'end' }),
    text(PAD.left - 8, PAD.top + plotHeight, '0', { anchor: 'end' }),
    text(WIDTH - PAD.right + 8, PAD.top + 4, known ? '5' : '', { anchor: 'start' }),
    text(WIDTH - PAD.right + 8, PAD.top + plotHeight, known ? '0' : '', { anchor: 'start' }),
    ...dateLabels,
    text(
      PAD.left,
      HEIGHT - 12,
      known
        ? 'Bars: articles per day, coloured by the level they report (blue calm, red deadly). Line: gravest new event that day (0-5).'
        : 'Bars: articles per day. Severity: unknown (no event analysis).',
      { anchor: 'start', size: 12, fill: '#666' },
    ),
    '</svg>',
  ].join('\n');
}

/** Rasterises an SVG to PNG with resvg (no browser), using the system's fonts. */
export function svgToPng(svg: string): Uint8Array {
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    background: '#ffffff',
  });
  return new Uint8Array(resvg.render().asPng());
}
