import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Analyzer } from '../analysis/analysis.ts';
import type { Clock } from '../core/clock.ts';
import { withoutInvisible } from '../core/untrusted-text.ts';
import type { Article, ArticleInput } from './article.ts';
import { withoutLinkLabels } from './link-labels.ts';
import { fileLines } from './ndjson-lines.ts';
import { MAX_FILE_BYTES, parseDocument } from './parse/parse-document.ts';
import type { ParseFailure } from './parse/parse-error.ts';
import type { AddResult, Store } from './store/store.ts';
import {
  prepareArticle,
  unpackPrepared,
  type PackedArticle,
  type PreparedArticle,
} from './store/stored-form.ts';

/**
 * What one ingest did, item by item, so the CLI and the inbox can say exactly that. Added
 * articles are listed without their body: a report on a million-article stream stays small.
 */
export interface IngestReport {
  added: Omit<Article, 'body'>[];
  duplicates: { origin: string; title: string; duplicateOf: string; reason: string }[];
  failed: IngestFailure[];
}

/**
 * An article that could not be read, analysed or stored. `retry` marks one that was read and
 * analysed but not stored (a full disk, a read-only or locked database): the same input may
 * well be stored later, so the inbox keeps its file and the poller its item.
 */
export interface IngestFailure extends ParseFailure {
  retry?: true;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * An article of a batch written without a savepoint failed: the batch's transaction must roll
 * back whole (`storeBatch` then writes it again, article by article).
 */
class ArticleFailed extends Error {
  constructor(failure: unknown) {
    super(messageOf(failure));
  }
}

/**
 * Work that must commit together with an article (people, events, stories): it runs inside the
 * article's transaction, so a crash never leaves an article half-indexed. It reads what
 * `prepareArticle` drew from the analysis (on an analysis thread, in a parallel ingest), not
 * the analysis itself, which a thread would otherwise have to pass over whole.
 */
export type Indexer = (article: Article, prepared: PreparedArticle) => void;

/** How an ingest runs beside the rest of the bot. */
export interface IngestOptions {
  /**
   * A live source's ingest (feeds, inbox) while commands are being answered: analysis on the
   * threads whatever the count (or, without threads, one article at a time with a turn of the
   * event loop between), and a few articles per transaction, so this thread is never held for
   * long. Off, an ingest goes as fast as it can (`sitrep ingest`, the sample corpus).
   */
  background?: boolean;
  /** Runs around each write transaction (the alert detector's `quietly` for a feed's baseline). */
  around?: <T>(write: () => T) => T;
  /**
   * Stops the ingest (shutdown): articles in analysis are stored, the rest are not read, and
   * one `retry` failure says so, so the inbox keeps the file for the next start.
   */
  signal?: AbortSignal;
  /**
   * Hears how far an `ingestPaths` has got, after each file read and each article (or batch)
   * stored: `sitrep ingest`'s progress line on a terminal.
   */
  onProgress?: (progress: IngestProgress) => void;
}

/**
 * How far an `ingestPaths` has got: the files read (their bytes and the articles parsed from
 * them, which run ahead of storing) and the report so far.
 */
export interface IngestProgress {
  bytesRead: number;
  articlesRead: number;
  report: IngestReport;
}

/** The failure an ingest stopped by its signal reports. */
const stoppedEarly = (): IngestFailure => ({
  origin: '(stopped)',
  reason: 'not stored: sitrep stopped before the end',
  retry: true,
});

export interface Ingester {
  /** Analyses and stores a few articles on this thread (a test, a tool). */
  ingestArticles(inputs: readonly ArticleInput[]): IngestReport;
  /**
   * Any number of articles, analysed on the analysis threads when there are enough of them to
   * pay for starting threads (or always, in the background), and stored in their order.
   */
  ingestStream(
    inputs: Iterable<ArticleInput> | AsyncIterable<ArticleInput>,
    options?: IngestOptions,
  ): Promise<IngestReport>;
  /** Files and folders; inside folders (recursively) README, LICENSE and dot-files are skipped. */
  ingestPaths(paths: readonly string[], options?: IngestOptions): Promise<IngestReport>;
}

/**
 * Analysis off the main thread (`createAnalysisPool`), as the ingester needs it: each article
 * comes back analysed and in its stored form, so this thread only writes.
 */
export interface ParallelAnalyzer {
  readonly size: number;
  /** Packed (`packPrepared`): unpacked only when the article is written. */
  prepare(article: ArticleInput): Promise<PackedArticle>;
}

/**
 * Threads take about a second to start (they load the analysis code), in which this thread
 * analyses some 150 articles itself: smaller ingests stay here.
 */
export const PARALLEL_FROM = 200;

/** Articles stored per transaction by a parallel ingest; twice as many are in analysis. */
const COMMIT_BATCH = 100;
/**
 * Articles per transaction in the background: writing one costs up to about 10 ms at 100k
 * articles, so a command waits at most some 80 ms for a batch to commit.
 */
const BACKGROUND_BATCH = 8;
/** ...and a background transaction ends early once it has taken this long (a slow disk, a busy machine). */
const BACKGROUND_BATCH_MS = 20;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const direct = <T>(write: () => T): T => write();

/**
 * An article as stored: what readers see holds no invisible reordering or zero-width
 * characters, and no link labels a page's text copy kept.
 */
const storedText = (input: ArticleInput): ArticleInput => {
  const outlet = withoutInvisible(input.outlet);
  return {
    ...input,
    title: withoutInvisible(input.title),
    outlet,
    body: withoutLinkLabels(withoutInvisible(input.body), outlet),
  };
};

const emptyReport = (): IngestReport => ({ added: [], duplicates: [], failed: [] });

const SKIPPED = /^(\.|readme(\.|$)|license(\.|$))/i;

/**
 * In the background, NDJSON files above this size are read in slices of lines. Above
 * `MAX_FILE_BYTES` they are streamed line by line, each record held to that limit, instead of
 * refused whole.
 */
const NDJSON = /\.(ndjson|jsonl)$/i;
const SLICED_FROM_BYTES = 256 * 1024;
const LINES_PER_SLICE = 2000;
/** A slice also ends at this size, well under the parser's limit for one document. */
const BYTES_PER_SLICE = 1024 * 1024;

/** The text of a UTF-8 file, or null when it is not (the parsers then say why). */
function utf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function fileTooLarge(path: string, bytes: number): ParseFailure {
  const mb = (bytes / 1024 / 1024).toFixed(1);
  return {
    origin: path,
    reason: `file too large (${mb} MB, limit ${MAX_FILE_BYTES / 1024 / 1024} MB)`,
  };
}

/** A file `walkFiles` found, with what reading it needs. */
export interface FoundFile {
  path: string;
  bytes: number;
  /** The date an article without one gets: the file's modification time. */
  modified: Date;
}

/**
 * The files that `paths` name, folders walked recursively in name order (README, LICENSE and
 * dot-files skipped); a path that cannot be read, or a file too large, goes to `failed`.
 * Ingest reads exactly these, and `sitrep ingest` sums their sizes for its progress.
 */
export async function* walkFiles(
  paths: readonly string[],
  failed: ParseFailure[],
): AsyncGenerator<FoundFile> {
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      failed.push({ origin: path, reason: `cannot read: ${code}` });
      continue;
    }
    if (info.isDirectory()) {
      const entries = (await readdir(path)).filter((name) => !SKIPPED.test(name)).sort();
      yield* walkFiles(
        entries.map((name) => join(path, name)),
        failed,
      );
      continue;
    }
    if (info.size > MAX_FILE_BYTES && !NDJSON.test(path)) {
      failed.push(fileTooLarge(path, info.size));
      continue;
    }
    yield { path, bytes: info.size, modified: info.mtime };
  }
}

/** How `readArticleFiles` reads. */
export interface ReadFilesOptions {
  clock: Clock;
  /** One file into articles: `parseDocument`, or a reader that also knows saved feeds. */
  readDocument?: typeof parseDocument;
  /** Large NDJSON files in slices of lines, with a turn of the event loop between. */
  background?: boolean;
  /** Hears each file once its articles are read, with their number. */
  onFile?: (file: FoundFile, articles: number) => void;
}

/**
 * The articles of a large NDJSON file, read a slice of lines (at most 2,000 lines and 1 MB) at a
 * time with a turn of the event loop between, so reading 100,000 lines never holds this thread
 * for long. Origins keep
 * the file's own line numbers. A line dropped for its size (`null`) is a failure of its own.
 */
async function* ndjsonInSlices(
  path: string,
  lines: AsyncIterable<string | null> | Iterable<string | null>,
  fallback: string,
  failed: ParseFailure[],
): AsyncGenerator<ArticleInput> {
  const renumber = (origin: string, offset: number) =>
    origin.replace(/:(\d+)$/, (_, line: string) => `:${Number(line) + offset}`);
  let slice: string[] = [];
  let sliceBytes = 0;
  let start = 0;
  async function* parseSlice(): AsyncGenerator<ArticleInput> {
    if (slice.some((line) => line.trim())) {
      await nextTurn();
      const parsed = parseDocument(path, Buffer.from(slice.join('\n')), fallback);
      for (const failure of parsed.failures)
        failed.push({ ...failure, origin: renumber(failure.origin, start) });
      for (const article of parsed.articles)
        yield { ...article, origin: renumber(article.origin, start) };
    }
    start += slice.length;
    slice = [];
    sliceBytes = 0;
  }
  for await (const line of lines) {
    if (line === null) {
      const limit = MAX_FILE_BYTES / 1024 / 1024;
      failed.push({
        origin: `${path}:${start + slice.length + 1}`,
        reason: `record too large (limit ${limit} MB per line)`,
      });
    }
    const bytes = line === null ? 0 : Buffer.byteLength(line) + 1;
    if (slice.length > 0 && sliceBytes + bytes > BYTES_PER_SLICE) yield* parseSlice();
    slice.push(line ?? '');
    sliceBytes += bytes;
    if (slice.length === LINES_PER_SLICE) yield* parseSlice();
  }
  yield* parseSlice();
}

/** The lines of an NDJSON file too large to read whole, each held to `MAX_FILE_BYTES`. */
async function* streamedLines(path: string): AsyncGenerator<string | null> {
  for await (const line of fileLines(path, MAX_FILE_BYTES)) yield line.text;
}

/**
 * The articles of files and folders as ingest reads them, in name order; what cannot be read
 * goes to `failed`. `sitrep analyze` reads its input through here too, so that it shows what
 * ingest would store.
 */
export async function* readArticleFiles(
  paths: readonly string[],
  failed: ParseFailure[],
  options: ReadFilesOptions,
): AsyncGenerator<ArticleInput> {
  const { clock, readDocument = parseDocument, background = false, onFile } = options;
  for await (const file of walkFiles(paths, failed)) {
    const { path, modified } = file;
    const fallback = (modified.getTime() > 0 ? modified : clock.now()).toISOString();
    if (file.bytes > MAX_FILE_BYTES) {
      let articles = 0;
      for await (const article of ndjsonInSlices(path, streamedLines(path), fallback, failed)) {
        articles++;
        yield article;
      }
      onFile?.(file, articles);
      continue;
    }
    let bytes;
    try {
      bytes = await readFile(path);
    } catch (error) {
      // Gone or unreadable since it was listed (another process took it): said, not thrown.
      failed.push({
        origin: path,
        reason: `cannot read: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
      });
      continue;
    }
    const text = background && NDJSON.test(path) ? utf8(bytes) : null;
    if (text !== null && bytes.length > SLICED_FROM_BYTES) {
      let articles = 0;
      for await (const article of ndjsonInSlices(path, text.split('\n'), fallback, failed)) {
        articles++;
        yield article;
      }
      onFile?.(file, articles);
      continue;
    }
    const parsed = readDocument(path, bytes, fallback);
    failed.push(...parsed.failures);
    onFile?.(file, parsed.articles.length);
    yield* parsed.articles;
  }
}

type Analysed = { packed: PackedArticle } | { error: string };

interface InFlight {
  input: ArticleInput;
  done: Promise<unknown>;
  result: Analysed | null;
}

export function createIngester(options: {
  store: Store;
  analyze: Analyzer;
  clock: Clock;
  indexers?: readonly Indexer[];
  /** Told what each ingest call did (metrics). */
  observe?: (report: IngestReport) => void;
  /** Analysis threads for large ingests; without them everything is analysed in-process. */
  parallel?: ParallelAnalyzer;
  /**
   * Reads one file into articles: `parseDocument` unless the app gives a reader that also
   * knows saved feeds (`readDocument` of the live sources).
   */
  readDocument?: typeof parseDocument;
}): Ingester {
  const { store, analyze, clock, indexers = [], observe = () => {}, parallel } = options;
  const readDocument = options.readDocument ?? parseDocument;

  /** Writes one article and runs its indexers, in the caller's transaction. */
  function writeArticle(input: ArticleInput, prepared: PreparedArticle): AddResult {
    const added = store.addPrepared(input, prepared.stored);
    if (added.status === 'added') for (const index of indexers) index(added.article, prepared);
    return added;
  }

  /** Adds what storing one article did to `report`. */
  function record(result: AddResult, input: ArticleInput, report: IngestReport): void {
    if (result.status === 'duplicate') {
      report.duplicates.push({
        origin: input.origin,
        title: input.title,
        duplicateOf: result.article.id,
        reason: result.reason,
      });
      return;
    }
    const { id, url, title, outlet, published, tags, lang, origin, ingested } = result.article;
    report.added.push({ id, url, title, outlet, published, tags, lang, origin, ingested });
  }

  /**
   * Stores one article in a transaction of its own (a savepoint inside a batch's) and says so
   * only once that has ended: an entry pushed inside it would stay in the report when the
   * commit fails.
   */
  function write(input: ArticleInput, prepared: PreparedArticle, report: IngestReport): void {
    record(
      store.transaction(() => writeArticle(input, prepared)),
      input,
      report,
    );
  }

  /**
   * Stores one article, or reports why it could not be: its own savepoint is rolled back and
   * the articles around it are kept, even inside a parallel ingest's shared transaction.
   */
  function storeOrReportFailure(
    input: ArticleInput,
    prepared: PreparedArticle,
    report: IngestReport,
  ): void {
    try {
      write(input, prepared, report);
    } catch (error) {
      report.failed.push({
        origin: input.origin,
        reason: `not stored: ${messageOf(error)}`,
        retry: true,
      });
    }
  }

  /**
   * Writes a batch's articles inside its transaction, as many as `budgetMs` allows, counting
   * in `progress` those it went through (a commit that fails loses them all). Unguarded, the
   * first article that fails throws `ArticleFailed` out of the transaction; guarded, each
   * article has a savepoint, and one that fails is reported and rolled back alone.
   */
  function writeBatch(
    ready: readonly InFlight[],
    batch: IngestReport,
    budgetMs: number,
    guarded: boolean,
    progress: { stored: number },
  ): void {
    const started = performance.now();
    for (const { input, result } of ready) {
      if (progress.stored > 0 && performance.now() - started > budgetMs) break;
      progress.stored++;
      if (!result || !('packed' in result)) {
        batch.failed.push({ origin: input.origin, reason: `analysis failed: ${result?.error}` });
        continue;
      }
      const prepared = unpackPrepared(result.packed);
      if (guarded) {
        storeOrReportFailure(input, prepared, batch);
        continue;
      }
      let added: AddResult;
      try {
        added = writeArticle(input, prepared);
      } catch (error) {
        throw new ArticleFailed(error);
      }
      record(added, input, batch);
    }
  }

  /**
   * Stores a batch in one transaction and adds what it did to `report` only when that
   * transaction commits. The articles are written without a savepoint each: a savepoint made
   * SQLite copy every page an article touched into a statement journal (a temporary file) and
   * flush the full-text index's pending terms: about a sixth of the writing thread's time.
   * When one article fails, the batch rolls back whole and is written again with a savepoint
   * per article, so that one is reported and the rest are kept. When the commit (or the BEGIN: a
   * lock timeout) fails, nothing of the batch is stored, so its added articles, and the
   * duplicates of those, are reported failed.
   */
  function storeBatch(
    ready: readonly InFlight[],
    report: IngestReport,
    around: IngestOptions['around'] = direct,
    budgetMs = Infinity,
  ): number {
    let batch = emptyReport();
    const progress = { stored: 0 };
    const attempt = (guarded: boolean) => {
      batch = emptyReport();
      progress.stored = 0;
      around(() => store.transaction(() => writeBatch(ready, batch, budgetMs, guarded, progress)));
    };
    try {
      try {
        attempt(false);
      } catch (error) {
        if (!(error instanceof ArticleFailed)) throw error;
        attempt(true);
      }
    } catch (error) {
      const reason = `not stored: ${messageOf(error)}`;
      const lost = new Set(batch.added.map((article) => article.id));
      for (const article of batch.added)
        batch.failed.push({ origin: article.origin, reason, retry: true });
      for (const duplicate of batch.duplicates.filter((entry) => lost.has(entry.duplicateOf)))
        batch.failed.push({ origin: duplicate.origin, reason, retry: true });
      batch.duplicates = batch.duplicates.filter((entry) => !lost.has(entry.duplicateOf));
      batch.added = [];
    }
    report.added.push(...batch.added);
    report.duplicates.push(...batch.duplicates);
    report.failed.push(...batch.failed);
    return progress.stored;
  }

  /** Analyses and stores one article on this thread. */
  function ingestOne(
    untrusted: ArticleInput,
    report: IngestReport,
    around: IngestOptions['around'] = direct,
  ): void {
    const input = storedText(untrusted);
    let prepared: PreparedArticle;
    try {
      prepared = prepareArticle(input, analyze(input));
    } catch (error) {
      report.failed.push({ origin: input.origin, reason: `analysis failed: ${messageOf(error)}` });
      return;
    }
    around(() => storeOrReportFailure(input, prepared, report));
  }

  function ingestHere(
    inputs: readonly ArticleInput[],
    report: IngestReport,
    around?: IngestOptions['around'],
    stored: () => void = () => {},
  ): IngestReport {
    for (const input of inputs) {
      ingestOne(input, report, around);
      stored();
    }
    return report;
  }

  /**
   * Keeps the threads busy with a window of articles while this thread stores the oldest ones
   * in input order (so duplicates and stories come out as they would in-process), a batch per
   * transaction: each commit flushes the full-text index, so fewer, larger commits write less.
   */
  async function ingestInParallel(
    pool: ParallelAnalyzer,
    first: readonly ArticleInput[],
    rest: AsyncIterator<ArticleInput> | Iterator<ArticleInput>,
    report: IngestReport,
    options: IngestOptions,
    stored: () => void,
  ): Promise<void> {
    const window: InFlight[] = [];
    const batchSize = options.background ? BACKGROUND_BATCH : COMMIT_BATCH;
    const limit = batchSize * 2;
    const start = (untrusted: ArticleInput) => {
      const input = storedText(untrusted);
      const item: InFlight = { input, done: Promise.resolve(), result: null };
      item.done = pool.prepare(input).then(
        (packed) => (item.result = { packed }),
        (error: unknown) =>
          (item.result = { error: error instanceof Error ? error.message : String(error) }),
      );
      window.push(item);
    };
    const commitReady = async () => {
      const ready = window.slice(0, batchSize);
      await Promise.all(ready.map((item) => item.done));
      const budget = options.background ? BACKGROUND_BATCH_MS : Infinity;
      window.splice(0, storeBatch(ready, report, options.around, budget));
      stored();
      if (options.background) await nextTurn();
    };
    for (const input of first) {
      start(input);
      if (window.length >= limit) await commitReady();
    }
    for (let next = await rest.next(); !next.done; next = await rest.next()) {
      if (options.signal?.aborted) {
        report.failed.push(stoppedEarly());
        break;
      }
      start(next.value);
      if (window.length >= limit) await commitReady();
    }
    while (window.length > 0) await commitReady();
  }

  /** One article at a time on this thread, with a turn of the event loop before each. */
  async function ingestTakingTurns(
    iterator: AsyncIterator<ArticleInput> | Iterator<ArticleInput>,
    report: IngestReport,
    { around, signal }: IngestOptions,
    stored: () => void,
  ): Promise<IngestReport> {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      await nextTurn();
      if (signal?.aborted) {
        report.failed.push(stoppedEarly());
        break;
      }
      ingestOne(next.value, report, around);
      stored();
    }
    return report;
  }

  /** `stored` hears after each article (this thread) or each committed batch (threads). */
  async function ingestStream(
    inputs: Iterable<ArticleInput> | AsyncIterable<ArticleInput>,
    report = emptyReport(),
    options: IngestOptions = {},
    stored: () => void = () => {},
  ): Promise<IngestReport> {
    const iterator =
      Symbol.asyncIterator in inputs ? inputs[Symbol.asyncIterator]() : inputs[Symbol.iterator]();
    if (options.background) {
      if (!parallel) return ingestTakingTurns(iterator, report, options, stored);
      await ingestInParallel(parallel, [], iterator, report, options, stored);
      return report;
    }
    const first: ArticleInput[] = [];
    let ended = false;
    while (!ended && (!parallel || first.length < PARALLEL_FROM)) {
      const next = await iterator.next();
      if (next.done) ended = true;
      else first.push(next.value);
    }
    if (ended || !parallel) return ingestHere(first, report, options.around, stored);
    await ingestInParallel(parallel, first, iterator, report, options, stored);
    return report;
  }

  return {
    ingestArticles(inputs) {
      const report = ingestHere(inputs, emptyReport());
      observe(report);
      return report;
    },
    async ingestStream(inputs, options) {
      const report = await ingestStream(inputs, emptyReport(), options);
      observe(report);
      return report;
    },
    async ingestPaths(paths, options = {}) {
      const report = emptyReport();
      const read = { bytesRead: 0, articlesRead: 0 };
      const { onProgress } = options;
      const tell = onProgress ? () => onProgress({ ...read, report }) : undefined;
      const files = readArticleFiles(paths, report.failed, {
        clock,
        readDocument,
        background: options.background ?? false,
        onFile: (file, articles) => {
          read.bytesRead += file.bytes;
          read.articlesRead += articles;
          tell?.();
        },
      });
      await ingestStream(files, report, options, tell);
      observe(report);
      return report;
    },
  };
}
