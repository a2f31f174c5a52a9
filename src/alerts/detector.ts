import type { StoryUpdate } from '../analysis/story-update.ts';
import type { Article } from '../corpus/article.ts';
import type { Clock } from '../core/clock.ts';
import type { Platform } from '../core/invocation.ts';
import type { Logger } from '../core/logger.ts';
import { alertReply } from './alert-message.ts';
import type { DeliveryKind, Outbox } from './outbox.ts';
import type { ChannelKey, Subscriptions } from './subscriptions.ts';

export interface AlertDetector {
  /**
   * Decides who hears about one story update and puts those alerts in the outbox. Call it
   * inside the article's ingest transaction (the story indexer's `onUpdate`): the alerts then
   * commit, or roll back, together with the article, so an ingested article never loses its alerts.
   * Returns the outbox ids it created.
   */
  handle(update: StoryUpdate): number[];
  /** Runs `work` with detection off: a feed's first fetch is a baseline that alerts nobody. */
  quietly<T>(work: () => T): T;
}

export interface DetectorOptions {
  subscriptions: Subscriptions;
  outbox: Outbox;
  clock: Clock;
  logger: Logger;
  /** The article behind an update, for the alert's title, outlet and link. */
  article(id: string): Pick<Article, 'title' | 'outlet' | 'url' | 'published'> | null;
  /** Told after each enqueue, so the platform's send queue wakes up. */
  onEnqueued?(platform: Platform): void;
}

interface Decision {
  kind: Exclude<DeliveryKind, 'digest'>;
  key: string;
  threadRoot: number | null;
}

/**
 * The alert rules, per channel:
 * - a channel that never heard of the story gets an alert when the story reaches the channel's
 *   threshold through this article (a new story, a level raise or added deaths);
 * - a channel that did gets one more alert per higher level (threaded on the first), a
 *   follow-up when deaths are added, and a follow-up when the story de-escalates;
 * - anything else (same level, below the threshold, a repeat) is silent.
 * Topics are an allow-list: an update with no topic matches no subscription.
 */
function decide(
  update: StoryUpdate,
  minLevel: number,
  history: { root: number | null; level: number; lastAlert: number | null },
): Decision | null {
  const deathsAdded = update.fatalities > update.previousFatalities;
  if (history.root === null) {
    if (update.level < minLevel) return null;
    const changed = update.isNewStory || update.level > update.previousLevel || deathsAdded;
    if (!changed) return null;
    return {
      kind: 'alert',
      key: `story:${update.storyId}:level:${update.level}`,
      threadRoot: null,
    };
  }
  if (update.level > history.level) {
    return {
      kind: 'escalation',
      key: `story:${update.storyId}:level:${update.level}`,
      threadRoot: history.root,
    };
  }
  if (deathsAdded) {
    return {
      kind: 'follow-up',
      key: `story:${update.storyId}:deaths:${update.fatalities}`,
      threadRoot: history.root,
    };
  }
  if (update.deEscalation) {
    return {
      kind: 'de-escalation',
      key: `story:${update.storyId}:calm-after:${history.lastAlert}`,
      threadRoot: history.root,
    };
  }
  return null;
}

export function createAlertDetector(options: DetectorOptions): AlertDetector {
  const { subscriptions, outbox, clock, logger } = options;
  let quiet = 0;

  function handle(update: StoryUpdate): number[] {
    if (quiet > 0 || update.topics.length === 0) return [];
    const now = clock.now();
    // One decision per channel, at the lowest threshold among its matching subscriptions.
    const channels = new Map<string, { channel: ChannelKey; minLevel: number }>();
    for (const subscription of subscriptions.activeFor(update.topics, now)) {
      const id = `${subscription.platform}\u0000${subscription.channelId}`;
      const seen = channels.get(id);
      if (!seen || subscription.minLevel < seen.minLevel) {
        channels.set(id, {
          channel: { platform: subscription.platform, channelId: subscription.channelId },
          minLevel: subscription.minLevel,
        });
      }
    }
    const created: number[] = [];
    let article: ReturnType<DetectorOptions['article']> | undefined;
    for (const { channel, minLevel } of channels.values()) {
      const decision = decide(update, minLevel, outbox.history(channel, update.storyId));
      if (!decision) continue;
      article ??= options.article(update.articleId);
      const id = outbox.enqueue(
        {
          ...channel,
          key: decision.key,
          storyId: update.storyId,
          kind: decision.kind,
          level: update.level,
          reply: alertReply(decision.kind, update, article),
          threadRoot: decision.threadRoot,
        },
        now.getTime(),
      );
      if (id === null) continue;
      created.push(id);
      logger.info(
        { story: update.storyId, kind: decision.kind, level: update.level, ...channel },
        'alert queued',
      );
      options.onEnqueued?.(channel.platform);
    }
    return created;
  }

  return {
    handle,
    quietly(work) {
      quiet++;
      try {
        return work();
      } finally {
        quiet--;
      }
    },
  };
}
