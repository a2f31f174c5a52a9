import { afterEach, describe, expect, it } from 'vitest';
import type { ArticleInput } from '../../src/corpus/article.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { createApp } from '../../src/main.ts';
import { createFeedPoller } from '../../src/sources/feed-poller.ts';
import { parseFeedsFile } from '../../src/sources/feeds-file.ts';
import { createSourceState } from '../../src/sources/source-state.ts';
import { startServer, type TestServer } from '../fakes/http-server.ts';
import { manualClock } from '../fakes/manual-clock.ts';
import { rss } from '../fakes/rss.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const first = {
  guid: 'one',
  title: 'Kosovo and Serbia trade accusations',
  body: 'Officials in Pristina and Belgrade traded accusations over the weekend.',
  date: '2023-09-28T10:00:00Z',
};
const second = {
  guid: 'two',
  title: 'Gunmen clash with Kosovo police in Banjska',
  body: 'Armed men attacked a Kosovo police patrol near Banjska on Sunday.',
  date: '2023-09-29T10:00:00Z',
};

async function setup(feed: {
  items: (typeof first)[];
  etag: string;
  status?: number;
  retryAfter?: string;
}) {
  server = await startServer((req, res) => {
    if (feed.status) {
      res.statusCode = feed.status;
      res.setHeader('retry-after', feed.retryAfter ?? '120');
      res.end();
      return;
    }
    if (req.headers['if-none-match'] === feed.etag) {
      res.statusCode = 304;
      res.end();
      return;
    }
    res.setHeader('etag', feed.etag);
    res.setHeader('content-type', 'application/rss+xml');
    res.end(rss(feed.items));
  });
  const clock = manualClock('2023-09-30T12:00:00Z');
  const app = createApp({ db: ':memory:', clock });
  const state = createSourceState(app.store.db);
  const calls: { articles: readonly ArticleInput[]; quiet: boolean }[] = [];
  const url = `${server.url}/feed.xml`;
  const poller = createFeedPoller({
    feeds: parseFeedsFile(`# test feed\n${url} kosovo\n`),
    state,
    clock,
    logger: silentLogger,
    intervalMs: 60_000,
    fetch: { allowPrivate: true },
    ingest: async (articles, options) => {
      calls.push({ articles, quiet: options.quiet });
      return app.ingester.ingestArticles(articles);
    },
  });
  return { app, state, poller, calls, url, clock, server };
}

describe('feed poller', () => {
  it('takes the first fetch as a quiet baseline, then ingests only new items', async () => {
    const feed = { items: [first], etag: '"v1"' };
    const { poller, calls, url, clock, app } = await setup(feed);
    expect(await poller.poll(url)).toMatchObject({ outcome: 'baseline', added: 1 });
    expect(calls[0]).toMatchObject({ quiet: true });
    expect(calls[0]!.articles[0]!.tags).toContain('kosovo');

    clock.advance(60_000);
    expect(await poller.poll(url)).toMatchObject({ outcome: 'not modified', added: 0 });
    expect(server!.requests.at(-1)!.headers['if-none-match']).toBe('"v1"');

    feed.items = [second, first];
    feed.etag = '"v2"';
    clock.advance(60_000);
    expect(await poller.poll(url)).toMatchObject({ outcome: 'new items', added: 1 });
    expect(calls.at(-1)!.quiet).toBe(false);
    expect(calls.at(-1)!.articles.map((article) => article.title)).toEqual([second.title]);
    expect(app.store.count()).toBe(2);
  });

  it('polls only feeds that are due', async () => {
    const { poller, clock } = await setup({ items: [first], etag: '"v1"' });
    expect(await poller.pollDue()).toHaveLength(1);
    expect(await poller.pollDue()).toHaveLength(0);
    clock.advance(60_000);
    expect(await poller.pollDue()).toHaveLength(1);
  });

  it('backs off a failing feed, honouring Retry-After, and records the failure', async () => {
    const { poller, url, state, clock } = await setup({ items: [], etag: 'x', status: 503 });
    expect(await poller.poll(url)).toMatchObject({ outcome: 'failed', error: 'HTTP 503' });
    const feed = state.feed(url)!;
    expect(feed.failures).toBe(1);
    expect(feed.nextPollAt).toBeGreaterThanOrEqual(clock.ms() + 120_000);
    expect(feed.lastError).toBe('HTTP 503');
    expect(feed.lastSuccess).toBeNull();
  });

  it.each(['1e308', 'Fri, 31 Dec 9999 23:59:59 GMT'])(
    'clamps a Retry-After of %s like the backoff, so the feed is polled again',
    async (retryAfter) => {
      const { poller, url, state, clock } = await setup({
        items: [],
        etag: 'x',
        status: 429,
        retryAfter,
      });
      await poller.poll(url);
      const nextPollAt = state.feed(url)!.nextPollAt;
      expect(Number.isFinite(nextPollAt)).toBe(true);
      expect(nextPollAt).toBeLessThanOrEqual(clock.ms() + 60 * 60_000);
      clock.advance(60 * 60_000);
      expect(await poller.pollDue()).toHaveLength(1);
    },
  );

  it('polls a feed whose stored next poll time is infinite (left by an older version)', async () => {
    const { poller, url, app } = await setup({ items: [first], etag: '"v1"' });
    app.store.db.prepare('UPDATE feeds SET next_poll_at = 9e999 WHERE url = ?').run(url);
    expect(await poller.pollDue()).toHaveLength(1);
  });

  it('reads Atom and JSON Feed documents too', async () => {
    const { parseFeedDocument } = await import('../../src/corpus/feed-items.ts');
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title><id>x</id><updated>2023-09-30T00:00:00Z</updated>
      <entry><title>Karabakh ceasefire holds</title><id>e1</id><link href="https://example.org/e1"/><published>2023-09-21T09:00:00Z</published><summary>The ceasefire held overnight.</summary></entry></feed>`;
    const parsed = parseFeedDocument(atom, 'atom', '2023-09-30T00:00:00Z');
    expect(parsed.items[0]).toMatchObject({
      key: 'e1',
      summaryOnly: true,
      article: {
        title: 'Karabakh ceasefire holds',
        url: 'https://example.org/e1',
        outlet: 'Atom Wire',
        published: '2023-09-21T09:00:00.000Z',
      },
    });
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'JSON Wire',
      items: [
        {
          id: 'j1',
          url: 'https://example.org/j1',
          title: 'Talks resume',
          content_text: 'Talks resumed in Brussels.',
          date_published: '2023-09-22T09:00:00Z',
        },
      ],
    });
    expect(parseFeedDocument(json, 'json', '2023-09-30T00:00:00Z').items[0]!.article.body).toBe(
      'Talks resumed in Brussels.',
    );
  });

  it('refuses a feeds file line that is not an http(s) URL, naming the line', () => {
    expect(() => parseFeedsFile('https://ok.example/rss\nftp://bad.example/rss')).toThrow(/line 2/);
  });
});
