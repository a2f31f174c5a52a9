import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Benchmarks that other parts of sitrep contribute as `bench/<name>.ts`, each exporting
 * `run(options?): Promise<Record<string, unknown>>`, called with this run's size and query
 * count. A module that is not there yet is skipped; one that is there but fails is reported,
 * never silently dropped.
 */
export const OPTIONAL_MODULES = [
  'analysis',
  'ingest',
  'events',
  'who',
  'briefing',
  'autocomplete',
  'alerts',
  'transcripts',
  'discord',
  'telegram',
  'platforms',
];

export interface ModuleResult {
  name: string;
  values: Record<string, unknown>;
  error: string | null;
  seconds: number;
}

/** What a module may read from the harness's run; modules that take no argument ignore it. */
export interface ModuleOptions {
  /** The `--size` of this run, so a module that builds its own corpus can match it. */
  size: number;
  /** The `--queries` of this run, for modules that time repeated requests. */
  runs: number;
}

interface BenchModule {
  run(options?: ModuleOptions): Promise<Record<string, unknown>>;
}

export async function runOptionalModules(
  options: ModuleOptions,
  log: (line: string) => void,
): Promise<ModuleResult[]> {
  const results: ModuleResult[] = [];
  for (const name of OPTIONAL_MODULES) {
    const url = new URL(`./${name}.ts`, import.meta.url);
    if (!existsSync(fileURLToPath(url))) continue;
    log(`running bench/${name}.ts`);
    const started = performance.now();
    try {
      const module = (await import(url.href)) as Partial<BenchModule>;
      if (typeof module.run !== 'function') throw new Error('exports no run() function');
      const values = await module.run(options);
      results.push({ name, values, error: null, seconds: (performance.now() - started) / 1000 });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      results.push({
        name,
        values: {},
        error: message,
        seconds: (performance.now() - started) / 1000,
      });
    }
  }
  return results;
}
