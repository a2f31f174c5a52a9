import type { ArticleInput } from '../corpus/article.ts';
import type { IngestReport } from '../corpus/ingest.ts';
import { parseHtmlArticle } from '../corpus/parse/html.ts';
import { ParseError } from '../corpus/parse/parse-error.ts';
import type { Clock } from '../core/clock.ts';
import type { Logger } from '../core/logger.ts';
import { decodeFeed } from './feed-encoding.ts';
import { parseFeedDocument, type FeedItem } from './feed-items.ts';
import type { FeedConfig } from './feeds-file.ts';
import { FetchError, safeFetch, type SafeFetchOptions } from './safe-fetch.ts';
import type { SourceState } from './source-state.ts';

/** Ingests articles; `quiet` ingests without alerting (a feed's baseline). */
export type FeedIngest = (
  articles: readonly ArticleInput[],
  options: { quiet: boolean },
) => IngestReport;

export interface FeedPollerOptions {
  feeds: readonly FeedConfig[];
  state: SourceState;
  ingest: FeedIngest;
  clock: Clock;
  logger: Logger;
  /** Time between polls of a healthy feed. */
  intervalMs: number;
  fetch?: Pick<SafeFetchOptions, 'allowPrivate' | 'timeoutMs' | 'maxBytes'>;
  /** Fetch and extract the linked page of items that carry only a summary. */
  fetchPages?: boolean;
}

export interface PollResult {
  url: string;
  outcome: 'baseline' | 'new items' | 'not modified' | 'no new items' | 'failed';
  added: number;
  error?: string;
}

export interface FeedPoller {
  /** Polls one feed now. */
  poll(url: string): Promise<PollResult>;
  /** Polls every feed whose next poll time has come. */
  pollDue(): Promise<PollResult[]>;
  start(): void;
  stop(): Promise<void>;
}

const MAX_BACKOFF_MS = 60 * 60_000;
const TICK_MS = 1000;

function retryAfterMs(header: string | undefined, now: number): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/**
 * Polls RSS, Atom and JSON feeds: conditional GET (ETag, Last-Modified), the first successful
 * fetch of a feed taken as a baseline (its items are stored but alert nobody), new items
 * ingested in order, exponential backoff per failing feed (honouring Retry-After), and the
 * state kept in SQLite so a restart neither re-alerts old items nor forgets a failing feed.
 */
export function createFeedPoller(options: FeedPollerOptions): FeedPoller {
  const { state, clock, logger, intervalMs } = options;
  const fetchOptions = { timeoutMs: 15_000, ...options.fetch };
  state.configureFeeds(options.feeds);
  const topicsOf = new Map(options.feeds.map((feed) => [feed.url, feed.topics]));

  async function withPage(item: FeedItem): Promise<ArticleInput> {
    if (!options.fetchPages || !item.summaryOnly || !item.article.url) return item.article;
    try {
      const page = await safeFetch(item.article.url, fetchOptions);
      if (page.status !== 200) return item.article;
      const extracted = parseHtmlArticle(
        page.body.toString('utf8'),
        item.article.url,
        item.article.published,
      );
      if (extracted.body.length <= item.article.body.length) return item.article;
      return { ...item.article, body: extracted.body };
    } catch (error) {
      if (!(error instanceof FetchError) && !(error instanceof ParseError)) throw error;
      logger.debug({ url: item.article.url, reason: error.message }, 'linked page not used');
      return item.article;
    }
  }

  const inFlight = new Map<string, Promise<PollResult>>();

  /** One poll per feed at a time: a second request joins the poll in progress. */
  function poll(url: string): Promise<PollResult> {
    const running = inFlight.get(url);
    if (running) return running;
    const started = pollOnce(url).finally(() => inFlight.delete(url));
    inFlight.set(url, started);
    return started;
  }

  async function pollOnce(url: string): Promise<PollResult> {
    const feed = state.feed(url);
    const at = clock.now();
    const fail = (reason: string, waitMs?: number): PollResult => {
      const failures = (feed?.failures ?? 0) + 1;
      const backoff = intervalMs * 2 ** failures;
      // A server's Retry-After is honoured up to the longest backoff: `1e308` or a date in the
      // year 9999 must not park the feed forever.
      const wait = Math.min(MAX_BACKOFF_MS, Math.max(waitMs ?? 0, backoff));
      state.recordFailure(url, at, reason, at.getTime() + wait);
      logger.warn({ feed: url, failures, reason }, 'feed poll failed');
      return { url, outcome: 'failed', added: 0, error: reason };
    };
    const headers: Record<string, string> = {
      accept:
        'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5',
    };
    if (feed?.etag) headers['if-none-match'] = feed.etag;
    if (feed?.lastModified) headers['if-modified-since'] = feed.lastModified;
    let response;
    try {
      response = await safeFetch(url, { ...fetchOptions, headers });
    } catch (error) {
      if (error instanceof FetchError) return fail(`${error.kind}: ${error.message}`);
      throw error;
    }
    const next = at.getTime() + intervalMs;
    if (response.status === 304) {
      state.recordSuccess(url, at, {
        etag: feed?.etag ?? null,
        lastModified: feed?.lastModified ?? null,
        added: 0,
        nextPollAt: next,
      });
      return { url, outcome: 'not modified', added: 0 };
    }
    if (response.status !== 200) {
      const header = response.headers['retry-after'];
      return fail(
        `HTTP ${response.status}`,
        retryAfterMs(Array.isArray(header) ? header[0] : header, at.getTime()) ?? undefined,
      );
    }
    let parsed;
    try {
      parsed = parseFeedDocument(
        decodeFeed(response.body, response.headers['content-type']),
        url,
        at.toISOString(),
        topicsOf.get(url) ?? [],
      );
    } catch (error) {
      if (error instanceof ParseError) return fail(error.message);
      throw error;
    }
    const baseline = !(feed?.baselineDone ?? false);
    const fresh = new Set(
      state.unseen(
        url,
        parsed.items.map((item) => item.key),
      ),
    );
    const items = parsed.items.filter((item) => fresh.has(item.key)).reverse();
    const articles = baseline
      ? items.map((item) => item.article)
      : await Promise.all(items.map(withPage));
    const report = options.ingest(articles, { quiet: baseline });
    state.markSeen(
      url,
      items.map((item) => item.key),
      at,
    );
    const etag = response.headers.etag ?? null;
    const lastModified = response.headers['last-modified'] ?? null;
    state.recordSuccess(url, at, {
      etag,
      lastModified,
      added: report.added.length,
      nextPollAt: next,
    });
    const outcome = baseline ? 'baseline' : items.length > 0 ? 'new items' : 'no new items';
    if (report.added.length > 0)
      logger.info({ feed: url, added: report.added.length, outcome }, 'feed polled');
    return { url, outcome, added: report.added.length };
  }

  let timer: NodeJS.Timeout | null = null;
  let ticking: Promise<unknown> = Promise.resolve();
  let stopped = true;

  async function pollDue(): Promise<PollResult[]> {
    const now = clock.now().getTime();
    const due = state.feeds({ activeOnly: true }).filter((feed) => feed.nextPollAt <= now);
    return Promise.all(due.map((feed) => poll(feed.url)));
  }

  const tick = () => {
    if (stopped) return;
    ticking = pollDue()
      .catch((error: unknown) => logger.error({ err: error }, 'feed polling failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, TICK_MS);
      });
  };

  return {
    poll,
    pollDue,
    start() {
      if (!stopped) return;
      stopped = false;
      tick();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await ticking;
    },
  };
}
