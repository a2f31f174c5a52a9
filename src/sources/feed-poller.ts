import { setMaxListeners } from 'node:events';
import type { ArticleInput } from '../corpus/article.ts';
import type { IngestReport } from '../corpus/ingest.ts';
import { parseHtmlArticle } from '../corpus/parse/html.ts';
import { ParseError } from '../corpus/parse/parse-error.ts';
import type { Clock } from '../core/clock.ts';
import type { Logger } from '../core/logger.ts';
import { decodeFeed } from './feed-encoding.ts';
import {
  listFeed,
  type FeedItem,
  type FeedListing,
  type FeedRequest,
} from '../corpus/feed-items.ts';
import type { FeedConfig } from './feeds-file.ts';
import { FetchError, safeFetch, type SafeFetchOptions } from './safe-fetch.ts';
import type { SourceState } from './source-state.ts';

/** Ingests articles; `quiet` ingests without alerting (a feed's baseline); `signal` stops it. */
export type FeedIngest = (
  articles: readonly ArticleInput[],
  options: { quiet: boolean; signal: AbortSignal },
) => Promise<IngestReport>;

/** Reads a feed document: on an analysis thread (`AnalysisPool.readFeed`), or here. */
export type FeedReader = (request: FeedRequest) => Promise<FeedListing>;

/** What one poll, and all polls at once, may fetch. */
export interface FetchBudget {
  /** Feeds fetched at once. */
  feedConcurrency: number;
  /** Linked pages fetched at once, over all feeds. */
  pageConcurrency: number;
  /** Linked pages fetched by one poll of one feed. */
  pagesPerPoll: number;
  /** Largest linked page. */
  pageBytes: number;
  /** Bytes of linked pages one poll of one feed may fetch. */
  bytesPerPoll: number;
}

export const DEFAULT_BUDGET: FetchBudget = {
  feedConcurrency: 4,
  pageConcurrency: 4,
  pagesPerPoll: 20,
  pageBytes: 2 * 1024 * 1024,
  bytesPerPoll: 16 * 1024 * 1024,
};

/** New items taken by one poll; the rest wait for the next polls, which come sooner. */
export const DEFAULT_ITEMS_PER_POLL = 200;
/** The wait before the next poll of a feed that still lists items not taken. */
const BACKLOG_POLL_MS = 15_000;
/** Keys looked up per query, with a turn of the event loop between. */
const KEYS_PER_SLICE = 2000;

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
  /** Where feed documents are parsed (default: on this thread). */
  read?: FeedReader;
  budget?: Partial<FetchBudget>;
  itemsPerPoll?: number;
}

export interface PollResult {
  url: string;
  outcome: 'baseline' | 'new items' | 'not modified' | 'no new items' | 'failed' | 'stopped';
  added: number;
  /** New items the feed lists that this poll left for the next ones. */
  waiting?: number;
  error?: string;
}

export interface FeedPoller {
  /** Polls one feed now. */
  poll(url: string): Promise<PollResult>;
  /** Polls every feed whose next poll time has come. */
  pollDue(): Promise<PollResult[]>;
  start(): void;
  /** Stops polling; fetches in flight are aborted. */
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

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The work's result, or null as soon as `signal` aborts: a feed being parsed on a thread
 * cannot be interrupted, but a stop need not wait for it.
 */
function unlessStopped<T>(work: Promise<T>, signal: AbortSignal): Promise<T | null> {
  if (signal.aborted) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const stop = () => resolve(null);
    signal.addEventListener('abort', stop, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', stop);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', stop);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Runs at most `limit` tasks at once; the others wait their turn. */
function createLimiter(limit: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

/**
 * Polls RSS, Atom and JSON feeds: conditional GET (ETag, Last-Modified), the first successful
 * fetch of a feed taken as a baseline (its items are stored but alert nobody), new items
 * ingested in order, exponential backoff per failing feed (honouring Retry-After), and the
 * state kept in SQLite so a restart neither re-alerts old items nor forgets a failing feed.
 *
 * A hostile or huge feed cannot hold the bot: the document is parsed where `read` says (an
 * analysis thread), at most `itemsPerPoll` new items are taken per poll (the rest on the next
 * polls), linked pages are fetched within a budget, an item is only marked seen once stored
 * (so one that could not be is tried again), and `stop` aborts every fetch in flight.
 */
export function createFeedPoller(options: FeedPollerOptions): FeedPoller {
  const { state, clock, logger, intervalMs } = options;
  const budget = { ...DEFAULT_BUDGET, ...options.budget };
  const itemsPerPoll = options.itemsPerPoll ?? DEFAULT_ITEMS_PER_POLL;
  const read: FeedReader = options.read ?? (async (request) => listFeed(request));
  const fetchOptions = { timeoutMs: 15_000, ...options.fetch };
  state.configureFeeds(options.feeds);
  const topicsOf = new Map(options.feeds.map((feed) => [feed.url, feed.topics]));
  let aborter = new AbortController();
  // Every fetch of a poll listens to the one stop signal.
  setMaxListeners(0, aborter.signal);
  const feedSlot = createLimiter(budget.feedConcurrency);
  const pageSlot = createLimiter(budget.pageConcurrency);

  /** Takes the linked pages of summary-only items, within the poll's page budget. */
  async function withPages(items: readonly FeedItem[]): Promise<ArticleInput[]> {
    let pages = 0;
    let bytes = 0;
    const signal = aborter.signal;
    return Promise.all(
      items.map(async (item) => {
        if (!options.fetchPages || !item.summaryOnly || !item.article.url) return item.article;
        if (pages >= budget.pagesPerPoll) return item.article;
        pages++;
        const url = item.article.url;
        try {
          const page = await pageSlot(() => {
            if (bytes >= budget.bytesPerPoll || signal.aborted) return Promise.resolve(null);
            const maxBytes = Math.min(budget.pageBytes, budget.bytesPerPoll - bytes);
            return safeFetch(url, { ...fetchOptions, maxBytes, signal });
          });
          if (!page) return item.article;
          bytes += page.body.length;
          if (page.status !== 200) return item.article;
          const extracted = parseHtmlArticle(
            page.body.toString('utf8'),
            url,
            item.article.published,
          );
          if (extracted.body.length <= item.article.body.length) return item.article;
          return { ...item.article, body: extracted.body };
        } catch (error) {
          if (!(error instanceof FetchError) && !(error instanceof ParseError)) throw error;
          logger.debug({ url, reason: error.message }, 'linked page not used');
          return item.article;
        }
      }),
    );
  }

  /** The indexes (in feed order) of items not seen before, the first key of each only. */
  async function unseenIndexes(
    url: string,
    keys: readonly string[],
    signal: AbortSignal,
  ): Promise<number[]> {
    const first = new Map<string, number>();
    keys.forEach((key, index) => {
      if (!first.has(key)) first.set(key, index);
    });
    const unique = [...first.keys()];
    const fresh: number[] = [];
    for (let start = 0; start < unique.length && !signal.aborted; start += KEYS_PER_SLICE) {
      if (start > 0) await nextTurn();
      for (const key of state.unseen(url, unique.slice(start, start + KEYS_PER_SLICE)))
        fresh.push(first.get(key)!);
    }
    return fresh.sort((a, b) => a - b);
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
    const signal = aborter.signal;
    const feed = state.feed(url);
    const at = clock.now();
    const stopped: PollResult = { url, outcome: 'stopped', added: 0 };
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
      response = await feedSlot(() => {
        if (signal.aborted) throw new FetchError('aborted', 'stopped');
        return safeFetch(url, { ...fetchOptions, headers, signal });
      });
    } catch (error) {
      if (error instanceof FetchError)
        return error.kind === 'aborted' ? stopped : fail(`${error.kind}: ${error.message}`);
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
    const request = {
      text: decodeFeed(response.body, response.headers['content-type']),
      origin: url,
      fallbackDate: at.toISOString(),
      topics: topicsOf.get(url) ?? [],
    };
    const listing = await unlessStopped(read({ ...request, pick: [] }), signal);
    if (!listing) return stopped;
    if (listing.refused) return fail(listing.refused);
    const fresh = await unseenIndexes(url, listing.keys, signal);
    const pick = fresh.slice(0, itemsPerPoll);
    const picked = pick.length > 0 ? await unlessStopped(read({ ...request, pick }), signal) : null;
    if (signal.aborted) return stopped;
    const items = picked ? picked.items.reverse() : [];
    const baseline = !(feed?.baselineDone ?? false);
    const articles = baseline ? items.map((item) => item.article) : await withPages(items);
    if (signal.aborted) return stopped;
    const report = await options.ingest(articles, { quiet: baseline, signal });
    // An item is seen once its article is stored, found a duplicate, or refused for good; one
    // that could not be stored (or was not reached before a stop) is tried again next poll.
    const done = new Set([
      ...report.added.map((article) => article.origin),
      ...report.duplicates.map((duplicate) => duplicate.origin),
      ...report.failed.filter((failure) => !failure.retry).map((failure) => failure.origin),
    ]);
    const taken = items.filter((item) => done.has(item.article.origin));
    state.markSeen(
      url,
      taken.map((item) => item.key),
      at,
    );
    state.pruneSeen(url, listing.keys);
    const waiting = fresh.length - taken.length;
    // While items wait, the next poll must fetch the whole feed again (no conditional GET),
    // and soon; a baseline is done only once every listed item is in.
    state.recordSuccess(url, at, {
      etag: waiting > 0 ? null : (response.headers.etag ?? null),
      lastModified: waiting > 0 ? null : (response.headers['last-modified'] ?? null),
      added: report.added.length,
      nextPollAt: waiting > 0 ? at.getTime() + Math.min(intervalMs, BACKLOG_POLL_MS) : next,
      baselineDone: waiting === 0,
    });
    const outcome = baseline ? 'baseline' : items.length > 0 ? 'new items' : 'no new items';
    if (report.added.length > 0 || waiting > 0)
      logger.info({ feed: url, added: report.added.length, waiting, outcome }, 'feed polled');
    return { url, outcome, added: report.added.length, ...(waiting > 0 ? { waiting } : {}) };
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
      aborter = new AbortController();
      setMaxListeners(0, aborter.signal);
      tick();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      aborter.abort();
      await ticking;
      await Promise.all(inFlight.values());
    },
  };
}
