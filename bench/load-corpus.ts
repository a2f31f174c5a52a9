import BetterSqlite3 from 'better-sqlite3';
import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import type { ArticleInput } from '../src/corpus/article.ts';
import type { App } from '../src/main.ts';

export interface IngestTally {
  added: number;
  duplicates: number;
  failed: number;
  seconds: number;
}

/**
 * Articles per `ingestStream` call: a report lists every added article, so a million-article
 * load in one call would hold a million entries (hundreds of MB) until it ended; 2,000 keep it
 * to about 1 MB (the analysis window, not the chunk, bounds the articles in flight).
 */
const CHUNK = 2_000;

/**
 * Feeds articles to the app's ingester as a stream (full analysis on the analysis threads
 * and persistence, exactly the path `sitrep ingest` takes), in chunks of 2,000, and counts
 * what happened. `progress` is called every `every` articles read.
 */
export async function ingestAll(
  app: App,
  articles: Iterable<ArticleInput>,
  progress?: { every: number; report(read: number, seconds: number): void },
): Promise<IngestTally> {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const tally: IngestTally = { added: 0, duplicates: 0, failed: 0, seconds: 0 };
  const source = articles[Symbol.iterator]();
  let read = 0;
  let exhausted = false;
  function* chunk(): Generator<ArticleInput> {
    for (let taken = 0; taken < CHUNK; taken++) {
      const next = source.next();
      if (next.done) {
        exhausted = true;
        return;
      }
      yield next.value;
      if (progress && ++read % progress.every === 0) progress.report(read, seconds());
    }
  }
  while (!exhausted) {
    const report = await app.ingester.ingestStream(chunk());
    tally.added += report.added.length;
    tally.duplicates += report.duplicates.length;
    tally.failed += report.failed.length;
  }
  tally.seconds = seconds();
  return tally;
}

/**
 * The address of the newest article in a database, or null when it holds none (or is not one).
 * Articles are stored in input order, so every input before it was stored or found a duplicate.
 */
export function lastStoredUrl(path: string): string | null {
  try {
    const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
    try {
      const row = db.prepare('SELECT url FROM articles ORDER BY seq DESC LIMIT 1').get() as
        { url: string | null } | undefined;
      return row?.url ?? null;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

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

/**
 * The held-back articles of a cached corpus, as JSON lines of `ArticleInput`, written a line at
 * a time: 5,000 articles joined into one string took 70 MB more of the heap the ingest
 * measures, beside the app's whole state at the end of a bulk load.
 */
export function writeArticles(path: string, articles: readonly ArticleInput[]): void {
  const file = openSync(path, 'w');
  try {
    articles.forEach((article, index) =>
      writeSync(file, `${index > 0 ? '\n' : ''}${JSON.stringify(article)}`),
    );
  } finally {
    closeSync(file);
  }
}

export function readArticles(path: string): ArticleInput[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ArticleInput);
}
