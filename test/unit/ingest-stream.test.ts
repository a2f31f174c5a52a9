import { describe, expect, it } from 'vitest';
import type { Analysis, Analyzer } from '../../src/analysis/analysis.ts';
import { analyzeArticle } from '../../src/analysis/analyze.ts';
import { createPeopleWriter } from '../../src/analysis/people/registry.ts';
import { createStoryIndexer } from '../../src/analysis/stories/indexer.ts';
import { storyMigrations } from '../../src/analysis/stories/schema.ts';
import { peopleMigrations } from '../../src/analysis/people/migrations.ts';
import type { ArticleInput } from '../../src/corpus/article.ts';
import {
  createIngester,
  PARALLEL_FROM,
  type Indexer,
  type ParallelAnalyzer,
} from '../../src/corpus/ingest.ts';
import {
  packPrepared,
  prepareArticle,
  type PackedArticle,
} from '../../src/corpus/store/stored-form.ts';
import { openDatabase } from '../../src/corpus/store/database.ts';
import { corpusMigrations } from '../../src/corpus/store/migrations.ts';
import { createSqliteStore } from '../../src/corpus/store/store.ts';
import { fixedClock } from '../../src/core/clock.ts';
import { generateArticles } from '../../bench/generate.ts';

const analyses = new Map<string, Analysis>();

/**
 * `analyzeArticle` is pure (text in, analysis out), so each text of the corpus is analysed once
 * for the whole file and every ingest gets its own copy: what these tests compare is the order,
 * batching and failure handling of the ingests, and analysing the same texts seven times over
 * only made them slow. Keyed by the text, as the ingester hands the analyser a cleaned copy.
 */
const analyzeOnce: Analyzer = (article) => {
  const key = JSON.stringify([article.title, article.published, article.body]);
  let analysis = analyses.get(key);
  if (!analysis) analyses.set(key, (analysis = analyzeArticle(article)));
  return structuredClone(analysis);
};

/**
 * Stands in for the worker threads: analyses on this thread but answers after a random delay,
 * so answers come back out of order, and fails the articles whose origins `failing` holds.
 */
function shuffledAnalyzer(failing = new Set<string>()): ParallelAnalyzer & { calls: number } {
  let seed = 7;
  const delay = () => (seed = (seed * 48271) % 2147483647) % 5;
  const analyzer = {
    size: 3,
    calls: 0,
    prepare(article: ArticleInput) {
      analyzer.calls++;
      return new Promise<PackedArticle>((resolve, reject) =>
        setTimeout(() => {
          if (failing.has(article.origin ?? '')) reject(new Error('worker ran out of memory'));
          else resolve(packPrepared(prepareArticle(article, analyzeOnce(article))));
        }, delay()),
      );
    },
  };
  return analyzer;
}

function setup(parallel?: ParallelAnalyzer, extra: Indexer[] = []) {
  const db = openDatabase(':memory:', [
    ...corpusMigrations,
    ...storyMigrations,
    ...peopleMigrations,
  ]);
  const store = createSqliteStore(db, () => new Date('2024-01-01T00:00:00Z'));
  const stories = createStoryIndexer(db);
  const ingester = createIngester({
    store,
    analyze: analyzeOnce,
    clock: fixedClock('2024-01-01T00:00:00Z'),
    indexers: [stories.index, createPeopleWriter(db), ...extra],
    ...(parallel ? { parallel } : {}),
  });
  const snapshot = () => ({
    articles: db.prepare('SELECT seq, id FROM articles ORDER BY seq').all(),
    stories: db
      .prepare('SELECT article_id, story_id FROM story_articles ORDER BY article_id')
      .all(),
    people: db.prepare('SELECT name, statements FROM people ORDER BY name').all(),
    sources: db.prepare('SELECT count(*) AS n FROM statement_sources').get(),
  });
  return { ingester, snapshot, db, stories };
}

/**
 * The bench's generated articles cut to their first three paragraphs (a lede, speakers and
 * quotes): enough for stories and people to be indexed, and a seventh of the text to analyse
 * and store, as these tests need more than `PARALLEL_FROM` articles and ingest them seven times.
 */
const corpus = [...generateArticles(PARALLEL_FROM + 60, 21)].map((article) => ({
  ...article,
  body: article.body.split('\n\n').slice(0, 3).join('\n\n'),
}));
// A copy under another URL: in order, the second one is the duplicate.
corpus.splice(PARALLEL_FROM + 10, 0, {
  ...corpus[PARALLEL_FROM + 5]!,
  url: 'https://copy.example.com/a',
});

describe('ingestStream', () => {
  it('stores out-of-order analyses in input order: the same database as in-process', async () => {
    const here = setup();
    const report = here.ingester.ingestArticles(corpus);
    const parallel = shuffledAnalyzer();
    const there = setup(parallel);
    const streamed = await there.ingester.ingestStream(corpus);
    expect(parallel.calls).toBe(corpus.length);
    expect(streamed.added.map((article) => article.id)).toEqual(
      report.added.map((article) => article.id),
    );
    expect(streamed.duplicates).toEqual(report.duplicates);
    expect(streamed.duplicates).toHaveLength(1);
    const stored = here.snapshot();
    expect(stored.stories.length).toBeGreaterThan(0);
    expect(stored.people.length).toBeGreaterThan(0);
    expect(there.snapshot()).toEqual(stored);
  });

  it('reports an article whose analysis failed and stores the rest', async () => {
    const failing = corpus[PARALLEL_FROM + 20]!;
    const { ingester } = setup(shuffledAnalyzer(new Set([failing.origin!])));
    const report = await ingester.ingestStream(corpus);
    expect(report.failed).toEqual([
      { origin: failing.origin, reason: 'analysis failed: worker ran out of memory' },
    ]);
    expect(report.added.length + report.duplicates.length).toBe(corpus.length - 1);
  });

  it('reports an article that could not be stored and keeps the rest of its batch', async () => {
    const broken = corpus[PARALLEL_FROM + 30]!;
    const refuse: Indexer = (article) => {
      if (article.url === broken.url) throw new Error('disk full');
    };
    const snapshots = [];
    for (const parallel of [shuffledAnalyzer(), undefined]) {
      const { ingester, db, snapshot, stories } = setup(parallel, [refuse]);
      const report = await ingester.ingestStream(corpus);
      expect(report.failed).toEqual([
        { origin: broken.origin, reason: 'not stored: disk full', retry: true },
      ]);
      expect(report.added).toHaveLength(corpus.length - 2);
      const stored = db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number };
      expect(stored.n).toBe(corpus.length - 2);
      const orphans = db
        .prepare(
          'SELECT count(*) AS n FROM story_articles WHERE article_id NOT IN (SELECT id FROM articles)',
        )
        .get() as { n: number };
      expect(orphans.n).toBe(0);
      // The threads' batch was written twice (whole, then article by article): each stored
      // article tells its story update once, and the rest is as written one by one here.
      const updated = stories.drain().map((update) => update.articleId);
      expect(new Set(updated).size).toBe(updated.length);
      expect(updated).toHaveLength(corpus.length - 2);
      snapshots.push(snapshot());
    }
    expect(snapshots[0]).toEqual(snapshots[1]);
  });

  it('analyses a small stream in-process without starting threads', async () => {
    const parallel = shuffledAnalyzer();
    const { ingester } = setup(parallel);
    const report = await ingester.ingestStream(corpus.slice(0, PARALLEL_FROM - 1));
    expect(report.added).toHaveLength(PARALLEL_FROM - 1);
    expect(parallel.calls).toBe(0);
  });

  it('takes an async stream, as files are read', async () => {
    async function* files() {
      for (const article of corpus) yield article;
    }
    const parallel = shuffledAnalyzer();
    const { ingester, db } = setup(parallel);
    const report = await ingester.ingestStream(files());
    expect(report.added.length).toBe(corpus.length - 1);
    expect(db.prepare('SELECT count(*) AS n FROM articles').get()).toEqual({
      n: corpus.length - 1,
    });
  });
});
