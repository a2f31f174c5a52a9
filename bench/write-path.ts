/**
 * The writing thread alone, at the size of a cached bench corpus: `npx tsx bench/write-path.ts
 * --db CACHE [--articles N] [--pages]`, where CACHE is a `corpus-*.db` that
 * `npm run bench -- --size N --reuse` left in its `--dir`.
 *
 * `npm run bench` times the held-back sample going through analysis threads and the writing
 * thread together, so a change to the writing path is lost in the threads' noise and takes a
 * 20-minute corpus build to measure at 100,000 articles. This prepares that sample once, on
 * two analysis threads (`<CACHE>.prepared-<code version>.bin`, rebuilt when `src/` changes),
 * then replays it onto a fresh copy of the cached corpus through the ingester, exactly as a
 * parallel ingest stores it, with a stand-in pool that hands back each article packed
 * (`packPrepared`), as a thread does. It prints the writing thread's
 * CPU time per article (what issue 17's "≤ 3 CPU-ms per article" counts, and `npm run bench`'s
 * `main thread` figure), the whole process's, and the wall time.
 *
 * `--pages` turns automatic checkpoints off for the replay and reads the WAL afterwards:
 * every page a commit wrote is one frame, and `dbstat` names the table or index that owns it.
 * Pages written are what a commit and its checkpoint cost; this says which b-tree writes them.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import BetterSqlite3 from 'better-sqlite3';
import { analyzeArticle } from '../src/analysis/analyze.ts';
import { createPeopleWriter } from '../src/analysis/people/registry.ts';
import { createAnalysisPool } from '../src/analysis/workers/analysis-pool.ts';
import type { ArticleInput } from '../src/corpus/article.ts';
import { createIngester, type ParallelAnalyzer } from '../src/corpus/ingest.ts';
import type { PackedArticle } from '../src/corpus/store/stored-form.ts';
import { fixedClock } from '../src/core/clock.ts';
import { createApp } from '../src/main.ts';
import { codeVersion } from './code-version.ts';
import { readArticles, removeDatabase } from './load-corpus.ts';
import { mainThreadCpuMs } from './stats.ts';

/** Articles in analysis at once while preparing. */
const PREPARE_CHUNK = 200;

interface Replayed {
  /** V8's serialisation of the article as read. */
  input: Buffer;
  packed: PackedArticle;
}

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    articles: { type: 'string' },
    pages: { type: 'boolean', default: false },
  },
});
if (!values.db || !existsSync(`${values.db}.sample.jsonl`)) {
  process.stderr.write(
    'usage: write-path --db CACHE [--articles N] [--pages]\n' +
      '  CACHE: a corpus-*.db with its .sample.jsonl, from npm run bench -- --reuse\n',
  );
  process.exit(2);
}
const cache = values.db;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const preparedFile = `${cache}.prepared-${codeVersion(root)}.bin`;

/** Length-prefixed parts, two per article: the article as read, then the thread's packed bytes. */
async function prepareSample(): Promise<void> {
  const inputs = [...readArticles(`${cache}.sample.jsonl`)];
  const pool = createAnalysisPool({ size: 2 });
  // A chunk at a time: decoded, 5,000 prepared articles would not fit the bench's heap limit.
  const parts: Buffer[] = [];
  for (let from = 0; from < inputs.length; from += PREPARE_CHUNK) {
    const chunk = inputs.slice(from, from + PREPARE_CHUNK);
    const packed = await Promise.all(chunk.map((input) => pool.prepare(input)));
    for (const [index, input] of chunk.entries())
      for (const part of [serialize(input), packed[index]!]) {
        const length = Buffer.alloc(4);
        length.writeUInt32LE(part.length);
        parts.push(length, Buffer.from(part));
      }
  }
  await pool.close();
  writeFileSync(preparedFile, Buffer.concat(parts));
}

function readRecords(limit: number): Replayed[] {
  const all = readFileSync(preparedFile);
  const part = (at: number) => all.subarray(at + 4, at + 4 + all.readUInt32LE(at));
  const records: Replayed[] = [];
  for (let at = 0; at < all.length && records.length < limit;) {
    const input = part(at);
    at += 4 + input.length;
    const packed = part(at);
    at += 4 + packed.length;
    records.push({ input, packed });
  }
  return records;
}

/** Frames in the WAL by the b-tree that owns their page. */
function pagesByTree(db: string): { frames: number; byTree: [string, number, number][] } {
  const wal = readFileSync(`${db}-wal`);
  const pageSize = wal.readUInt32BE(8);
  const pages: number[] = [];
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize)
    pages.push(wal.readUInt32BE(at));
  const reader = new BetterSqlite3(db, { readonly: true });
  const owner = new Map<number, string>();
  for (const row of reader
    .prepare<[], { name: string; pageno: number }>('SELECT name, pageno FROM dbstat')
    .iterate())
    owner.set(row.pageno, row.name);
  reader.close();
  const frames = new Map<string, { frames: number; pages: Set<number> }>();
  for (const page of pages) {
    const name = owner.get(page) ?? '(freed)';
    const entry = frames.get(name) ?? { frames: 0, pages: new Set<number>() };
    entry.frames++;
    entry.pages.add(page);
    frames.set(name, entry);
  }
  return {
    frames: pages.length,
    byTree: [...frames]
      .map(([name, entry]): [string, number, number] => [name, entry.frames, entry.pages.size])
      .sort((a, b) => b[1] - a[1]),
  };
}

if (!existsSync(preparedFile)) {
  process.stderr.write(`preparing the sample on two analysis threads into ${preparedFile}\n`);
  await prepareSample();
}
const records = readRecords(Number(values.articles ?? Infinity));
const inputs = records.map((record) => deserialize(record.input) as ArticleInput);
const work = `${cache}.write-path.db`;
removeDatabase(work);
copyFileSync(cache, work);
const clock = fixedClock('2025-01-01T00:00:00.000Z');
const app = createApp({ db: work, clock });
if (values.pages) {
  app.store.db.pragma('wal_checkpoint(TRUNCATE)');
  app.store.db.pragma('wal_autocheckpoint = 0');
}
let next = 0;
const replay: ParallelAnalyzer = {
  size: 2,
  prepare: async () => records[next++]!.packed,
};
const ingester = createIngester({
  store: app.store,
  analyze: analyzeArticle,
  clock,
  indexers: [app.stories.index, createPeopleWriter(app.store.db)],
  parallel: replay,
});
const cpuBefore = process.cpuUsage();
const mainBefore = mainThreadCpuMs();
const started = performance.now();
const report = await ingester.ingestStream(inputs);
const cpu = process.cpuUsage(cpuBefore);
const mainAfter = mainThreadCpuMs();
const wall = performance.now() - started;
// Read before closing: closing checkpoints the WAL away.
const pages = values.pages ? pagesByTree(work) : null;
app.close();
const perArticle = (ms: number) => (ms / records.length).toFixed(2);
console.log(
  `${report.added.length} added, ${report.duplicates.length} duplicates, ${report.failed.length} failed, onto ${cache}`,
);
// The process's figure adds V8's helper threads (garbage collection) to the writing thread's.
const mainNote =
  mainBefore === null || mainAfter === null
    ? ''
    : `writing thread ${perArticle(mainAfter - mainBefore)} CPU-ms, `;
console.log(
  `per article: ${mainNote}process ${perArticle((cpu.user + cpu.system) / 1000)} CPU-ms, ${perArticle(wall)} ms wall`,
);
if (pages) {
  const { frames, byTree } = pages;
  console.log(`pages written: ${(frames / records.length).toFixed(1)} per article`);
  for (const [name, count, distinct] of byTree.slice(0, 15))
    console.log(
      `  ${name.padEnd(36)} ${perArticle(count).padStart(6)} written, ${perArticle(distinct).padStart(6)} distinct`,
    );
}
removeDatabase(work);
