import type { Database } from 'better-sqlite3';
import type { Article } from '../corpus/article.ts';
import type { Clock } from '../core/clock.ts';
import type { Platform } from '../core/invocation.ts';
import type { Logger } from '../core/logger.ts';
import { createAlertDetector, type AlertDetector, type AlertSource } from './detector.ts';
import type { Notifier } from './notifier.ts';
import { createOutbox, type Outbox } from './outbox.ts';
import {
  createSendQueue,
  type DeliveryOutcome,
  type SendQueue,
  type SendQueueOptions,
} from './send-queue.ts';
import { createSubscriptions, type Subscriptions } from './subscriptions.ts';

/**
 * Alerts from end to end: subscriptions, the detector that turns story updates into outbox
 * rows, and one send queue per platform that has a notifier. Feed it story updates with
 * `detector.handle(update)` from inside the ingest transaction.
 */
export interface AlertPipeline {
  subscriptions: Subscriptions;
  outbox: Outbox;
  detector: AlertDetector;
  /** The send queue for a platform's notifier (one per platform). */
  addNotifier(notifier: Notifier, options?: Pick<SendQueueOptions, 'limits'>): SendQueue;
  queues(): SendQueue[];
}

export function createAlertPipeline(options: {
  db: Database;
  clock: Clock;
  logger: Logger;
  article(id: string): Article | null;
  /** The first reports of a story, which a first alert cites (see `DetectorOptions`). */
  storyReports?(storyId: string): AlertSource[];
  /** Told how each send attempt ended (wire to `metrics.deliveryFinished`). */
  onDelivery?(platform: Platform, outcome: DeliveryOutcome): void;
}): AlertPipeline {
  const { db, clock, logger } = options;
  const subscriptions = createSubscriptions(db);
  const outbox = createOutbox(db, () => clock.now());
  const queues = new Map<Platform, SendQueue>();
  const detector = createAlertDetector({
    subscriptions,
    outbox,
    clock,
    logger,
    article: options.article,
    ...(options.storyReports ? { storyReports: options.storyReports } : {}),
    onEnqueued: (platform) => queues.get(platform)?.kick(),
  });
  return {
    subscriptions,
    outbox,
    detector,
    addNotifier(notifier, extra = {}) {
      const existing = queues.get(notifier.platform);
      if (existing) return existing;
      const onDelivery = options.onDelivery;
      const queue = createSendQueue({
        notifier,
        outbox,
        subscriptions,
        clock,
        logger,
        ...(onDelivery ? { onOutcome: (outcome) => onDelivery(notifier.platform, outcome) } : {}),
        ...extra,
      });
      queues.set(notifier.platform, queue);
      return queue;
    },
    queues: () => [...queues.values()],
  };
}
