import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { analyzeArticle } from '../src/analysis/analyze.ts';
import type { ArticleInput } from '../src/corpus/article.ts';
import { createApp } from '../src/main.ts';
import { codeVersion, gitCommit } from './code-version.ts';
import { CORPUS_END, countWords, generateArticles } from './generate.ts';
import {
  checkpoint,
  databaseBytes,
  ingestAll,
  lastStoredUrl,
  readArticles,
  removeDatabase,
  ArticleWriter,
} from './load-corpus.ts';
import { runOptionalModules } from './optional-modules.ts';
import { formatTable, RESULT_KEYS, type BenchResult } from './report.ts';
import type { ProbeResult } from './serve-probe.ts';
import { SERVING_ENV } from './serving-env.ts';
import { mainThreadCpuMs, peakRssMb } from './stats.ts';
import { measureAnalysisSpeed } from './wink-ratio.ts';

const USAGE = `usage: npm run bench -- [--size N] [--json] [--reuse] [--seed S] [--sample S]
                        [--queries Q] [--threads T] [--dir DIR] [--keep] [--core]
  --size N     articles in the corpus (default 10000; the issue's targets are at 100000)
  --json       print only the JSON object with the issue's keys
  --reuse      keep the bulk-loaded corpus in DIR, keyed by size, seed and code version
  --sample S   articles ingested under the timer, on top of the other N - S (default 5000)
  --queries Q  timed /who and /briefing queries each (default 300)
  --threads T  analysis worker threads for ingest (default: the number of cores; 0: none)
  --dir DIR    where corpus databases go (default $TMPDIR/sitrep-bench)
  --keep       keep the final N-article database and print its path
  --core       only the harness's own measures, not the bench/<name>.ts modules`;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const round = (value: number, places = 1) => Math.round(value * 10 ** places) / 10 ** places;

function options() {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '1' },
      sample: { type: 'string', default: '5000' },
      queries: { type: 'string', default: '300' },
      threads: { type: 'string', default: String(availableParallelism()) },
      dir: { type: 'string', default: join(tmpdir(), 'sitrep-bench') },
      json: { type: 'boolean', default: false },
      reuse: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      core: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const numbers = {
    size: Number(values.size),
    seed: Number(values.seed),
    sample: Number(values.sample),
    queries: Number(values.queries),
    threads: Number(values.threads),
  };
  const bad = Object.entries(numbers).find(
    ([name, value]) =>
      !Number.isInteger(value) || value < (name === 'seed' || name === 'threads' ? 0 : 1),
  );
  if (values.help || bad || numbers.size < 2) {
    if (bad) process.stderr.write(`--${bad[0]} must be a positive whole number\n`);
    process.stderr.write(`${USAGE}\n`);
    process.exit(values.help ? 0 : 2);
  }
  return { ...values, ...numbers };
}

/** Articles ingested under the timer: at most half the corpus. */
const sampleSizeOf = (opts: { sample: number; size: number }) =>
  Math.min(opts.sample, Math.floor(opts.size / 2));
/** Texts the analysis-vs-wink ratio is measured on: the first of the sample. */
const RATIO_TEXTS = 500;
/** Articles between two progress lines of a bulk load. */
const LOAD_STEP = 10_000;

/**
 * Puts N - sample articles into a database (or reuses the cached one) and returns the path of
 * the held-back sample's JSON lines. The bulk load goes through the same ingester as everything
 * else; only the sample's ingest is timed, on top of a corpus that is already nearly full size.
 */
async function prepareCorpus(
  opts: ReturnType<typeof options>,
  work: string,
): Promise<{ sample: string; reused: boolean; loadRate: number | null }> {
  const baseSize = opts.size - sampleSizeOf(opts);
  const cached = join(opts.dir, `corpus-${opts.size}-${opts.seed}-${codeVersion(root)}.db`);
  if (opts.reuse && existsSync(`${cached}.done`)) {
    log(`reusing ${cached}`);
    copyFileSync(cached, work);
    return { sample: `${cached}.sample.jsonl`, reused: true, loadRate: null };
  }
  const target = opts.reuse ? cached : work;
  // An interrupted cache load goes on where it stopped: a million articles take hours.
  const resumeAfter = opts.reuse && existsSync(cached) ? lastStoredUrl(cached) : null;
  if (resumeAfter === null) removeDatabase(target);
  const app = createApp({ db: target, analysisThreads: opts.threads });
  // A killed load loses at most its open transaction, so the cache needs no fsync (a crash of
  // the machine itself could leave it corrupt: delete it then).
  app.store.db.pragma('synchronous = OFF');
  const articles = generateArticles(opts.size, opts.seed);
  // Written out as generated: 50,000 held-back articles are 250 MB of text, more than the heap.
  const sample = new ArticleWriter(`${target}.sample.jsonl`);
  let skipped = 0;
  function* base(): Generator<ArticleInput> {
    let index = 0;
    let skipping = resumeAfter !== null;
    for (const article of articles) {
      if (index++ >= baseSize) sample.write(article);
      else if (skipping) {
        skipped++;
        skipping = article.url !== resumeAfter;
      } else yield article;
    }
    sample.close();
    if (skipping) throw new Error(`${cached} holds an article this corpus does not: delete it`);
  }
  if (resumeAfter !== null) log(`resuming the load of ${target} after ${resumeAfter}`);
  log(`loading ${baseSize} articles into ${target}`);
  let stepStarted = 0;
  const tally = await ingestAll(app, base(), {
    every: LOAD_STEP,
    report: (read, seconds) => {
      // The rate of the last step shows a slowdown as the store grows; the average hides it.
      log(
        `  ${skipped + read} articles, ${round(read / seconds)}/s, the last ${LOAD_STEP} at ` +
          `${round(LOAD_STEP / (seconds - stepStarted))}/s, RSS peak ${peakRssMb()} MB`,
      );
      stepStarted = seconds;
    },
  });
  app.close();
  log(
    `loaded ${tally.added} in ${round(tally.seconds)} s (${tally.duplicates} duplicates` +
      (skipped > 0 ? `, ${skipped} loaded before` : '') +
      ')',
  );
  if (opts.reuse) {
    checkpoint(cached);
    writeFileSync(`${cached}.done`, new Date().toISOString());
    copyFileSync(cached, work);
  }
  return {
    sample: `${target}.sample.jsonl`,
    reused: false,
    loadRate: round(tally.added / tally.seconds),
  };
}

async function probe(db: string, queries: number): Promise<ProbeResult> {
  const script = join(root, 'bench', 'serve-probe.ts');
  const args = ['--import', 'tsx', script, '--db', db, '--now', CORPUS_END];
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [...args, '--queries', String(queries)],
    { cwd: root, maxBuffer: 1 << 20, env: { ...process.env, ...SERVING_ENV } },
  );
  return JSON.parse(stdout) as ProbeResult;
}

async function main(): Promise<void> {
  const opts = options();
  mkdirSync(opts.dir, { recursive: true });
  const work = join(opts.dir, `work-${process.pid}.db`);
  removeDatabase(work);
  const notes: Record<string, string> = {};
  // Other processes share the CPU on a busy machine; the load average says how far to trust wall times.
  const loadStart = loadavg()
    .map((load) => round(load))
    .join(' ');
  try {
    const prepared = await prepareCorpus(opts, work);

    const sampleSize = sampleSizeOf(opts);
    log(`timing the ingest of ${sampleSize} articles`);
    const app = createApp({ db: work, analysisThreads: opts.threads });
    const cpuBefore = process.cpuUsage();
    const mainBefore = mainThreadCpuMs();
    const timed = await ingestAll(app, readArticles(prepared.sample));
    const cpu = process.cpuUsage(cpuBefore);
    const mainAfter = mainThreadCpuMs();
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const mainPerArticle =
      mainBefore === null || mainAfter === null
        ? null
        : round((mainAfter - mainBefore) / timed.added, 2);
    const articles = app.store.count();
    app.close();
    const ingestRss = peakRssMb();
    // Runs on articles of other lengths compare in words per second (read again, untimed).
    let sampleArticles = 0;
    let sampleWords = 0;
    for (const article of readArticles(prepared.sample)) {
      sampleArticles++;
      sampleWords += countWords(article.body);
    }
    const wordsPerArticle = round(sampleWords / Math.max(1, sampleArticles));
    notes['ingest_articles_per_s'] =
      `last ${sampleSize} of ${opts.size}, full analysis on ${opts.threads} threads + SQLite; ` +
      `${round(timed.added / cpuSeconds)} per CPU-second of this process` +
      (mainPerArticle === null ? '' : `; main thread ${mainPerArticle} CPU-ms per article`) +
      (prepared.loadRate ? `; bulk load ran at ${prepared.loadRate}/s` : '');

    log('analysis vs wink-nlp readDoc');
    const speed = measureAnalysisSpeed(analyzeArticle, [
      ...readArticles(prepared.sample, RATIO_TEXTS),
    ]);
    notes['analysis_ratio_vs_wink'] =
      `analyzeArticle ${speed.analysis_articles_per_s} vs readDoc ${speed.wink_articles_per_s} articles per CPU-second, 500 texts`;

    checkpoint(work);
    const bytes = databaseBytes(work);

    log('serving probe (fresh process)');
    const served = await probe(work, opts.queries);
    notes['startup_ms'] =
      `import ${served.import_ms} + open ${served.open_ms} ms + first /help; ${served.articles} articles stored`;
    const cpuNote = (cpu: ProbeResult['who_cpu_ms']) =>
      cpu ? `; CPU p50 ${cpu.p50} / p95 ${cpu.p95} ms` : '';
    notes['who_ms'] =
      `${opts.queries} queries, outcomes ${JSON.stringify(served.who_outcomes)}${cpuNote(served.who_cpu_ms)}`;
    notes['briefing_ms'] =
      `${opts.queries} queries, outcomes ${JSON.stringify(served.briefing_outcomes)}${cpuNote(served.briefing_cpu_ms)}`;
    notes['autocomplete_ms'] = served.autocomplete_note;
    notes['peak_rss_mb'] =
      `max of ingest process ${ingestRss} MB, serving process ${served.peak_rss_mb} MB`;
    notes['db_bytes_per_article'] = `${round(bytes / 1024 / 1024)} MB after checkpoint`;

    const result: BenchResult = {
      size: opts.size,
      ingest_articles_per_s: round(timed.added / timed.seconds),
      analysis_ratio_vs_wink: speed.analysis_ratio_vs_wink,
      startup_ms: served.startup_ms,
      who_ms: served.who_ms,
      briefing_ms: served.briefing_ms,
      autocomplete_ms: served.autocomplete_ms,
      peak_rss_mb: Math.max(ingestRss, served.peak_rss_mb),
      db_bytes_per_article: Math.round(bytes / articles),
      alert_latency_ms: null,
      fanout_1000_s: null,
    };
    notes['alert_latency_ms'] = 'comes from bench/alerts.ts (not present or failed)';
    notes['fanout_1000_s'] = 'comes from bench/alerts.ts (not present or failed)';

    process.env['SITREP_BENCH_DB'] = work;
    process.env['SITREP_BENCH_SIZE'] = String(opts.size);
    const extra: Record<string, unknown> = {
      'ingest.main_thread_cpu_ms_per_article': mainPerArticle,
      'ingest.cpu_ms_per_article': round((cpuSeconds * 1000) / timed.added, 2),
      'ingest.words_per_article': wordsPerArticle,
      'ingest.words_per_s': Math.round((timed.added / timed.seconds) * wordsPerArticle),
      'serve.answers_sha256': served.answers_sha256,
    };
    const failures: string[] = [];
    const modules = opts.core
      ? []
      : await runOptionalModules({ size: opts.size, runs: opts.queries }, log);
    for (const module of modules) {
      if (module.error) {
        failures.push(`bench/${module.name}.ts failed: ${module.error}`);
        log(failures.at(-1)!);
        continue;
      }
      for (const [key, value] of Object.entries(module.values)) {
        if ((RESULT_KEYS as readonly string[]).includes(key) && key !== 'size') {
          Object.assign(result, { [key]: value });
          notes[key] = `from bench/${module.name}.ts`;
        } else extra[`${module.name}.${key}`] = value;
      }
    }

    if (opts.json) {
      const ordered = Object.fromEntries(RESULT_KEYS.map((key) => [key, result[key]]));
      process.stdout.write(`${JSON.stringify(ordered, null, 2)}\n`);
    } else {
      const cpu = cpus();
      process.stdout.write(
        [
          `sitrep bench: N = ${opts.size}, seed ${opts.seed}, commit ${gitCommit(root)}, code ${codeVersion(root)}`,
          `${cpu.length} x ${cpu[0]?.model ?? 'cpu'}, ${round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, load average ${loadStart} at start, ${loadavg()
            .map((load) => round(load))
            .join(' ')} at end`,
          `corpus ${prepared.reused ? 'reused from cache' : 'built in this run'}`,
          '',
          formatTable(result, notes),
          ...Object.entries(extra).map(([key, value]) => `${key}: ${JSON.stringify(value)}`),
          ...failures,
          '',
        ].join('\n'),
      );
    }
    if (opts.keep) log(`database kept at ${work}`);
  } finally {
    if (!opts.keep) removeDatabase(work);
    if (!opts.reuse) rmSync(`${work}.sample.jsonl`, { force: true });
  }
}

await main();
