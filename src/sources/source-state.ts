import type { Database } from 'better-sqlite3';

/** What sitrep remembers about one feed between polls (and restarts). */
export interface FeedState {
  url: string;
  topics: string[];
  active: boolean;
  etag: string | null;
  lastModified: string | null;
  baselineDone: boolean;
  lastAttempt: string | null;
  lastSuccess: string | null;
  lastFailure: string | null;
  lastError: string | null;
  failures: number;
  nextPollAt: number;
  itemsAdded: number;
}

export interface InboxEntry {
  file: string;
  /** `kept`: some articles were not stored (disk full, database locked); the file is retried. */
  outcome: 'processed' | 'failed' | 'kept';
  added: number;
  reason: string | null;
  at: string;
}

/** Feed and inbox bookkeeping in SQLite, read by the poller, the inbox and `/status`. */
export interface SourceState {
  /** Registers the configured feeds; feeds no longer configured become inactive. */
  configureFeeds(feeds: readonly { url: string; topics: readonly string[] }[]): void;
  feeds(options?: { activeOnly?: boolean }): FeedState[];
  feed(url: string): FeedState | null;
  recordSuccess(
    url: string,
    at: Date,
    result: {
      etag: string | null;
      lastModified: string | null;
      added: number;
      nextPollAt: number;
      /** False while a baseline still has items to take (default true). */
      baselineDone?: boolean;
    },
  ): void;
  recordFailure(url: string, at: Date, reason: string, nextPollAt: number): number;
  /** The keys among `keys` not seen before on this feed. */
  unseen(url: string, keys: readonly string[]): string[];
  /** Remembers item keys. */
  markSeen(url: string, keys: readonly string[], at: Date): void;
  /**
   * Forgets the keys of items a feed no longer lists, beyond the newest few thousand of them:
   * a key is kept as long as its item is listed, or a long feed's old items would come back
   * as new on every poll.
   */
  pruneSeen(url: string, listed: readonly string[]): void;
  logInbox(entry: InboxEntry): void;
  recentInbox(limit: number): InboxEntry[];
}

interface FeedRow {
  url: string;
  topics: string;
  active: number;
  etag: string | null;
  last_modified: string | null;
  baseline_done: number;
  last_attempt: string | null;
  last_success: string | null;
  last_failure: string | null;
  last_error: string | null;
  failures: number;
  next_poll_at: number;
  items_added: number;
}

const toFeed = (row: FeedRow): FeedState => ({
  url: row.url,
  topics: row.topics ? row.topics.split(' ') : [],
  active: row.active === 1,
  etag: row.etag,
  lastModified: row.last_modified,
  baselineDone: row.baseline_done === 1,
  lastAttempt: row.last_attempt,
  lastSuccess: row.last_success,
  lastFailure: row.last_failure,
  lastError: row.last_error,
  failures: row.failures,
  // A non-finite time (stored by an older version from `Retry-After: 1e308`) means "poll now".
  nextPollAt: Number.isFinite(row.next_poll_at) ? row.next_poll_at : 0,
  itemsAdded: row.items_added,
});

/** How many keys of items a feed no longer lists are kept (an item may come back). */
const SEEN_UNLISTED = 2000;

export function createSourceState(db: Database): SourceState {
  const upsertFeed = db.prepare(`INSERT INTO feeds (url, topics, active) VALUES (?, ?, 1)
      ON CONFLICT (url) DO UPDATE SET topics = excluded.topics, active = 1`);
  const deactivate = db.prepare('UPDATE feeds SET active = 0');
  const all = db.prepare<[], FeedRow>('SELECT * FROM feeds ORDER BY url');
  const one = db.prepare<[string], FeedRow>('SELECT * FROM feeds WHERE url = ?');
  const success = db.prepare(`UPDATE feeds SET etag = @etag, last_modified = @lastModified,
      baseline_done = max(baseline_done, @baselineDone), last_attempt = @at, last_success = @at, failures = 0,
      next_poll_at = @nextPollAt, items_added = items_added + @added WHERE url = @url`);
  const failure = db.prepare<[string, string, string, number, string], { failures: number }>(
    `UPDATE feeds SET last_attempt = ?, last_failure = ?, last_error = ?, next_poll_at = ?,
      failures = failures + 1 WHERE url = ? RETURNING failures`,
  );
  const known = db.prepare<[string, string], { n: number }>(
    'SELECT 1 AS n FROM feed_items WHERE feed_url = ? AND item_key = ?',
  );
  const seen = db.prepare(
    'INSERT OR IGNORE INTO feed_items (feed_url, item_key, seen) VALUES (?, ?, ?)',
  );
  const countSeen = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM feed_items WHERE feed_url = ?',
  );
  const prune = db.prepare(`DELETE FROM feed_items WHERE feed_url = @url
      AND item_key NOT IN (SELECT value FROM json_each(@listed))
      AND item_key NOT IN (SELECT item_key FROM feed_items WHERE feed_url = @url
        AND item_key NOT IN (SELECT value FROM json_each(@listed))
        ORDER BY seen DESC LIMIT ${SEEN_UNLISTED})`);
  const log = db.prepare(
    'INSERT INTO inbox_log (file, outcome, added, reason, at) VALUES (@file, @outcome, @added, @reason, @at)',
  );
  const recent = db.prepare<[number], InboxEntry>(
    'SELECT file, outcome, added, reason, at FROM inbox_log ORDER BY id DESC LIMIT ?',
  );

  return {
    configureFeeds: (feeds) =>
      db.transaction(() => {
        deactivate.run();
        for (const feed of feeds) upsertFeed.run(feed.url, feed.topics.join(' '));
      })(),
    feeds: (options = {}) =>
      all
        .all()
        .map(toFeed)
        .filter((feed) => !options.activeOnly || feed.active),
    feed: (url) => {
      const row = one.get(url);
      return row ? toFeed(row) : null;
    },
    recordSuccess: (url, at, { baselineDone = true, ...result }) => {
      success.run({ url, at: at.toISOString(), baselineDone: baselineDone ? 1 : 0, ...result });
    },
    recordFailure: (url, at, reason, nextPollAt) =>
      failure.get(at.toISOString(), at.toISOString(), reason.slice(0, 300), nextPollAt, url)
        ?.failures ?? 1,
    unseen: (url, keys) => keys.filter((key) => !known.get(url, key)),
    markSeen: (url, keys, at) =>
      db.transaction(() => {
        for (const key of keys) seen.run(url, key, at.toISOString());
      })(),
    pruneSeen: (url, listed) => {
      if ((countSeen.get(url)?.n ?? 0) <= listed.length + SEEN_UNLISTED) return;
      prune.run({ url, listed: JSON.stringify(listed) });
    },
    logInbox: (entry) => {
      log.run(entry);
    },
    recentInbox: (limit) => recent.all(limit),
  };
}
