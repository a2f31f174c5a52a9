import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.ts';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run bench -- --json', () => {
  it('prints exactly the issue keys, with measured figures for a tiny corpus', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        'bench/run.ts',
        '--size',
        '30',
        '--sample',
        '10',
        '--queries',
        '5',
      ].concat(['--json', '--dir', dir]),
      { cwd: repoRoot, env: { ...process.env, LOG_LEVEL: 'silent' } },
    );
    const result = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(result)).toEqual([
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
    ]);
    expect(result['size']).toBe(30);
    for (const key of [
      'ingest_articles_per_s',
      'startup_ms',
      'peak_rss_mb',
      'db_bytes_per_article',
    ])
      expect(result[key]).toBeGreaterThan(0);
    for (const key of ['who_ms', 'briefing_ms']) {
      const { p50, p95, p99 } = result[key] as { p50: number; p95: number; p99: number };
      expect(p50).toBeLessThanOrEqual(p95);
      expect(p95).toBeLessThanOrEqual(p99);
    }
    expect(readdirSync(dir)).toEqual([]);
  }, 300_000);
});
