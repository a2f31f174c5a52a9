import type { Database } from 'better-sqlite3';
import type { Platform } from '../core/invocation.ts';
import type { Reply } from '../core/reply.ts';
import type { ChannelKey } from './subscriptions.ts';

export type DeliveryState = 'pending' | 'sending' | 'sent' | 'failed';

/** What a delivery is: a first alert, a higher level, a follow-up, a de-escalation, a digest. */
export type DeliveryKind = 'alert' | 'escalation' | 'follow-up' | 'de-escalation' | 'digest';

export interface NewDelivery extends ChannelKey {
  /**
   * What this message is about, unique per channel (`story:level:4`, `digest:kosovo:2023-09-30`):
   * the outbox holds at most one delivery per key and channel, which is what makes alerts
   * exactly-once per story, level and channel however often the same update is detected.
   */
  key: string;
  storyId: string | null;
  kind: DeliveryKind;
  level: number | null;
  /** The death toll the message reports (alerts on a story), or null. */
  deaths?: number | null;
  reply: Reply;
  /** The outbox id of the story's first alert in this channel, which follow-ups reply to. */
  threadRoot: number | null;
}

export interface Delivery extends NewDelivery {
  id: number;
  deliveryId: string;
  state: DeliveryState;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  messageId: string | null;
  created: string;
}

/** What the outbox already holds for one story in one channel. */
export interface StoryHistory {
  /** The first alert (thread root), or null when the channel never heard of the story. */
  root: number | null;
  /** The highest level alerted so far (0 when none). */
  level: number;
  /** The highest death toll reported so far (0 when none). */
  deaths: number;
  /** Id of the newest alert or escalation, so one de-escalation answers each of them once. */
  lastAlert: number | null;
}

export interface Backlog {
  pending: number;
  sending: number;
  failed: number;
  sent: number;
  /** Creation time of the oldest delivery still pending, or null. */
  oldestPending: string | null;
}

/**
 * The durable outbox: every alert is a row before anything is sent, and moves
 * pending → sending → sent, or back to pending for a retry, or to failed with its reason.
 * The send queue is the only writer of states; detectors and schedulers only `enqueue`.
 */
export interface Outbox {
  /** Adds a delivery unless one with the same key exists in that channel; returns its id or null. */
  enqueue(delivery: NewDelivery, nowMs: number): number | null;
  /**
   * Pending deliveries due at `nowMs`, oldest first, at most one per channel and never one whose
   * channel has an older delivery still pending or in flight (so a channel reads them in order).
   */
  due(platform: Platform, nowMs: number, limit: number): Delivery[];
  /** pending → sending. False when another worker took it first. */
  claim(id: number): boolean;
  markSent(id: number, messageId: string, at: string): void;
  /** sending → pending at `atMs`, remembering why. */
  retryAt(id: number, atMs: number, reason: string): void;
  markFailed(id: number, reason: string): void;
  /** Fails every delivery of the channel that has not been sent yet. */
  failChannel(channel: ChannelKey, reason: string): number;
  /** Deliveries left in `sending` by a process that stopped mid-send. */
  inDoubt(platform: Platform): Delivery[];
  get(id: number): Delivery | null;
  history(channel: ChannelKey, storyId: string): StoryHistory;
  /** First alerts (not follow-ups) the channel was given since `since` (ISO time). */
  alertsSince(channel: ChannelKey, since: string): number;
  /** Earliest `next_attempt_at` of a delivery `due` could return, or null. */
  nextDue(platform: Platform): number | null;
  backlog(): Backlog;
}

interface OutboxRow {
  id: number;
  delivery_id: string;
  platform: Platform;
  channel_id: string;
  story_id: string | null;
  kind: DeliveryKind;
  level: number | null;
  reply: string;
  thread_root: number | null;
  state: DeliveryState;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  message_id: string | null;
  created: string;
}

function toDelivery(row: OutboxRow): Delivery {
  return {
    id: row.id,
    deliveryId: row.delivery_id,
    key: row.delivery_id.slice(`${row.platform}:${row.channel_id}:`.length),
    platform: row.platform,
    channelId: row.channel_id,
    storyId: row.story_id,
    kind: row.kind,
    level: row.level,
    reply: JSON.parse(row.reply) as Reply,
    threadRoot: row.thread_root,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    messageId: row.message_id,
    created: row.created,
  };
}

/** The delivery id the notifier receives: stable per platform, channel and key. */
export function deliveryIdOf(channel: ChannelKey, key: string): string {
  return `${channel.platform}:${channel.channelId}:${key}`;
}

export function createOutbox(db: Database, now: () => Date): Outbox {
  const insert = db.prepare(`INSERT OR IGNORE INTO outbox
      (delivery_id, platform, channel_id, story_id, kind, level, deaths, reply, thread_root,
       state, next_attempt_at, created)
      VALUES (@deliveryId, @platform, @channelId, @storyId, @kind, @level, @deaths, @reply,
       @threadRoot, 'pending', @nextAttemptAt, @created)`);
  const due = db.prepare<[string, number, number], OutboxRow>(`SELECT o.* FROM outbox o
      WHERE o.platform = ? AND o.state = 'pending' AND o.next_attempt_at <= ?
        AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.platform = o.platform
          AND p.channel_id = o.channel_id AND p.state IN ('pending', 'sending') AND p.id < o.id)
      ORDER BY o.next_attempt_at, o.id LIMIT ?`);
  const claim = db.prepare(
    "UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE id = ? AND state = 'pending'",
  );
  const sent = db.prepare(
    "UPDATE outbox SET state = 'sent', message_id = ?, sent_at = ?, last_error = NULL WHERE id = ?",
  );
  const retry = db.prepare(
    "UPDATE outbox SET state = 'pending', next_attempt_at = ?, last_error = ? WHERE id = ?",
  );
  const failed = db.prepare("UPDATE outbox SET state = 'failed', last_error = ? WHERE id = ?");
  const failChannel = db.prepare(`UPDATE outbox SET state = 'failed', last_error = ?
      WHERE platform = ? AND channel_id = ? AND state IN ('pending', 'sending')`);
  const inDoubt = db.prepare<[string], OutboxRow>(
    "SELECT * FROM outbox WHERE platform = ? AND state = 'sending' ORDER BY id",
  );
  const byId = db.prepare<[number], OutboxRow>('SELECT * FROM outbox WHERE id = ?');
  const history = db.prepare<
    [string, string, string],
    { root: number | null; level: number | null; last: number | null; deaths: number | null }
  >(`SELECT min(CASE WHEN kind = 'alert' THEN id END) AS root,
        max(CASE WHEN kind IN ('alert', 'escalation') THEN level END) AS level,
        max(CASE WHEN kind IN ('alert', 'escalation') THEN id END) AS last,
        max(deaths) AS deaths
      FROM outbox WHERE story_id = ? AND platform = ? AND channel_id = ?
        AND kind IN ('alert', 'escalation', 'follow-up')`);
  const alertsSince = db.prepare<[string, string, string], { n: number }>(
    `SELECT count(*) AS n FROM outbox
      WHERE platform = ? AND channel_id = ? AND kind = 'alert' AND created >= ?`,
  );
  const nextDue = db.prepare<[string], { at: number | null }>(
    `SELECT min(o.next_attempt_at) AS at FROM outbox o WHERE o.platform = ? AND o.state = 'pending'
      AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.platform = o.platform
        AND p.channel_id = o.channel_id AND p.state IN ('pending', 'sending') AND p.id < o.id)`,
  );
  const counts = db.prepare<[], { state: DeliveryState; n: number }>(
    'SELECT state, count(*) AS n FROM outbox GROUP BY state',
  );
  const oldest = db.prepare<[], { created: string | null }>(
    "SELECT min(created) AS created FROM outbox WHERE state = 'pending'",
  );

  return {
    enqueue(delivery, nowMs) {
      const result = insert.run({
        deliveryId: deliveryIdOf(delivery, delivery.key),
        platform: delivery.platform,
        channelId: delivery.channelId,
        storyId: delivery.storyId,
        kind: delivery.kind,
        level: delivery.level,
        deaths: delivery.deaths ?? null,
        reply: JSON.stringify(delivery.reply),
        threadRoot: delivery.threadRoot,
        nextAttemptAt: nowMs,
        created: now().toISOString(),
      });
      return result.changes === 1 ? Number(result.lastInsertRowid) : null;
    },
    due: (platform, nowMs, limit) => due.all(platform, nowMs, limit).map(toDelivery),
    claim: (id) => claim.run(id).changes === 1,
    markSent: (id, messageId, at) => {
      sent.run(messageId, at, id);
    },
    retryAt: (id, atMs, reason) => {
      retry.run(atMs, reason, id);
    },
    markFailed: (id, reason) => {
      failed.run(reason, id);
    },
    failChannel: (channel, reason) =>
      failChannel.run(reason, channel.platform, channel.channelId).changes,
    inDoubt: (platform) => inDoubt.all(platform).map(toDelivery),
    get: (id) => {
      const row = byId.get(id);
      return row ? toDelivery(row) : null;
    },
    history(channel, storyId) {
      const row = history.get(storyId, channel.platform, channel.channelId);
      return {
        root: row?.root ?? null,
        level: row?.level ?? 0,
        deaths: row?.deaths ?? 0,
        lastAlert: row?.last ?? null,
      };
    },
    alertsSince: (channel, since) =>
      alertsSince.get(channel.platform, channel.channelId, since)?.n ?? 0,
    nextDue: (platform) => nextDue.get(platform)?.at ?? null,
    backlog() {
      const backlog: Backlog = { pending: 0, sending: 0, failed: 0, sent: 0, oldestPending: null };
      for (const row of counts.all()) backlog[row.state] = row.n;
      backlog.oldestPending = oldest.get()?.created ?? null;
      return backlog;
    },
  };
}
