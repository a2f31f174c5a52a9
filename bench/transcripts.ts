import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import type { ModuleOptions } from './optional-modules.ts';
import { mainThreadCpuMs, peakRssMb } from './stats.ts';
import { transcriptDocuments } from './transcript-texts.ts';

const DOCUMENTS = 200;
/**
 * Bench articles per transcript in a harness run below 100,000 articles: a run's size scales
 * the case, so the tiny corpus of the bench's own test analyses 2 transcripts, not 200.
 */
const ARTICLES_PER_DOCUMENT = 500;
const WORDS = 10_000;

export interface LongDocumentResult {
  documents: number;
  words_per_document: number;
  threads: number;
  documents_per_s: number;
  cpu_ms_per_document: number;
  main_thread_cpu_ms_per_document: number | null;
  transcript_peak_rss_mb: number;
}

/**
 * The long-document case: transcript-sized documents (10,000 words, a press briefing's length)
 * ingested as `sitrep ingest` would, with the default analysis threads, into an empty database.
 * It runs in a process of its own, so its peak memory is the ingest's and not the harness's.
 */
export async function run(options?: ModuleOptions): Promise<Record<string, unknown>> {
  const documents = options
    ? Math.min(DOCUMENTS, Math.max(2, Math.ceil(options.size / ARTICLES_PER_DOCUMENT)))
    : DOCUMENTS;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--documents', String(documents)],
    { maxBuffer: 1 << 20 },
  );
  return JSON.parse(stdout) as Record<string, unknown>;
}

async function ingestDocuments(documents: number, words: number): Promise<LongDocumentResult> {
  const { createApp } = await import('../src/main.ts');
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-long-'));
  const threads = availableParallelism();
  try {
    const app = createApp({ db: join(dir, 'long.db'), analysisThreads: threads });
    const started = performance.now();
    const cpu = process.cpuUsage();
    const main = mainThreadCpuMs();
    const report = await app.ingester.ingestStream(transcriptDocuments(documents, words));
    const mainAfter = mainThreadCpuMs();
    const used = process.cpuUsage(cpu);
    const seconds = (performance.now() - started) / 1000;
    app.close();
    const stored = report.added.length;
    if (stored !== documents)
      throw new Error(
        `stored ${stored} of ${documents} documents: ${JSON.stringify(report.failed)}`,
      );
    return {
      documents,
      words_per_document: words,
      threads,
      documents_per_s: Math.round((stored / seconds) * 10) / 10,
      cpu_ms_per_document: Math.round((used.user + used.system) / 1000 / stored),
      main_thread_cpu_ms_per_document:
        main === null || mainAfter === null ? null : Math.round((mainAfter - main) / stored),
      transcript_peak_rss_mb: peakRssMb(),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      documents: { type: 'string', default: String(DOCUMENTS) },
      words: { type: 'string', default: String(WORDS) },
    },
  });
  const result = await ingestDocuments(Number(values.documents), Number(values.words));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
