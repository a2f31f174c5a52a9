import type { FeedState, InboxEntry } from './source-state.ts';
import { plural } from '../core/plural.ts';

/** A feed with no successful fetch for this long is stale. */
export const STALE_AFTER_MS = 60 * 60_000;
/** Consecutive failures after which a feed counts as failing, however recent its last success. */
export const FAILING_AFTER = 3;

export interface FeedHealth {
  url: string;
  state: 'ok' | 'failing' | 'stale' | 'never fetched';
  lastSuccess: string | null;
  lastFailure: string | null;
  lastError: string | null;
  failures: number;
}

export interface IngestHealth {
  feeds: FeedHealth[];
  /** True when the live sources cannot be trusted to bring news in. */
  failing: boolean;
  /** One sentence saying why, for `/status` and anything else that must not mistake an outage for a quiet day. */
  problem: string | null;
}

/**
 * Judges the live sources: each feed's state, and whether ingestion as a whole is failing.
 * `lastIngested` (when the newest article was stored) tells failed inbox files during a busy
 * ingest apart from an inbox that has stopped working.
 */
export function ingestHealth(
  feeds: readonly FeedState[],
  recentInbox: readonly InboxEntry[],
  now: Date,
  lastIngested: string | null = null,
): IngestHealth {
  const health = feeds.map((feed): FeedHealth => {
    const sinceSuccess = feed.lastSuccess ? now.getTime() - Date.parse(feed.lastSuccess) : null;
    let state: FeedHealth['state'] = 'ok';
    if (feed.failures >= FAILING_AFTER) state = 'failing';
    else if (sinceSuccess === null) state = feed.lastAttempt ? 'failing' : 'never fetched';
    else if (sinceSuccess > STALE_AFTER_MS) state = 'stale';
    return {
      url: feed.url,
      state,
      lastSuccess: feed.lastSuccess,
      lastFailure: feed.lastFailure,
      lastError: feed.lastError,
      failures: feed.failures,
    };
  });
  const bad = health.filter((feed) => feed.state === 'failing' || feed.state === 'stale');
  const lastThree = recentInbox.slice(0, 3);
  const inboxFailing =
    lastThree.length === 3 &&
    lastThree.every((entry) => entry.outcome === 'failed') &&
    !(lastIngested && Date.parse(lastIngested) > Date.parse(lastThree[2]!.at));
  const kept = recentInbox[0]?.outcome === 'kept' ? recentInbox[0] : null;
  const problems: string[] = [];
  if (bad.length > 0 && bad.length === health.length) {
    const since = bad
      .map((feed) => feed.lastSuccess)
      .filter((value): value is string => value !== null)
      .sort()
      .at(-1);
    problems.push(
      `every feed is failing or stale${since ? ` (no new items since ${since.slice(0, 16).replace('T', ' ')} UTC)` : ''}`,
    );
  } else if (bad.length > 0) {
    problems.push(
      `${bad.length} of ${plural(health.length, 'feed')} ${bad.length === 1 ? 'is' : 'are'} failing or stale`,
    );
  }
  if (inboxFailing) problems.push('the last inbox files all failed to ingest');
  if (kept)
    problems.push(
      `inbox file ${kept.file} is kept for a retry: ${kept.added} articles stored, the rest not (${(kept.reason ?? '').slice(0, 200)})`,
    );
  return {
    feeds: health,
    failing: problems.length > 0,
    problem: problems.length > 0 ? `Ingestion problem: ${problems.join('; ')}.` : null,
  };
}
