import { describe, expect, it } from 'vitest';
import { formatTable, RESULT_KEYS, type BenchResult } from '../../bench/report.ts';
import { percentile, percentiles } from '../../bench/stats.ts';

describe('benchmark percentiles', () => {
  it('takes the nearest rank, whatever the input order', () => {
    const samples = [9, 1, 8, 2, 7, 3, 6, 4, 5, 10];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 95)).toBe(10);
    expect(percentile(samples, 10)).toBe(1);
    expect(percentiles([2.345, 1, 3])).toEqual({ p50: 2.35, p95: 3, p99: 3 });
    expect(samples[0]).toBe(9);
  });

  it('refuses an empty sample', () => {
    expect(() => percentile([], 50)).toThrow(RangeError);
  });
});

describe('benchmark table', () => {
  const result: BenchResult = {
    size: 100_000,
    ingest_articles_per_s: 150,
    analysis_ratio_vs_wink: 2,
    startup_ms: 900,
    who_ms: { p50: 5, p95: 12, p99: 30 },
    briefing_ms: { p50: 50, p95: 140, p99: 200 },
    autocomplete_ms: null,
    peak_rss_mb: 300,
    db_bytes_per_article: 9000,
    alert_latency_ms: null,
    fanout_1000_s: null,
  };

  it('has one row per key of the issue and judges each figure against its target', () => {
    const lines = formatTable(result, { autocomplete_ms: 'not wired' }).split('\n');
    expect(lines).toHaveLength(RESULT_KEYS.length + 2);
    const row = (key: string) => lines.find((line) => line.startsWith(`${key} `)) ?? '';
    expect(row('ingest_articles_per_s')).toContain('MISSED');
    expect(row('who_ms')).toMatch(/p95 12\b.*\bmet\b/);
    expect(row('briefing_ms')).toContain('MISSED');
    expect(row('autocomplete_ms')).toMatch(/n\/a.*not wired/);
    expect(row('peak_rss_mb')).toMatch(/\bmet\b/);
  });
});
