import BetterSqlite3 from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
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
 * Writes the held-back articles of a corpus as JSON lines of `ArticleInput`, one at a time as
 * the generator makes them: joined into one string, 5,000 of them took 70 MB more of the heap
 * the ingest measures, and the million-article run holds back 50,000.
 */
export class ArticleWriter {
  private file: number | null = null;
  private count = 0;

  constructor(private readonly path: string) {}

  write(article: ArticleInput): void {
    this.file ??= openSync(this.path, 'w');
    writeSync(this.file, `${this.count++ > 0 ? '\n' : ''}${JSON.stringify(article)}`);
  }

  close(): void {
    if (this.file !== null) closeSync(this.file);
    this.file = null;
  }
}

/** Bytes read from a JSON-lines file at a time. */
const READ_CHUNK = 1 << 20;

/**
 * The articles of a JSON-lines file (at most `limit`), read a megabyte at a time, so a timed
 * ingest holds only the articles in flight; a missing file has none.
 */
export function* readArticles(path: string, limit = Infinity): Generator<ArticleInput> {
  if (!existsSync(path)) return;
  const file = openSync(path, 'r');
  const buffer = Buffer.alloc(READ_CHUNK);
  const decoder = new TextDecoder();
  let pending = '';
  let read = 0;
  try {
    for (;;) {
      const bytes = readSync(file, buffer, 0, READ_CHUNK, null);
      pending += bytes > 0 ? decoder.decode(buffer.subarray(0, bytes), { stream: true }) : '';
      const lines = pending.split('\n');
      pending = bytes > 0 ? lines.pop()! : '';
      for (const line of lines) {
        if (!line) continue;
        if (read++ >= limit) return;
        yield JSON.parse(line) as ArticleInput;
      }
      if (bytes === 0) return;
    }
  } finally {
    closeSync(file);
  }
}
