import { randomUUID } from 'node:crypto';
import { createDigestScheduler, type DigestScheduler } from './alerts/digest.ts';
import type { AlertPipeline } from './alerts/pipeline.ts';
import type { Notifier } from './alerts/notifier.ts';
import type { SendQueue } from './alerts/send-queue.ts';
import type { ArticleInput } from './corpus/article.ts';
import type { Ingester } from './corpus/ingest.ts';
import type { Store } from './corpus/store/store.ts';
import type { Clock } from './core/clock.ts';
import type { Dispatch } from './core/dispatch.ts';
import type { Logger } from './core/logger.ts';
import { createFeedPoller, type FeedPoller, type FeedReader } from './sources/feed-poller.ts';
import type { FeedConfig } from './sources/feeds-file.ts';
import { createInbox, type Inbox } from './sources/inbox.ts';
import { ingestSource } from './sources/ingest-source.ts';
import { createSourceState } from './sources/source-state.ts';

export interface LiveOptions {
  /** One per platform that delivers alerts (console, Discord, Telegram). */
  notifiers: readonly Notifier[];
  /** The drop folder, or null for none. */
  inboxDir: string | null;
  /** How long an inbox file must stay unchanged before it is taken (default 2 s). */
  inboxSettleMs?: number;
  feeds: readonly FeedConfig[];
  feedIntervalMs: number;
  /** Let feeds and linked pages resolve to private addresses (intranets, loopback test fakes). */
  allowPrivateFetch: boolean;
  fetchPages: boolean;
  /** Hour of the day (channel time, UTC by default) at which daily digests go out. */
  digestHour: number;
}

/** The running background work of a live bot. */
export interface Live {
  inbox: Inbox | null;
  poller: FeedPoller | null;
  digests: DigestScheduler;
  queues: SendQueue[];
  stop(): Promise<void>;
}

/**
 * Starts what makes the bot live in every mode: the send queues (after resuming deliveries a
 * previous run left pending or in doubt), the inbox folder and the feed poller.
 */
export async function startLive(
  parts: {
    store: Store;
    ingester: Ingester;
    alerts: AlertPipeline;
    dispatch: Dispatch;
    clock: Clock;
    logger: Logger;
    /** Parses feed documents off this thread (the analysis pool), when there is one. */
    readFeed?: FeedReader;
  },
  options: LiveOptions,
): Promise<Live> {
  const { store, ingester, alerts, dispatch, clock, logger } = parts;
  const fetch = { allowPrivate: options.allowPrivateFetch };
  const state = createSourceState(store.db);
  const queues = options.notifiers.map((notifier) => alerts.addNotifier(notifier));
  for (const queue of queues) queue.start();
  const inbox = options.inboxDir
    ? createInbox({
        dir: options.inboxDir,
        ingestFile: (path, signal) =>
          ingestSource(path, { ingester, clock, fetch, background: true, signal }),
        state,
        clock,
        logger: logger.child({ source: 'inbox' }),
        ...(options.inboxSettleMs !== undefined ? { settleMs: options.inboxSettleMs } : {}),
      })
    : null;
  await inbox?.start();
  const poller =
    options.feeds.length > 0
      ? createFeedPoller({
          feeds: options.feeds,
          state,
          clock,
          logger: logger.child({ source: 'feeds' }),
          intervalMs: options.feedIntervalMs,
          fetch,
          fetchPages: options.fetchPages,
          ...(parts.readFeed ? { read: parts.readFeed } : {}),
          ingest: (articles: readonly ArticleInput[], { quiet, signal }) =>
            ingester.ingestStream(articles, {
              background: true,
              signal,
              ...(quiet ? { around: alerts.detector.quietly } : {}),
            }),
        })
      : null;
  if (!poller) state.configureFeeds([]);
  poller?.start();
  const digests = createDigestScheduler({
    subscriptions: alerts.subscriptions,
    outbox: alerts.outbox,
    store,
    clock,
    logger: logger.child({ source: 'digest' }),
    hour: options.digestHour,
    onEnqueued: (platform) => queues.find((queue) => queue.platform === platform)?.kick(),
    // The digest is the topic's `/briefing`, answered as in the channel itself.
    async briefing(topic, channel) {
      const result = await dispatch({
        id: randomUUID(),
        command: 'briefing',
        args: { topic },
        platform: channel.platform,
        invoker: { id: 'sitrep', name: 'sitrep digest', isManager: true },
        channel: { id: channel.channelId, kind: 'channel' },
      });
      return result.outcome === 'ok' ? result.reply : null;
    },
  });
  digests.start();
  return {
    inbox,
    poller,
    digests,
    queues,
    async stop() {
      await digests.stop();
      await poller?.stop();
      await inbox?.stop();
      await Promise.all(queues.map((queue) => queue.stop()));
    },
  };
}
