import type { Store } from '../corpus/store/store.ts';
import { resolveTopic } from '../corpus/topics.ts';
import type { Clock } from '../core/clock.ts';
import type { Platform } from '../core/invocation.ts';
import type { Logger } from '../core/logger.ts';
import type { Reply } from '../core/reply.ts';
import type { Outbox } from './outbox.ts';
import type { ChannelKey, Subscriptions } from './subscriptions.ts';

export interface DigestOptions {
  subscriptions: Subscriptions;
  outbox: Outbox;
  store: Store;
  clock: Clock;
  logger: Logger;
  /** Local hour (0-23, in the channel's time zone, UTC by default) at which digests go out. */
  hour: number;
  /** The topic's briefing as the channel would get it from `/briefing`, or null when there is none. */
  briefing(topic: string, channel: ChannelKey): Promise<Reply | null>;
  onEnqueued?(platform: Platform): void;
}

export interface DigestScheduler {
  /** Queues the digests due now; returns how many. */
  runDue(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

const TICK_MS = 60_000;

/** The local calendar date and hour of an instant in a time zone. */
export function localTime(at: Date, timeZone: string): { date: string; hour: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? '00';
  return { date: `${part('year')}-${part('month')}-${part('day')}`, hour: Number(part('hour')) };
}

/**
 * Daily digests: during the set hour of each channel's day, a channel subscribed with
 * `digest: daily` gets the topic's `/briefing`, through the outbox (one per topic, channel and
 * local date), and only when an article on the topic appeared since its last digest.
 */
export function createDigestScheduler(options: DigestOptions): DigestScheduler {
  const { subscriptions, outbox, store, clock, logger } = options;

  async function runDue(): Promise<number> {
    const now = clock.now();
    let queued = 0;
    for (const subscription of subscriptions.digests()) {
      const channel = { platform: subscription.platform, channelId: subscription.channelId };
      const zone = subscriptions.channel(channel).timeZone ?? 'UTC';
      const local = localTime(now, zone);
      if (local.hour !== options.hour) continue;
      if (
        subscription.lastDigest &&
        localTime(new Date(subscription.lastDigest), zone).date === local.date
      )
        continue;
      const topic = resolveTopic(subscription.topic);
      const newest = store.newestMatching(topic, now.toISOString());
      if (!newest || (subscription.lastDigest && newest <= subscription.lastDigest)) continue;
      const reply = await options.briefing(subscription.topic, channel);
      if (!reply) continue;
      const id = outbox.enqueue(
        {
          ...channel,
          key: `digest:${subscription.topic}:${local.date}`,
          storyId: null,
          kind: 'digest',
          level: reply.level ?? null,
          reply,
          threadRoot: null,
        },
        now.getTime(),
      );
      subscriptions.markDigest(channel, subscription.topic, now.toISOString());
      if (id !== null) {
        queued++;
        options.onEnqueued?.(channel.platform);
        logger.info({ ...channel, topic: subscription.topic }, 'digest queued');
      }
    }
    return queued;
  }

  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  return {
    runDue,
    start() {
      const tick = () => {
        running = runDue().catch((error: unknown) =>
          logger.error({ err: error }, 'digest run failed'),
        );
      };
      tick();
      timer = setInterval(tick, TICK_MS);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
