/**
 * `/briefing` latency through dispatch on a large corpus, with each topic's default window:
 * on the harness's database under `npm run bench` (`SITREP_BENCH_DB`), else on an in-memory
 * store it fills with synthetic articles (analysed as ingest does). Reports p50/p95/p99.
 * Target: p95 <= 100 ms extractive with 100,000 articles.
 *
 *   npx tsx bench/briefing.ts [--size 100000] [--runs 300]
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { fixedClock } from '../src/core/clock.ts';
import type { Invocation } from '../src/core/invocation.ts';
import { createApp } from '../src/main.ts';
import { CORPUS_END } from './generate.ts';
import { syntheticArticles } from './synthetic-corpus.ts';

/** Topics both corpora cover: the harness's generator and `synthetic-corpus.ts`. */
const TOPICS = ['kosovo', 'nagorno-karabakh', 'ukraine', 'sudan'];

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function run(
  options: { size?: number; runs?: number } = {},
): Promise<Record<string, unknown>> {
  const runs = options.runs ?? 300;
  // Under `npm run bench` the harness has already built its corpus: time briefings on that.
  const built = process.env['SITREP_BENCH_DB'];
  const app = built
    ? createApp({ db: built, clock: fixedClock(CORPUS_END) })
    : createApp({ db: ':memory:', clock: fixedClock('2024-01-01T00:00:00Z') });
  try {
    const loadStarted = performance.now();
    if (!built) {
      const articles = syntheticArticles(options.size ?? 100_000);
      for (let i = 0; i < articles.length; i += 5000)
        app.store.transaction(() => app.ingester.ingestArticles(articles.slice(i, i + 5000)));
    }
    const loadSeconds = (performance.now() - loadStarted) / 1000;

    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const invocation: Invocation = {
        id: `bench-${i}`,
        command: 'briefing',
        args: { topic: TOPICS[i % TOPICS.length]! },
        platform: 'console',
        invoker: { id: 'bench', name: 'bench', isManager: false },
        channel: { id: `bench-${i % 7}`, kind: 'channel' },
      };
      const started = performance.now();
      const result = await app.dispatch(invocation);
      times.push(performance.now() - started);
      if (result.outcome !== 'ok') throw new Error(`briefing failed: ${result.outcome}`);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const round = (ms: number) => Math.round(ms * 10) / 10;
    return {
      articles: app.store.count(),
      loadSeconds: Math.round(loadSeconds),
      runs,
      p50ms: round(percentile(sorted, 50)),
      p95ms: round(percentile(sorted, 95)),
      p99ms: round(percentile(sorted, 99)),
      targetP95ms: 100,
    };
  } finally {
    app.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: { size: { type: 'string' }, runs: { type: 'string' } },
  });
  const result = await run({
    ...(values.size ? { size: Number(values.size) } : {}),
    ...(values.runs ? { runs: Number(values.runs) } : {}),
  });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
