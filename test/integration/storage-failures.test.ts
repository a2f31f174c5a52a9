import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/analysis/analyze.ts';
import type { ArticleInput } from '../../src/corpus/article.ts';
import {
  createIngester,
  type IngestReport,
  type ParallelAnalyzer,
} from '../../src/corpus/ingest.ts';
import { openDatabase } from '../../src/corpus/store/database.ts';
import { corpusMigrations } from '../../src/corpus/store/migrations.ts';
import { createSqliteStore, type Store } from '../../src/corpus/store/store.ts';
import { packPrepared, prepareArticle } from '../../src/corpus/store/stored-form.ts';
import { fixedClock } from '../../src/core/clock.ts';
import { createApp } from '../../src/main.ts';
import { article } from '../helpers/articles.ts';

/** Analyses on this thread, answering on a later turn as the worker threads do. */
const laterAnalyzer: ParallelAnalyzer = {
  size: 2,
  prepare: (input) =>
    new Promise((resolve) =>
      setImmediate(() => resolve(packPrepared(prepareArticle(input, analyzeArticle(input))))),
    ),
};

/**
 * The real store, whose outermost transactions fail at commit when `failing` says so: the work
 * runs, then the commit fails and everything is rolled back, as on a disk that fills up while
 * the write-ahead log is written.
 */
function failingCommits(store: Store, failing: (commit: number) => boolean): Store {
  let depth = 0;
  let commits = 0;
  return {
    ...store,
    transaction(work) {
      depth++;
      try {
        if (depth > 1) return store.transaction(work);
        const commit = ++commits;
        return store.transaction(() => {
          const result = work();
          if (failing(commit)) throw new Error('database or disk is full');
          return result;
        });
      } finally {
        depth--;
      }
    },
  };
}

const articles = (n: number): ArticleInput[] =>
  Array.from({ length: n }, (_, i) =>
    article({
      title: `Talks in round ${i + 1} end without a deal`,
      body: `Negotiators met for round ${i + 1} in Geneva on Friday and left without an agreement on the ceasefire line number ${i + 1}.`,
      url: `https://wire.example/round-${i + 1}`,
      origin: `round-${i + 1}`,
    }),
  );

/** Every article reported added is stored, and nothing else is. */
function expectReportMatchesStore(report: IngestReport, store: Store, total: number): void {
  expect(report.added.length).toBe(store.count());
  for (const added of report.added) expect(store.getArticle(added.id)).not.toBeNull();
  expect(report.added.length + report.duplicates.length + report.failed.length).toBe(total);
  const failedOrigins = new Set(report.failed.map((failure) => failure.origin));
  for (const added of report.added) expect(failedOrigins.has(added.origin)).toBe(false);
}

function setup(failing: (commit: number) => boolean, parallel?: ParallelAnalyzer) {
  const real = createSqliteStore(openDatabase(':memory:', corpusMigrations));
  const store = failingCommits(real, failing);
  const ingester = createIngester({
    store,
    analyze: analyzeArticle,
    clock: fixedClock('2024-01-01T00:00:00Z'),
    ...(parallel ? { parallel } : {}),
  });
  return { store: real, ingester };
}

describe('what an ingest reports when storing fails', () => {
  it('an article whose commit fails is reported failed, not added', () => {
    const { store, ingester } = setup((commit) => commit === 2);
    const report = ingester.ingestArticles(articles(3));
    expectReportMatchesStore(report, store, 3);
    expect(report.failed).toEqual([
      { origin: 'round-2', reason: 'not stored: database or disk is full', retry: true },
    ]);
  });

  it('a parallel batch whose commit fails is reported failed, and later batches still run', async () => {
    const { store, ingester } = setup((commit) => commit === 2, laterAnalyzer);
    const report = await ingester.ingestStream(articles(350));
    expectReportMatchesStore(report, store, 350);
    expect(report.failed).toHaveLength(100);
    expect(report.failed.every((failure) => failure.retry === true)).toBe(true);
    expect(store.count()).toBe(250);
  });

  it('a disk that fills up mid-ingest (max_page_count) leaves a report that matches the store', async () => {
    for (const parallel of [undefined, laterAnalyzer]) {
      const real = createSqliteStore(openDatabase(':memory:', corpusMigrations));
      const ingester = createIngester({
        store: real,
        analyze: analyzeArticle,
        clock: fixedClock('2024-01-01T00:00:00Z'),
        ...(parallel ? { parallel } : {}),
      });
      const pages = real.db.pragma('page_count', { simple: true }) as number;
      real.db.pragma(`max_page_count = ${pages + 40}`);
      const report = await ingester.ingestStream(articles(300));
      expect(report.failed.length).toBeGreaterThan(0);
      expect(report.failed[0]!.reason).toMatch(/full/);
      expectReportMatchesStore(report, real, 300);
    }
  });

  it('the app reports the same through ingestPaths (the CLI and the inbox path)', async () => {
    const app = createApp({ db: ':memory:', clock: fixedClock('2024-01-01T00:00:00Z') });
    const pages = app.store.db.pragma('page_count', { simple: true }) as number;
    app.store.db.pragma(`max_page_count = ${pages + 8}`);
    const dir = await mkdtemp(join(tmpdir(), 'sitrep-full-'));
    const file = join(dir, 'rounds.ndjson');
    await writeFile(
      file,
      articles(60)
        .map((input) => JSON.stringify(input))
        .join('\n'),
    );
    const report = await app.ingester.ingestPaths([file]);
    await rm(dir, { recursive: true });
    expectReportMatchesStore(report, app.store, 60);
    expect(report.failed.length).toBeGreaterThan(0);
    app.close();
  });
});
