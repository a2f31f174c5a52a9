/**
 * A fingerprint of what an ingest leaves in the database, so a change to the writing path made
 * for speed can show that it stored exactly the same: `npx tsx scripts/store-digest.ts
 * [--articles N] [--of M] [--seed S] [--dev FOLDER] [--db PATH]`.
 *
 * Ingests the bench's generated news (`generateArticles(N, S)`, default 3,000 articles, with
 * two analysis threads, as a parallel ingest runs; with `--of M`, the first N of
 * `generateArticles(M, S)`, which come as densely per day as in an M-article corpus, so a
 * person's statements crowd the recap window as they do at M) and, with `--dev`, a dev-data folder of
 * NDJSON articles such as `../shared/dev-data/gaza-news` (read in place, never copied) into a
 * fresh database through `createApp`, then prints one sha256 per table over its rows in a
 * stable order (every column, sorted). Ids given in insertion order are part of the rows: they
 * are deterministic, since the writing thread stores articles in their input order. The
 * full-text index's own tables are left out (their pages depend on when SQLite merged them,
 * and they index the article rows hashed here), and so is `schema_migrations`, dated by the
 * wall clock.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generateArticles } from '../bench/generate.ts';
import { ingestAll, removeDatabase } from '../bench/load-corpus.ts';
import type { ArticleInput } from '../src/corpus/article.ts';
import { fixedClock } from '../src/core/clock.ts';
import { createApp } from '../src/main.ts';
import { readDevArticles } from './dev-articles.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '3000' },
    of: { type: 'string' },
    seed: { type: 'string', default: '1' },
    dev: { type: 'string' },
    db: { type: 'string', default: '/tmp/sitrep-store-digest.db' },
  },
});
const count = Number(values.articles);
const seed = Number(values.seed);
const of = Number(values.of ?? count);
if (values.dev && !existsSync(values.dev)) {
  process.stderr.write(`${values.dev} is not there: pass a dev-data folder such as gaza-news\n`);
  process.exit(2);
}

removeDatabase(values.db);
const app = createApp({
  db: values.db,
  // Fixed, so that the articles' `ingested` times and anything dated by the clock agree.
  clock: fixedClock('2025-01-01T00:00:00.000Z'),
  analysisThreads: 2,
});
function* firstOf(): Generator<ArticleInput> {
  let taken = 0;
  for (const article of generateArticles(of, seed)) {
    if (taken++ === count) return;
    yield article;
  }
}
const generated = await ingestAll(app, firstOf());
console.log(`first ${count} of generateArticles(${of}, ${seed}): ${generated.added} added`);
if (values.dev) {
  const dev = await ingestAll(app, readDevArticles(values.dev));
  console.log(`${values.dev}: ${dev.added} added`);
}

const db = app.store.db;
const fullText = db
  .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE sql LIKE '%VIRTUAL TABLE%'")
  .all()
  .map((row) => row.name);
const tables = db
  .prepare<[], { name: string }>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  )
  .all()
  .map((row) => row.name)
  .filter(
    (name) =>
      name !== 'schema_migrations' &&
      !fullText.some((index) => name === index || name.startsWith(`${index}_`)),
  );
const columnsOf = db.prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)');
for (const table of tables) {
  const names = columnsOf.all(table).map((column) => `"${column.name}"`);
  const hash = createHash('sha256');
  let rows = 0;
  for (const row of db
    .prepare(`SELECT ${names.join(', ')} FROM "${table}" ORDER BY ${names.join(', ')}`)
    .raw()
    .iterate()) {
    const cells = (row as unknown[]).map((value) =>
      value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value,
    );
    hash.update(`${JSON.stringify(cells)}\n`);
    rows++;
  }
  console.log(`${table.padEnd(24)} ${String(rows).padStart(7)}  ${hash.digest('hex')}`);
}
app.close();
removeDatabase(values.db);
