import BetterSqlite3 from 'better-sqlite3';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { ArticleInput } from '../src/corpus/article.ts';
import type { App } from '../src/main.ts';

export interface IngestTally {
  added: number;
  duplicates: number;
  failed: number;
  seconds: number;
}

/**
 * Feeds articles to the app's ingester in batches (full analysis and persistence, exactly the
 * path `sitrep ingest` takes) and counts what happened. `await` keeps it correct if ingest
 * becomes asynchronous (analysis in worker threads).
 */
export async function ingestInBatches(
  app: App,
  articles: Iterable<ArticleInput>,
  batchSize: number,
  progress?: (done: number, tally: IngestTally) => void,
  bulk = false,
): Promise<IngestTally> {
  const tally: IngestTally = { added: 0, duplicates: 0, failed: 0, seconds: 0 };
  const started = performance.now();
  let batch: ArticleInput[] = [];
  let done = 0;
  const flush = async () => {
    const report = await (bulk ? bulkIngest(app, batch) : app.ingester.ingestArticles(batch));
    tally.added += report.added.length;
    tally.duplicates += report.duplicates.length;
    tally.failed += report.failed.length;
    done += batch.length;
    batch = [];
    tally.seconds = (performance.now() - started) / 1000;
    progress?.(done, tally);
  };
  for (const article of articles) {
    batch.push(article);
    if (batch.length >= batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  tally.seconds = (performance.now() - started) / 1000;
  return tally;
}

/**
 * For building the untimed part of a corpus only: the batch runs inside one outer transaction,
 * so the ingester's per-article transactions become savepoints and the disk syncs once per
 * batch. An asynchronous ingester (analysis in workers) cannot run inside a SQLite
 * transaction, so an empty call tells which kind this is first.
 */
function bulkIngest(app: App, batch: readonly ArticleInput[]) {
  const synchronous = !isThenable(app.ingester.ingestArticles([]));
  if (!synchronous) return app.ingester.ingestArticles(batch);
  return app.store.transaction(() => app.ingester.ingestArticles(batch));
}

const isThenable = (value: unknown): boolean =>
  typeof (value as { then?: unknown } | null)?.then === 'function';

/** Moves the WAL into the main file, so the file size is the database size. */
export function checkpoint(path: string): void {
  const db = new BetterSqlite3(path);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

/** Bytes on disk of a SQLite database with its WAL and shared-memory files. */
export function databaseBytes(path: string): number {
  return ['', '-wal', '-shm'].reduce(
    (sum, suffix) => sum + (statSync(path + suffix, { throwIfNoEntry: false })?.size ?? 0),
    0,
  );
}

export function removeDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

/** The held-back articles of a cached corpus, as JSON lines of `ArticleInput`. */
export function writeArticles(path: string, articles: readonly ArticleInput[]): void {
  writeFileSync(path, articles.map((article) => JSON.stringify(article)).join('\n'));
}

export function readArticles(path: string): ArticleInput[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ArticleInput);
}
