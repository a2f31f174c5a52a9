import type { Percentiles } from './stats.ts';

/** The `--json` object: exactly the keys issue 8 names, null for what cannot be measured yet. */
export interface BenchResult {
  size: number;
  ingest_articles_per_s: number | null;
  analysis_ratio_vs_wink: number | null;
  startup_ms: number | null;
  who_ms: Percentiles | null;
  briefing_ms: Percentiles | null;
  autocomplete_ms: Percentiles | null;
  peak_rss_mb: number | null;
  db_bytes_per_article: number | null;
  alert_latency_ms: { p50: number; p95: number } | null;
  fanout_1000_s: number | null;
}

export const RESULT_KEYS = [
  'size',
  'ingest_articles_per_s',
  'analysis_ratio_vs_wink',
  'startup_ms',
  'who_ms',
  'briefing_ms',
  'autocomplete_ms',
  'peak_rss_mb',
  'db_bytes_per_article',
  'alert_latency_ms',
  'fanout_1000_s',
] as const satisfies readonly (keyof BenchResult)[];

/** The targets at N = 100,000, checked against one figure of each measure. */
const TARGETS: Partial<
  Record<keyof BenchResult, { text: string; met: (value: never) => boolean }>
> = {
  ingest_articles_per_s: { text: '>= 200/s', met: (v: number) => v >= 200 },
  startup_ms: { text: '<= 3000 ms', met: (v: number) => v <= 3000 },
  who_ms: { text: 'p95 <= 20 ms', met: (v: Percentiles) => v.p95 <= 20 },
  briefing_ms: { text: 'p95 <= 100 ms', met: (v: Percentiles) => v.p95 <= 100 },
  autocomplete_ms: { text: 'p95 <= 5 ms', met: (v: Percentiles) => v.p95 <= 5 },
  peak_rss_mb: { text: '<= 500 MB', met: (v: number) => v <= 500 },
  alert_latency_ms: { text: 'p50 <= 500 ms', met: (v: { p50: number }) => v.p50 <= 500 },
};

function show(value: unknown): string {
  if (value === null || value === undefined) return 'n/a';
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, inner]) => `${key} ${String(inner)}`)
      .join(' / ');
  }
  return String(value);
}

/** A plain-text table: measure, figure, target, and whether this run met it. */
export function formatTable(result: BenchResult, notes: Record<string, string>): string {
  const rows = RESULT_KEYS.map((key) => {
    const value = result[key];
    const target = TARGETS[key];
    const verdict =
      !target || value === null
        ? ''
        : (target.met as (v: unknown) => boolean)(value)
          ? 'met'
          : 'MISSED';
    return [key, show(value), target?.text ?? '', verdict, notes[key] ?? ''];
  });
  const header = ['measure', 'figure', 'target @100k', '', 'how'];
  const widths = header.map((_, column) =>
    Math.max(...[header, ...rows].map((row) => row[column]!.length)),
  );
  const line = (row: string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
    '\n',
  );
}
