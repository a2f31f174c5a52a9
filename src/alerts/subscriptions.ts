import type { Database, Statement } from 'better-sqlite3';
import type { Platform } from '../core/invocation.ts';

/** Where a subscription delivers: one channel (or chat) on one platform. */
export interface ChannelKey {
  platform: Platform;
  channelId: string;
}

export type DigestMode = 'off' | 'daily';

export interface Subscription extends ChannelKey {
  /** A known topic key (`kosovo`); matching is on keys only, never on free words. */
  topic: string;
  minLevel: number;
  digest: DigestMode;
  created: string;
  lastDigest: string | null;
}

/** Per-channel state: snooze, time zone for digests, and delivery health. */
export interface ChannelState extends ChannelKey {
  snoozedUntil: string | null;
  timeZone: string | null;
  /** Forum topic or thread the channel's alerts are posted in (set where /subscribe was run). */
  threadId: string | null;
  failures: number;
  pausedReason: string | null;
}

export interface Subscriptions {
  /** Adds or replaces the channel's subscription to a topic. Returns true when it was new. */
  upsert(subscription: Omit<Subscription, 'lastDigest'>): boolean;
  remove(channel: ChannelKey, topic: string): boolean;
  removeAll(channel: ChannelKey): number;
  list(channel: ChannelKey): Subscription[];
  /** Every subscription on one of the topics whose channel is not paused or snoozed at `now`. */
  activeFor(topics: readonly string[], now: Date): Subscription[];
  /** Daily-digest subscriptions of channels that are not paused. */
  digests(): Subscription[];
  markDigest(channel: ChannelKey, topic: string, at: string): void;
  channel(channel: ChannelKey): ChannelState;
  snooze(channel: ChannelKey, until: string | null): void;
  setTimeZone(channel: ChannelKey, zone: string | null): void;
  setThread(channel: ChannelKey, threadId: string | null): void;
  /** Counts one failed delivery; returns the channel's consecutive failures. */
  recordFailure(channel: ChannelKey): number;
  recordSuccess(channel: ChannelKey): void;
  /** Stops every alert to the channel until a manager subscribes again. */
  pause(channel: ChannelKey, reason: string, at: string): void;
  isPaused(channel: ChannelKey): boolean;
}

interface SubscriptionRow {
  platform: Platform;
  channel_id: string;
  topic: string;
  min_level: number;
  digest: DigestMode;
  created: string;
  last_digest: string | null;
}

interface ChannelRow {
  platform: Platform;
  channel_id: string;
  snoozed_until: string | null;
  time_zone: string | null;
  thread_id: string | null;
  failures: number;
  paused_reason: string | null;
}

const toSubscription = (row: SubscriptionRow): Subscription => ({
  platform: row.platform,
  channelId: row.channel_id,
  topic: row.topic,
  minLevel: row.min_level,
  digest: row.digest,
  created: row.created,
  lastDigest: row.last_digest,
});

/** Subscriptions and channel settings in the SQLite file (tables from `alertMigrations`). */
export function createSubscriptions(db: Database): Subscriptions {
  const ensureChannel = db.prepare(
    'INSERT OR IGNORE INTO alert_channels (platform, channel_id) VALUES (?, ?)',
  );
  const exists = db.prepare<[string, string, string], { n: number }>(
    'SELECT 1 AS n FROM subscriptions WHERE platform = ? AND channel_id = ? AND topic = ?',
  );
  const upsert = db.prepare(`INSERT INTO subscriptions
      (platform, channel_id, topic, min_level, digest, created)
      VALUES (@platform, @channelId, @topic, @minLevel, @digest, @created)
    ON CONFLICT (platform, channel_id, topic)
      DO UPDATE SET min_level = excluded.min_level, digest = excluded.digest`);
  const unpause = db.prepare(
    'UPDATE alert_channels SET paused_reason = NULL, paused_at = NULL, failures = 0 WHERE platform = ? AND channel_id = ?',
  );
  const remove = db.prepare(
    'DELETE FROM subscriptions WHERE platform = ? AND channel_id = ? AND topic = ?',
  );
  /** `activeFor`'s query for each number of topics, prepared once: it runs on every ingest. */
  const activeQueries = new Map<number, Statement<unknown[], SubscriptionRow>>();
  const removeAll = db.prepare('DELETE FROM subscriptions WHERE platform = ? AND channel_id = ?');
  const list = db.prepare<[string, string], SubscriptionRow>(
    'SELECT * FROM subscriptions WHERE platform = ? AND channel_id = ? ORDER BY topic',
  );
  const digests = db.prepare<[], SubscriptionRow>(`SELECT s.* FROM subscriptions s
      LEFT JOIN alert_channels c ON c.platform = s.platform AND c.channel_id = s.channel_id
      WHERE s.digest = 'daily' AND c.paused_reason IS NULL`);
  const markDigest = db.prepare(
    'UPDATE subscriptions SET last_digest = ? WHERE platform = ? AND channel_id = ? AND topic = ?',
  );
  const channelRow = db.prepare<[string, string], ChannelRow>(
    'SELECT * FROM alert_channels WHERE platform = ? AND channel_id = ?',
  );
  const snooze = db.prepare(
    'UPDATE alert_channels SET snoozed_until = ? WHERE platform = ? AND channel_id = ?',
  );
  const zone = db.prepare(
    'UPDATE alert_channels SET time_zone = ? WHERE platform = ? AND channel_id = ?',
  );
  const thread = db.prepare(
    'UPDATE alert_channels SET thread_id = ? WHERE platform = ? AND channel_id = ?',
  );
  const fail = db.prepare<[string, string], { failures: number }>(
    'UPDATE alert_channels SET failures = failures + 1 WHERE platform = ? AND channel_id = ? RETURNING failures',
  );
  const succeed = db.prepare(
    'UPDATE alert_channels SET failures = 0 WHERE platform = ? AND channel_id = ? AND failures > 0',
  );
  const pause = db.prepare(
    'UPDATE alert_channels SET paused_reason = ?, paused_at = ? WHERE platform = ? AND channel_id = ?',
  );

  const channelState = (key: ChannelKey): ChannelState => {
    ensureChannel.run(key.platform, key.channelId);
    const row = channelRow.get(key.platform, key.channelId)!;
    return {
      platform: row.platform,
      channelId: row.channel_id,
      snoozedUntil: row.snoozed_until,
      timeZone: row.time_zone,
      threadId: row.thread_id,
      failures: row.failures,
      pausedReason: row.paused_reason,
    };
  };

  return {
    upsert: (subscription) =>
      db.transaction(() => {
        const isNew = !exists.get(
          subscription.platform,
          subscription.channelId,
          subscription.topic,
        );
        ensureChannel.run(subscription.platform, subscription.channelId);
        upsert.run(subscription);
        // A manager subscribing again is the way back from a paused channel.
        unpause.run(subscription.platform, subscription.channelId);
        return isNew;
      })(),
    remove: (channel, topic) => remove.run(channel.platform, channel.channelId, topic).changes > 0,
    removeAll: (channel) => removeAll.run(channel.platform, channel.channelId).changes,
    list: (channel) => list.all(channel.platform, channel.channelId).map(toSubscription),
    activeFor(topics, now) {
      if (topics.length === 0) return [];
      let query = activeQueries.get(topics.length);
      if (!query) {
        const marks = topics.map(() => '?').join(', ');
        query = db.prepare<unknown[], SubscriptionRow>(
          `SELECT s.* FROM subscriptions s
            LEFT JOIN alert_channels c ON c.platform = s.platform AND c.channel_id = s.channel_id
            WHERE s.topic IN (${marks}) AND c.paused_reason IS NULL
              AND (c.snoozed_until IS NULL OR c.snoozed_until <= ?)
            ORDER BY s.platform, s.channel_id, s.min_level`,
        );
        activeQueries.set(topics.length, query);
      }
      return query.all(...topics, now.toISOString()).map(toSubscription);
    },
    digests: () => digests.all().map(toSubscription),
    markDigest: (channel, topic, at) => {
      markDigest.run(at, channel.platform, channel.channelId, topic);
    },
    channel: channelState,
    snooze: (channel, until) => {
      ensureChannel.run(channel.platform, channel.channelId);
      snooze.run(until, channel.platform, channel.channelId);
    },
    setTimeZone: (channel, value) => {
      ensureChannel.run(channel.platform, channel.channelId);
      zone.run(value, channel.platform, channel.channelId);
    },
    setThread: (channel, value) => {
      ensureChannel.run(channel.platform, channel.channelId);
      thread.run(value, channel.platform, channel.channelId);
    },
    recordFailure: (channel) => {
      ensureChannel.run(channel.platform, channel.channelId);
      return fail.get(channel.platform, channel.channelId)?.failures ?? 1;
    },
    recordSuccess: (channel) => {
      succeed.run(channel.platform, channel.channelId);
    },
    pause: (channel, reason, at) => {
      ensureChannel.run(channel.platform, channel.channelId);
      pause.run(reason, at, channel.platform, channel.channelId);
    },
    isPaused: (channel) => channelState(channel).pausedReason !== null,
  };
}
