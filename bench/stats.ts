import { readFileSync } from 'node:fs';

/** Latency percentiles as the issue reports them, in milliseconds rounded to 0.01. */
export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

/** Nearest-rank percentile of a sample (sorted copy; the input is left alone). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new RangeError('percentile of an empty sample');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

const round = (value: number): number => Math.round(value * 100) / 100;

export function percentiles(samples: readonly number[]): Percentiles {
  return {
    p50: round(percentile(samples, 50)),
    p95: round(percentile(samples, 95)),
    p99: round(percentile(samples, 99)),
  };
}

/** Peak resident set size of this process so far, in MB. */
export const peakRssMb = (): number =>
  Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;

/**
 * CPU time of this process's main thread so far, in ms, or null where Linux's per-thread
 * scheduler statistics are not readable. `process.cpuUsage()` counts every thread (analysis
 * workers, V8's helpers, SQLite's); the writing thread alone is what a profile of ingest
 * needs, and CPU time still means something on a machine other work keeps busy.
 */
export function mainThreadCpuMs(): number | null {
  try {
    const stat = readFileSync(`/proc/${process.pid}/task/${process.pid}/schedstat`, 'utf8');
    return Number(stat.split(' ')[0]) / 1e6;
  } catch {
    return null;
  }
}
