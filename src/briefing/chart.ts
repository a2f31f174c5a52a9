import { Resvg } from '@resvg/resvg-js';

/** One day of a topic's coverage. */
export interface DayPoint {
  /** `YYYY-MM-DD` (UTC). */
  date: string;
  articles: number;
  /** The day's highest story severity (0-5), or null when unknown. */
  maxSeverity: number | null;
}

const WIDTH = 900;
const HEIGHT = 340;
const PAD = { left: 56, right: 56, top: 48, bottom: 56 };
const FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The escalation chart as SVG: a bar per day for the article count (left axis) and, where
 * known, the day's maximum severity as a red line on the 0-5 scale (right axis). Days with
 * unknown severity leave gaps rather than drawing a zero.
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

  const bars = days.map((day, index) => {
    const top = yArticles(day.articles);
    const width = Math.max(1, step * 0.7);
    return `<rect x="${(x(index) - width / 2).toFixed(1)}" y="${top.toFixed(1)}" width="${width.toFixed(1)}" height="${(PAD.top + plotHeight - top).toFixed(1)}" fill="#8aa9c8"/>`;
  });

  const segments: string[] = [];
  let current: string[] = [];
  days.forEach((day, index) => {
    if (day.maxSeverity === null) {
      if (current.length > 0) segments.push(current.join(' '));
      current = [];
      return;
    }
    current.push(`${x(index).toFixed(1)},${ySeverity(day.maxSeverity).toFixed(1)}`);
  });
  if (current.length > 0) segments.push(current.join(' '));
  const severity = segments.map((points) =>
    points.includes(' ')
      ? `<polyline points="${points}" fill="none" stroke="#c0392b" stroke-width="3"/>`
      : `<circle cx="${points.split(',')[0]}" cy="${points.split(',')[1]}" r="4" fill="#c0392b"/>`,
  );
  const known = days.some((day) => day.maxSeverity !== null);

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
        ? 'Bars: articles per day. Red line: highest severity that day (0-5).'
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
