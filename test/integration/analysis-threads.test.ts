import { afterEach, describe, expect, it } from 'vitest';
import { generateArticles } from '../../bench/generate.ts';
import { analyzeArticle } from '../../src/analysis/analyze.ts';
import { createAnalysisPool, type AnalysisPool } from '../../src/analysis/workers/analysis-pool.ts';
import { PARALLEL_FROM } from '../../src/corpus/ingest.ts';
import { decodeAnalysis } from '../../src/corpus/store/analysis-codec.ts';
import {
  prepareArticle,
  unpackPrepared,
  type PreparedArticle,
} from '../../src/corpus/store/stored-form.ts';
import { fixedClock } from '../../src/core/clock.ts';
import { createApp, type App } from '../../src/main.ts';
import { listFeed } from '../../src/corpus/feed-items.ts';
import { rss } from '../fakes/rss.ts';
import { article } from '../helpers/articles.ts';

let pool: AnalysisPool | undefined;
let app: App | undefined;
afterEach(async () => {
  await pool?.close();
  app?.close();
  pool = app = undefined;
});

describe('analysis threads', () => {
  it('answer with exactly the in-process analysis and stored form', async () => {
    pool = createAnalysisPool({ size: 2 });
    const articles = [...generateArticles(6, 4)];
    const packed = await Promise.all(articles.map((input) => pool!.prepare(input)));
    const prepared = packed.map(unpackPrepared);
    // A Buffer arrives from a thread as a plain Uint8Array: compare the bytes.
    const bytes = ({ stored, ...features }: PreparedArticle) => ({
      ...features,
      stored: { ...stored, analysis: Buffer.from(stored.analysis) },
    });
    expect(prepared.map(bytes)).toEqual(
      articles.map((input) => bytes(prepareArticle(input, analyzeArticle(input)))),
    );
  });

  it('read a feed document: every key, only the items asked for, and a refusal as a reason', async () => {
    pool = createAnalysisPool({ size: 1 });
    const feed = rss(
      ['a', 'b', 'c'].map((guid) => ({
        guid,
        title: `Ceasefire talk ${guid}`,
        body: 'Mediators met again.',
        date: '2023-09-29T10:00:00Z',
      })),
    );
    const request = { text: feed, origin: 'f', fallbackDate: '2023-09-30T00:00:00Z', topics: [] };
    const listing = await pool.readFeed({ ...request, pick: [2, 0] });
    expect(listing).toEqual(listFeed({ ...request, pick: [2, 0] }));
    expect(listing.keys).toEqual(['a', 'b', 'c']);
    expect(listing.items.map((item) => item.key)).toEqual(['c', 'a']);
    const refused = await pool.readFeed({
      ...request,
      text: feed.replace('<rss', '<!DOCTYPE rss [<!ENTITY x "y">]><rss'),
      pick: [],
    });
    expect(refused.refused).toMatch(/declares XML entities/);
  });

  it('fail one job with the reason and keep serving the others', async () => {
    pool = createAnalysisPool({ size: 1 });
    const broken = { ...article(), body: undefined as unknown as string };
    await expect(pool.prepare(broken)).rejects.toThrow(/undefined/);
    const served = unpackPrepared(await pool.prepare(article()));
    expect(decodeAnalysis(Buffer.from(served.stored.analysis)).events).toEqual(
      expect.arrayContaining([expect.objectContaining({ category: 'ASSAULT' })]),
    );
  });

  it('reject what is still running when closed, and refuse new work', async () => {
    pool = createAnalysisPool({ size: 1 });
    const running = expect(pool.prepare(article())).rejects.toThrow('the analysis pool is closed');
    await pool.close();
    await running;
    await expect(pool.prepare(article())).rejects.toThrow('the analysis pool is closed');
  });

  it('ingest a large stream through the app into the same stories and people', async () => {
    // First three paragraphs of each: people and stories to compare at a seventh of the text.
    const corpus = [...generateArticles(PARALLEL_FROM + 20, 8)].map((input) => ({
      ...input,
      body: input.body.split('\n\n').slice(0, 3).join('\n\n'),
    }));
    const snapshot = async (threads: number) => {
      app = createApp({
        db: ':memory:',
        analysisThreads: threads,
        clock: fixedClock('2024-01-01'),
      });
      const report = await app.ingester.ingestStream(corpus);
      const db = app.store.db;
      const state = {
        added: report.added.length,
        stories: db.prepare('SELECT article_id, story_id FROM story_articles ORDER BY 1').all(),
        people: db.prepare('SELECT name, statements, mentions FROM people ORDER BY name').all(),
      };
      app.close();
      app = undefined;
      return state;
    };
    const threaded = await snapshot(2);
    expect(threaded.added).toBe(corpus.length);
    expect(threaded.stories.length).toBeGreaterThan(0);
    expect(threaded.people.length).toBeGreaterThan(0);
    expect(threaded).toEqual(await snapshot(0));
  });
});
