import { afterEach, describe, expect, it } from 'vitest';
import type { ArticleInput } from '../../src/corpus/article.ts';
import type { IngestReport } from '../../src/corpus/ingest.ts';
import { openDatabase } from '../../src/corpus/store/database.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { createFeedPoller, type FeedPollerOptions } from '../../src/sources/feed-poller.ts';
import { sourceMigrations } from '../../src/sources/migrations.ts';
import { createSourceState } from '../../src/sources/source-state.ts';
import { startServer, type TestServer } from '../fakes/http-server.ts';
import { manualClock } from '../fakes/manual-clock.ts';
import { rss } from '../fakes/rss.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const items = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => ({
    guid: `item-${from + i}`,
    title: `Shelling reported near checkpoint ${from + i}`,
    body: `Short summary ${from + i}.`,
    date: new Date(Date.UTC(2023, 8, 1) + (from + i) * 60_000).toISOString(),
  }));

/**
 * A store stand-in that records what it is given: every article is added unless `refuse` names
 * its origin, which then fails as a full disk would.
 */
function recordingIngest(refuse = new Set<string>()) {
  const calls: { titles: string[]; quiet: boolean }[] = [];
  const ingest = async (articles: readonly ArticleInput[], { quiet }: { quiet: boolean }) => {
    calls.push({ titles: articles.map((article) => article.title), quiet });
    const report: IngestReport = { added: [], duplicates: [], failed: [] };
    for (const article of articles) {
      if (refuse.has(article.origin))
        report.failed.push({
          origin: article.origin,
          reason: 'not stored: disk full',
          retry: true,
        });
      else report.added.push({ ...article, id: article.origin, ingested: '2023-09-30T12:00:00Z' });
    }
    return report;
  };
  return { calls, ingest };
}

async function setup(
  feed: { items: ReturnType<typeof items>; etag: string },
  options: Partial<FeedPollerOptions> & { refuse?: Set<string> } = {},
) {
  server = await startServer((req, res) => {
    if (req.headers['if-none-match'] === feed.etag) {
      res.statusCode = 304;
      res.end();
      return;
    }
    res.setHeader('etag', feed.etag);
    res.end(rss(feed.items));
  });
  const clock = manualClock('2023-09-30T12:00:00Z');
  const state = createSourceState(openDatabase(':memory:', sourceMigrations));
  const recorded = recordingIngest(options.refuse);
  const url = `${server.url}/feed.xml`;
  const poller = createFeedPoller({
    feeds: [{ url, topics: [] }],
    state,
    clock,
    logger: silentLogger,
    intervalMs: 60_000,
    fetch: { allowPrivate: true },
    ingest: recorded.ingest,
    ...options,
  });
  return { poller, state, clock, url, calls: recorded.calls };
}

describe('feed polls within budgets', () => {
  it('takes at most itemsPerPoll new items per poll, the rest on the next polls, still quietly', async () => {
    const feed = { items: items(8), etag: '"v1"' };
    const { poller, url, calls, clock, state } = await setup(feed, { itemsPerPoll: 3 });
    expect(await poller.poll(url)).toMatchObject({ outcome: 'baseline', added: 3, waiting: 5 });
    expect(state.feed(url)!.nextPollAt).toBeLessThan(clock.ms() + 60_000);
    clock.advance(15_000);
    expect(await poller.pollDue()).toMatchObject([{ added: 3, waiting: 2 }]);
    clock.advance(15_000);
    expect(await poller.pollDue()).toMatchObject([{ added: 2 }]);
    expect(calls.map((call) => call.quiet)).toEqual([true, true, true]);
    expect(new Set(calls.flatMap((call) => call.titles)).size).toBe(8);
    // The items the feed lists first (feeds list the newest first) are taken first; each poll
    // stores its own in reverse feed order, oldest first.
    expect(calls[0]!.titles).toEqual(
      items(3)
        .map((item) => item.title)
        .reverse(),
    );
    feed.items = [...items(1, 100), ...feed.items];
    feed.etag = '"v2"';
    clock.advance(60_000);
    expect(await poller.pollDue()).toMatchObject([{ outcome: 'new items', added: 1 }]);
    expect(calls.at(-1)).toEqual({ titles: [items(1, 100)[0]!.title], quiet: false });
  });

  it('keeps the seen keys of every item a long feed lists, so none comes back as new', async () => {
    const feed = { items: items(2050), etag: '"v1"' };
    const { poller, url, clock } = await setup(feed, { itemsPerPoll: 5000 });
    expect(await poller.poll(url)).toMatchObject({ outcome: 'baseline', added: 2050 });
    feed.etag = '"v2"';
    clock.advance(60_000);
    expect(await poller.poll(url)).toMatchObject({ outcome: 'no new items', added: 0 });
  });

  it('does not mark an item seen until it is stored, and tries it again on the next poll', async () => {
    const feed = { items: items(3), etag: '"v1"' };
    const refuse = new Set(['https://example.org/item-1']);
    const { poller, url, clock, calls } = await setup(feed, { refuse });
    expect(await poller.poll(url)).toMatchObject({ added: 2, waiting: 1 });
    refuse.clear();
    clock.advance(60_000);
    // Same document (same ETag): the poll must not be answered "not modified".
    expect(await poller.poll(url)).toMatchObject({ added: 1 });
    expect(calls.at(-1)!.titles).toEqual([items(3)[1]!.title]);
    clock.advance(60_000);
    expect(await poller.poll(url)).toMatchObject({ outcome: 'not modified' });
  });

  it('fetches at most pagesPerPoll linked pages, pageConcurrency at a time', async () => {
    let open = 0;
    let mostOpen = 0;
    let pages = 0;
    const feed = { items: items(30), etag: '"v1"' };
    server = await startServer((req, res) => {
      if (req.url === '/feed.xml') {
        res.end(
          rss(feed.items.map((item) => ({ ...item, link: `${server!.url}/page/${item.guid}` }))),
        );
        return;
      }
      pages++;
      open++;
      mostOpen = Math.max(mostOpen, open);
      setImmediate(() => {
        open--;
        res.end('<html><body><p>Too short to use.</p></body></html>');
      });
    });
    const state = createSourceState(openDatabase(':memory:', sourceMigrations));
    state.configureFeeds([{ url: `${server.url}/feed.xml`, topics: [] }]);
    state.recordSuccess(`${server.url}/feed.xml`, new Date(0), {
      etag: null,
      lastModified: null,
      added: 0,
      nextPollAt: 0,
    });
    const poller = createFeedPoller({
      feeds: [{ url: `${server.url}/feed.xml`, topics: [] }],
      state,
      clock: manualClock(),
      logger: silentLogger,
      intervalMs: 60_000,
      fetch: { allowPrivate: true },
      fetchPages: true,
      budget: { pagesPerPoll: 5, pageConcurrency: 2 },
      ingest: recordingIngest().ingest,
    });
    expect(await poller.poll(`${server.url}/feed.xml`)).toMatchObject({ added: 30 });
    expect(pages).toBe(5);
    expect(mostOpen).toBeLessThanOrEqual(2);
  });

  it('stop() aborts a fetch in flight instead of waiting for its deadline', async () => {
    let asked: () => void = () => {};
    const requested = new Promise<void>((resolve) => (asked = resolve));
    server = await startServer(() => asked());
    const state = createSourceState(openDatabase(':memory:', sourceMigrations));
    const poller = createFeedPoller({
      feeds: [{ url: `${server.url}/slow.xml`, topics: [] }],
      state,
      clock: manualClock(),
      logger: silentLogger,
      intervalMs: 60_000,
      fetch: { allowPrivate: true, timeoutMs: 120_000 },
      ingest: recordingIngest().ingest,
    });
    poller.start();
    await requested;
    await poller.stop();
    // A stop is not the feed's fault: no failure is recorded against it.
    expect(state.feed(`${server.url}/slow.xml`)!.failures).toBe(0);
  });
});
